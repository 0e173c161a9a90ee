package org.consilium.intake;

import java.time.Instant;

import org.consilium.shared.ClockState;

/**
 * One of the two clocks of a case, as computed now: its due instant (17:00 program time on the last business day,
 * extended by each business day spent on hold at 17:00), whether it runs, is paused or stopped, and whether it is
 * overdue; the business days left, and the business days used so far excluding holds (once stopped, the turnaround).
 * See {@link org.consilium.shared.DeadlineClock} for the rule.
 */
public record CaseDeadline(String name, Instant dueAt, ClockState state, boolean overdue, long businessDaysRemaining,
		long businessDaysUsed) {

	/** Whether the clock stopped within its deadline (false while it runs or is paused). */
	public boolean stoppedOnTime() {
		return state == ClockState.STOPPED && !overdue;
	}
}
