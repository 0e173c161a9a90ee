package org.consilium.records;

import java.time.Instant;
import java.util.UUID;

/** A document or FHIR import was added to a case. Identifiers, a kind code and an instant only. */
public record RecordAdded(UUID caseId, UUID recordId, String kind, Instant addedAt) {
}
