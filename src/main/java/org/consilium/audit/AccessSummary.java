package org.consilium.audit;

import java.time.Instant;
import java.time.LocalDate;

import org.consilium.shared.UserId;

/**
 * One line of a case's access log as the patient reads it: everything one person (account and role; no account for
 * the system) did of one kind ({@link AuditAction} code) with one outcome on one day, counted. The day is the calendar
 * day in the zone the log was asked for; {@code last} is the latest of these accesses (UTC).
 */
public record AccessSummary(UserId actorId, String actorRole, LocalDate day, String action, AuditOutcome outcome, long count,
		Instant last) {
}
