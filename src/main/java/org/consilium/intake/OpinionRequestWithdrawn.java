package org.consilium.intake;

import java.time.Instant;
import java.util.UUID;

/** The patient withdrew the case. Identifiers and an instant only. */
public record OpinionRequestWithdrawn(UUID opinionRequestId, Instant withdrawnAt) {
}
