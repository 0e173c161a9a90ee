package org.consilium.intake;

import java.time.Duration;
import java.time.Instant;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * A case clock that is running now (not paused, not stopped), with how much of its budget is used, for escalations.
 * Identifiers and instants only.
 *
 * <p>The used share is wall-clock time since the start minus time on hold, divided by the same measure at the due
 * instant: {@code (now − startedAt − held) / (dueAt − startedAt − held)}. It is 1.0 exactly at the due instant
 * (17:00 program time on the last business day, see {@link org.consilium.shared.DeadlineClock}) and above 1.0 once
 * overdue; it does not advance while the clock is paused (a paused clock is not listed at all).
 *
 * @param clock         {@code "triage"} or {@code "review"}
 * @param coordinatorId the coordinator who claimed the case, or null while unclaimed
 * @param usedFraction  share of the budget used, {@code >= 0}, unbounded above
 */
public record RunningClock(CaseId caseId, UserId coordinatorId, String clock, Instant startedAt, Instant dueAt, double usedFraction) {

	static RunningClock of(CaseId caseId, UserId coordinatorId, String clock, Instant startedAt, Duration held, Instant dueAt, Instant now) {
		double used = Duration.between(startedAt, now).minus(held).toMillis();
		double budget = Math.max(1, Duration.between(startedAt, dueAt).minus(held).toMillis());
		return new RunningClock(caseId, coordinatorId, clock, startedAt, dueAt, Math.max(0, used / budget));
	}
}
