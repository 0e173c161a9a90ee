package org.consilium.matching;

import java.time.Instant;
import java.util.UUID;

/** A coordinator assigned a specialist through matching; {@code overridden} when they chose against the ranking. Ids only. */
public record SpecialistAssigned(UUID caseId, UUID specialistId, UUID assignedBy, boolean overridden, Instant at) {
}
