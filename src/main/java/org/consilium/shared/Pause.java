package org.consilium.shared;

import java.time.Instant;

/**
 * One recorded hold of a deadline clock: the case entered AWAITING_RECORDS (triage clock) or
 * AWAITING_PATIENT (review clock) at {@code pausedAt} and left it at {@code resumedAt}. The caller
 * records every pause and resume; {@link DeadlineClock} computes the deadline from them.
 *
 * <p>The pause covers the half-open interval {@code [pausedAt, resumedAt)}: a pause that starts at
 * exactly 17:00 holds that close of business, one that resumes at exactly 17:00 does not.
 *
 * @param pausedAt  when the hold began; never null
 * @param resumedAt when the hold ended, not before {@code pausedAt}; null while the case is still on
 *                  hold (an open pause)
 * @throws IllegalArgumentException when {@code pausedAt} is null or {@code resumedAt} is before it
 */
public record Pause(Instant pausedAt, Instant resumedAt) {

	public Pause {
		if (pausedAt == null) {
			throw new IllegalArgumentException("pausedAt must not be null");
		}
		if (resumedAt != null && resumedAt.isBefore(pausedAt)) {
			throw new IllegalArgumentException(
					"resumedAt " + resumedAt + " is before pausedAt " + pausedAt + ": a pause cannot end before it begins");
		}
	}

	/** An open pause: the case is still on hold. */
	public static Pause since(Instant pausedAt) {
		return new Pause(pausedAt, null);
	}

	/** Whether the case is still on hold ({@code resumedAt} is null). */
	public boolean isOpen() {
		return resumedAt == null;
	}

}
