package org.consilium.intake;

import java.time.Instant;
import java.util.UUID;

/** A case was submitted for triage. Identifiers, a code and an instant only: never health data. */
public record OpinionRequestSubmitted(UUID opinionRequestId, String urgency, Instant submittedAt) {
}
