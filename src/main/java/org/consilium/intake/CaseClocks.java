package org.consilium.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.consilium.shared.BusinessCalendar;
import org.consilium.shared.DeadlineClock;
import org.consilium.shared.Pause;

/**
 * Derives the triage and review clocks of a case from its timeline. Triage runs from the first submission to the first
 * assignment and pauses in AWAITING_RECORDS; review runs from the first assignment to delivery and pauses in
 * AWAITING_PATIENT (docs/architecture.md, "The case lifecycle"). Withdrawal or decline stops both.
 */
final class CaseClocks {

	private CaseClocks() {
	}

	static CaseDeadline triage(List<StatusChange> timeline, BusinessCalendar calendar, int businessDays, Instant now) {
		Instant start = firstEntry(timeline, OpinionRequestStatus.SUBMITTED);
		if (start == null) {
			return null;
		}
		Instant stop = firstOf(firstEntry(timeline, OpinionRequestStatus.ASSIGNED), firstEntry(timeline, OpinionRequestStatus.DECLINED),
				firstEntry(timeline, OpinionRequestStatus.WITHDRAWN));
		return compute("triage", start, stop, pauses(timeline, OpinionRequestStatus.AWAITING_RECORDS), calendar, businessDays, now);
	}

	static CaseDeadline review(List<StatusChange> timeline, BusinessCalendar calendar, int businessDays, Instant now) {
		Instant start = firstEntry(timeline, OpinionRequestStatus.ASSIGNED);
		if (start == null) {
			return null;
		}
		Instant stop = firstEntry(timeline, OpinionRequestStatus.DELIVERED);
		return compute("review", start, stop, pauses(timeline, OpinionRequestStatus.AWAITING_PATIENT), calendar, businessDays, now);
	}

	private static CaseDeadline compute(String name, Instant start, Instant stop, List<Pause> pauses, BusinessCalendar calendar,
			int businessDays, Instant now) {
		List<Pause> within = pauses.stream().filter(p -> !p.pausedAt().isBefore(start) && (stop == null || p.pausedAt().isBefore(stop)))
			.map(p -> stop != null && (p.resumedAt() == null || p.resumedAt().isAfter(stop)) ? new Pause(p.pausedAt(), stop) : p)
			.toList();
		DeadlineClock clock = new DeadlineClock(name, start, businessDays, within, stop);
		return new CaseDeadline(name, clock.dueAt(calendar, now), clock.state(), clock.isOverdue(calendar, now),
				clock.businessDaysRemaining(calendar, now), clock.businessDaysUsed(calendar, now));
	}

	static List<Pause> pauses(List<StatusChange> timeline, OpinionRequestStatus hold) {
		List<Pause> pauses = new ArrayList<>();
		Instant pausedAt = null;
		for (StatusChange change : timeline) {
			if (change.toStatus() == hold && pausedAt == null) {
				pausedAt = change.at();
			}
			else if (change.fromStatus() == hold && pausedAt != null) {
				pauses.add(new Pause(pausedAt, change.at()));
				pausedAt = null;
			}
		}
		if (pausedAt != null) {
			pauses.add(new Pause(pausedAt, null));
		}
		return pauses;
	}

	static Instant firstEntry(List<StatusChange> timeline, OpinionRequestStatus status) {
		return timeline.stream().filter(c -> c.toStatus() == status).map(StatusChange::at).findFirst().orElse(null);
	}

	private static Instant firstOf(Instant... instants) {
		Instant first = null;
		for (Instant i : instants) {
			if (i != null && (first == null || i.isBefore(first))) {
				first = i;
			}
		}
		return first;
	}
}
