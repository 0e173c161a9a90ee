package org.consilium.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A business-day deadline of a case, computed from its start, its length and its recorded pauses.
 *
 * <p>Two clocks run per case (product spec; the case lifecycle paragraph of {@code docs/architecture.md}):
 * <ul>
 * <li><b>triage</b> from submission to completed triage, {@value #DEFAULT_TRIAGE_BUSINESS_DAYS} business
 * days by default, on hold while the case is AWAITING_RECORDS;</li>
 * <li><b>review</b> from completed triage to delivery, {@value #DEFAULT_REVIEW_BUSINESS_DAYS} business
 * days by default, on hold while the case is AWAITING_PATIENT.</li>
 * </ul>
 *
 * <p>How the due instant is computed (all dates in the program zone of the {@link BusinessCalendar}):
 * <ol>
 * <li>The start date is the local date of {@code startedAt}; the time of day does not matter, so a case
 * submitted Monday 10:00 or Monday 18:00 with 2 business days is due Wednesday 17:00, and one submitted
 * Friday 18:00, Saturday or Sunday is due Tuesday 17:00.</li>
 * <li>The due date is the {@code businessDays}-th business day after the start date
 * ({@link BusinessCalendar#plusBusinessDays}). With zero business days it is the start date itself,
 * even when that is a weekend or holiday, and the clock may be overdue from the start.</li>
 * <li>For every business day D from the start date through the due date (the due date moving as it
 * extends), if 17:00 on D lies inside a pause {@code [pausedAt, resumedAt)}, the due date moves one
 * more business day. The start date counts too, if it is a business day. An open pause extends to
 * {@code now}, or to {@code stoppedAt} for a stopped clock. Weekends and holidays on hold add nothing.
 * A pause that begins after the due instant has passed adds nothing: an overdue case stays overdue.</li>
 * <li>The case is due at 17:00 program time on the due date; the instant uses that date's offset,
 * so it is exactly 17:00 local time across daylight-saving changes.</li>
 * </ol>
 *
 * <p>A user in another zone sees the same {@link Instant} rendered in their own zone (17:00 in Berlin is
 * 08:00 in Los Angeles the same summer day); only the program zone decides dates.
 *
 * @param name          which clock: {@code "triage"} or {@code "review"}; not blank
 * @param startedAt     submission (triage) or completed triage (review); never null
 * @param businessDays  the length of the clock in business days, {@code >= 0}
 * @param pauses        the recorded holds, in order, not overlapping, all at or after {@code startedAt}
 *                      (and, for a stopped clock, at or before {@code stoppedAt}); only the last may be
 *                      open; stored as an unmodifiable copy
 * @param stoppedAt     when the clock stopped (triage completed, opinion delivered, case withdrawn), at or
 *                      after {@code startedAt}; null while it runs
 * @throws IllegalArgumentException when an argument breaks one of these rules; the message says which
 */
public record DeadlineClock(String name, Instant startedAt, int businessDays, List<Pause> pauses, Instant stoppedAt) {

	/** Default length of the triage clock, in business days (product spec). */
	public static final int DEFAULT_TRIAGE_BUSINESS_DAYS = 2;

	/** Default length of the review clock, in business days (product spec). */
	public static final int DEFAULT_REVIEW_BUSINESS_DAYS = 7;

	public DeadlineClock {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank (\"triage\" or \"review\")");
		}
		if (startedAt == null) {
			throw new IllegalArgumentException("startedAt must not be null: the " + name + " clock needs a start");
		}
		if (businessDays < 0) {
			throw new IllegalArgumentException("businessDays must be >= 0, was " + businessDays);
		}
		if (pauses == null) {
			throw new IllegalArgumentException("pauses must not be null (use an empty list for none)");
		}
		if (stoppedAt != null && stoppedAt.isBefore(startedAt)) {
			throw new IllegalArgumentException(
					"stoppedAt " + stoppedAt + " is before startedAt " + startedAt + ": a clock cannot stop before it starts");
		}
		for (int i = 0; i < pauses.size(); i++) {
			Pause pause = pauses.get(i);
			if (pause == null) {
				throw new IllegalArgumentException("pauses[" + i + "] is null");
			}
			if (pause.pausedAt().isBefore(startedAt)) {
				throw new IllegalArgumentException("pauses[" + i + "] begins at " + pause.pausedAt()
						+ ", before the clock started at " + startedAt);
			}
			if (stoppedAt != null && (pause.pausedAt().isAfter(stoppedAt)
					|| (pause.resumedAt() != null && pause.resumedAt().isAfter(stoppedAt)))) {
				throw new IllegalArgumentException("pauses[" + i + "] " + pause + " reaches past the stop at " + stoppedAt);
			}
			if (i > 0) {
				Pause previous = pauses.get(i - 1);
				if (previous.isOpen()) {
					throw new IllegalArgumentException("pauses[" + (i - 1) + "] is still open but pauses[" + i
							+ "] follows it: only the last pause may be open");
				}
				if (pause.pausedAt().isBefore(previous.resumedAt())) {
					throw new IllegalArgumentException("pauses[" + i + "] begins at " + pause.pausedAt() + ", before pauses["
							+ (i - 1) + "] resumed at " + previous.resumedAt()
							+ ": pauses must be in order and must not overlap");
				}
			}
		}
		pauses = List.copyOf(pauses);
	}

	/** A running clock with no pauses yet. */
	public static DeadlineClock start(String name, Instant startedAt, int businessDays) {
		return new DeadlineClock(name, startedAt, businessDays, List.of(), null);
	}

	/**
	 * The instant at which the case is due: 17:00 program time on the last business day, after every
	 * extension for a close of business spent on hold (see the class comment for the rule).
	 *
	 * @param now the current instant; used only to close an open pause of a running clock
	 * @throws IllegalArgumentException when {@code calendar} or {@code now} is null
	 */
	public Instant dueAt(BusinessCalendar calendar, Instant now) {
		requireCalendarAndNow(calendar, now);
		Instant openPauseEnd = stoppedAt != null ? stoppedAt : now;
		LocalDate dueDate = calendar.plusBusinessDays(startDate(calendar), businessDays);
		for (LocalDate day = startDate(calendar); !day.isAfter(dueDate); day = day.plusDays(1)) {
			if (calendar.isBusinessDay(day) && isOnHold(calendar.closeOfBusinessOn(day).toInstant(), openPauseEnd)) {
				dueDate = calendar.plusBusinessDays(dueDate, 1);
			}
		}
		return calendar.closeOfBusinessOn(dueDate).toInstant();
	}

	/** {@link ClockState#STOPPED} once stopped, else {@link ClockState#PAUSED} while the last pause is open. */
	public ClockState state() {
		if (stoppedAt != null) {
			return ClockState.STOPPED;
		}
		if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen()) {
			return ClockState.PAUSED;
		}
		return ClockState.RUNNING;
	}

	/**
	 * Whether the deadline was missed: for a running or paused clock, {@code now} is strictly after the
	 * due instant (at exactly 17:00 the case is still on time); for a stopped clock, it stopped strictly
	 * after the due instant, whatever {@code now} is.
	 *
	 * @throws IllegalArgumentException when {@code calendar} or {@code now} is null
	 */
	public boolean isOverdue(BusinessCalendar calendar, Instant now) {
		Instant due = dueAt(calendar, now);
		return stoppedAt != null ? stoppedAt.isAfter(due) : now.isAfter(due);
	}

	/**
	 * Business days left: how many business days lie after today (the program-zone date of {@code now})
	 * up to and including the due date. On the due date itself, before 17:00, it is 0. It is 0 once
	 * overdue, and 0 for a stopped clock, which has nothing left to count.
	 *
	 * @throws IllegalArgumentException when {@code calendar} or {@code now} is null
	 */
	public long businessDaysRemaining(BusinessCalendar calendar, Instant now) {
		if (stoppedAt != null || isOverdue(calendar, now)) {
			return 0;
		}
		LocalDate today = now.atZone(calendar.zone()).toLocalDate();
		LocalDate dueDate = dueAt(calendar, now).atZone(calendar.zone()).toLocalDate();
		long remaining = 0;
		for (LocalDate day = today.plusDays(1); !day.isAfter(dueDate); day = day.plusDays(1)) {
			if (calendar.isBusinessDay(day)) {
				remaining++;
			}
		}
		return remaining;
	}

	/**
	 * Business days used so far (the turnaround once stopped): the business days after the start date up to and
	 * including the program-zone date of the stop (or of {@code now} while running), less each business day whose
	 * 17:00 fell on hold. The start date itself never counts, as in {@link BusinessCalendar#plusBusinessDays}: a clock
	 * started Monday and stopped Wednesday used 2; one stopped on its start date used 0. Never negative.
	 *
	 * @throws IllegalArgumentException when {@code calendar} or {@code now} is null
	 */
	public long businessDaysUsed(BusinessCalendar calendar, Instant now) {
		requireCalendarAndNow(calendar, now);
		Instant end = stoppedAt != null ? stoppedAt : now;
		LocalDate endDate = end.atZone(calendar.zone()).toLocalDate();
		long used = 0;
		for (LocalDate day = startDate(calendar).plusDays(1); !day.isAfter(endDate); day = day.plusDays(1)) {
			if (calendar.isBusinessDay(day)) {
				used++;
			}
		}
		for (LocalDate day = startDate(calendar); !day.isAfter(endDate); day = day.plusDays(1)) {
			Instant close = calendar.closeOfBusinessOn(day).toInstant();
			if (calendar.isBusinessDay(day) && close.isBefore(end) && isOnHold(close, end)) {
				used--;
			}
		}
		return Math.max(0, used);
	}

	private LocalDate startDate(BusinessCalendar calendar) {
		return startedAt.atZone(calendar.zone()).toLocalDate();
	}

	private boolean isOnHold(Instant instant, Instant openPauseEnd) {
		for (Pause pause : pauses) {
			Instant end = Objects.requireNonNullElse(pause.resumedAt(), openPauseEnd);
			if (!instant.isBefore(pause.pausedAt()) && instant.isBefore(end)) {
				return true;
			}
		}
		return false;
	}

	private static void requireCalendarAndNow(BusinessCalendar calendar, Instant now) {
		if (calendar == null) {
			throw new IllegalArgumentException("calendar must not be null");
		}
		if (now == null) {
			throw new IllegalArgumentException("now must not be null");
		}
	}

}
