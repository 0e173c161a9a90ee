package org.consilium.intake;

import java.time.Instant;

import org.consilium.shared.UserId;

/** One step of a case's timeline: from which state to which, when (UTC), by whom, and a note (a reason, a code). */
public record StatusChange(OpinionRequestStatus fromStatus, OpinionRequestStatus toStatus, Instant at, UserId by, String note) {
}
