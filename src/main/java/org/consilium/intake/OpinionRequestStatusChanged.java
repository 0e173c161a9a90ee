package org.consilium.intake;

import java.time.Instant;

import org.consilium.shared.CaseId;

/** Any lifecycle step, for live status and notifications. Identifiers, states and an instant only. */
public record OpinionRequestStatusChanged(CaseId opinionRequestId, OpinionRequestStatus from, OpinionRequestStatus to, Instant at) {
}
