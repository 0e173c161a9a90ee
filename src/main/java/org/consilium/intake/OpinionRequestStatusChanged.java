package org.consilium.intake;

import java.time.Instant;
import java.util.UUID;

/** Any lifecycle step, for live status and notifications. Identifiers, states and an instant only. */
public record OpinionRequestStatusChanged(UUID opinionRequestId, OpinionRequestStatus from, OpinionRequestStatus to, Instant at) {
}
