package org.consilium.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The turnaround of a clock ({@link DeadlineClock#businessDaysUsed}) and the remaining days where weekends, holidays,
 * pauses and daylight-saving changes meet, in the program zone against the user's.
 */
class BusinessDaysUsedTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final BusinessCalendar BERLIN_NO_HOLIDAYS = BusinessCalendar.of(BERLIN, List.of());

	static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	static DeadlineClock review(String startBerlin, String stopBerlin, Pause... pauses) {
		return new DeadlineClock("review", berlin(startBerlin), 7, List.of(pauses), stopBerlin == null ? null : berlin(stopBerlin));
	}

	@Test
	void deliveredTwoWeekdaysAfterTheStartUsedTwoBusinessDays() {
		DeadlineClock clock = review("2026-05-04T10:00", "2026-05-06T12:00");

		assertThat(clock.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-06-01T00:00"))).isEqualTo(2);
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, berlin("2026-06-01T00:00"))).isFalse();
	}

	@Test
	void deliveredOnTheStartDateUsedNone() {
		assertThat(review("2026-05-04T09:00", "2026-05-04T16:00").businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-05-05T00:00")))
			.isZero();
	}

	@Test
	void theWeekendAndHolidaysAreNotUsed() {
		// Friday 18 Dec 2026 to Monday 28 Dec 2026 with 24, 25 Dec holidays: 21, 22, 23, 28 = 4 business days.
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
		DeadlineClock clock = review("2026-12-18T10:00", "2026-12-28T11:00");

		assertThat(clock.businessDaysUsed(calendar, berlin("2027-01-10T00:00"))).isEqualTo(4);
		assertThat(clock.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2027-01-10T00:00"))).as("without holidays").isEqualTo(6);
	}

	@Test
	void businessDaysOnHoldAtFiveAreNotUsed() {
		// Monday to the next Monday is 5 business days; waiting for the patient over Tuesday and Wednesday 17:00 takes 2 off.
		DeadlineClock clock = review("2026-05-04T10:00", "2026-05-11T10:00", new Pause(berlin("2026-05-05T12:00"), berlin("2026-05-07T09:00")));

		assertThat(clock.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-06-01T00:00"))).isEqualTo(3);
	}

	@Test
	void aRunningClockCountsUpToTodayAndAnOpenPauseStopsTheCount() {
		DeadlineClock running = review("2026-05-04T10:00", null);
		assertThat(running.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-05-06T09:00"))).isEqualTo(2);

		DeadlineClock paused = new DeadlineClock("review", berlin("2026-05-04T10:00"), 7, List.of(Pause.since(berlin("2026-05-05T08:00"))), null);
		assertThat(paused.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-05-08T09:00")))
			.as("Tue to Fri elapsed, Tue to Thu 17:00 on hold").isEqualTo(1);
	}

	@Test
	void usedBusinessDaysCountProgramDatesNotTheUsersAcrossSpringForward() {
		// Started Friday 27 Mar 2026 in CET, delivered Monday 30 Mar 00:30 CEST (Sunday 22:30Z, Sunday afternoon in New York).
		DeadlineClock clock = new DeadlineClock("review", Instant.parse("2026-03-27T09:00:00Z"), 7, List.of(),
				Instant.parse("2026-03-29T22:30:00Z"));

		assertThat(clock.businessDaysUsed(BERLIN_NO_HOLIDAYS, Instant.parse("2026-04-30T00:00:00Z"))).isEqualTo(1);
		assertThat(clock.businessDaysUsed(BusinessCalendar.of(ZoneId.of("America/New_York"), List.of()),
				Instant.parse("2026-04-30T00:00:00Z"))).as("the same instants in a New York program").isZero();
	}

	@Test
	void aPauseAcrossFallBackHoldsTheCloseOfBusinessOnEachSideOfTheChange() {
		// Friday 23 Oct 2026 16:00 CEST to Monday 26 Oct 18:00 CET: holds Friday 17:00 (15:00Z) and Monday 17:00 (16:00Z).
		DeadlineClock clock = new DeadlineClock("review", berlin("2026-10-22T10:00"), 2,
				List.of(new Pause(berlin("2026-10-23T16:00"), berlin("2026-10-26T18:00"))), null);

		Instant due = clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-10-27T09:00"));

		assertThat(due).isEqualTo(Instant.parse("2026-10-28T16:00:00Z"));
		assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo("2026-10-28T17:00");
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-10-27T09:00"))).isEqualTo(1);
		assertThat(clock.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-10-27T09:00"))).isEqualTo(1);
	}

	@Test
	void aPauseAcrossSpringForwardHoldsTheCloseOfBusinessOnEachSideOfTheChange() {
		// Friday 27 Mar 2026 16:00 CET to Monday 30 Mar 18:00 CEST: holds Friday (16:00Z) and Monday (15:00Z).
		DeadlineClock clock = new DeadlineClock("review", berlin("2026-03-26T10:00"), 2,
				List.of(new Pause(berlin("2026-03-27T16:00"), berlin("2026-03-30T18:00"))), null);

		Instant due = clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-03-31T09:00"));

		assertThat(due).isEqualTo(Instant.parse("2026-04-01T15:00:00Z"));
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-03-31T09:00"))).isEqualTo(1);
	}

	@Test
	void deliveredAfterFiveOnTheDueDateIsLateThoughItUsedNoMoreDaysThanTheBudget() {
		DeadlineClock clock = new DeadlineClock("triage", berlin("2026-05-04T10:00"), 2, List.of(), berlin("2026-05-06T17:30"));

		assertThat(clock.businessDaysUsed(BERLIN_NO_HOLIDAYS, berlin("2026-06-01T00:00"))).isEqualTo(2);
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, berlin("2026-06-01T00:00"))).isTrue();
	}
}
