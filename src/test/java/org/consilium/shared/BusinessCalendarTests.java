package org.consilium.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	// 2026-04-03 Good Friday and 2026-04-06 Easter Monday, 2026-05-01 Labour Day (a Friday).
	static final BusinessCalendar BERLIN_WITH_HOLIDAYS = BusinessCalendar.of(BERLIN,
			List.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-01")));

	@Test
	void weekdaysAreBusinessDaysAndWeekendsAreNot() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-04"))).as("Monday").isTrue();
		assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-08"))).as("Friday").isTrue();
		assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-09"))).as("Saturday").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-10"))).as("Sunday").isFalse();
	}

	@Test
	void aHolidayOnAWeekdayIsNotABusinessDay() {
		assertThat(BERLIN_WITH_HOLIDAYS.isBusinessDay(LocalDate.parse("2026-04-03"))).isFalse();
		assertThat(BERLIN_WITH_HOLIDAYS.isBusinessDay(LocalDate.parse("2026-04-02"))).isTrue();
	}

	@Test
	void zeroBusinessDaysLeavesTheDateUnchangedEvenOnAWeekend() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-04"), 0)).isEqualTo("2026-05-04");
		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-09"), 0)).isEqualTo("2026-05-09");
	}

	@Test
	void countingStartsOnTheDayAfterTheGivenDate() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-04"), 1)).isEqualTo("2026-05-05");
		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-04"), 2)).isEqualTo("2026-05-06");
	}

	@Test
	void countingSkipsTheWeekend() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-08"), 1)).as("from Friday").isEqualTo("2026-05-11");
		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-08"), 2)).as("from Friday").isEqualTo("2026-05-12");
		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-09"), 2)).as("from Saturday").isEqualTo("2026-05-12");
		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-10"), 2)).as("from Sunday").isEqualTo("2026-05-12");
		assertThat(calendar.plusBusinessDays(LocalDate.parse("2026-05-04"), 7)).isEqualTo("2026-05-13");
	}

	@Test
	void countingSkipsHolidays() {
		// Thursday before Easter: Good Friday, the weekend and Easter Monday are skipped.
		assertThat(BERLIN_WITH_HOLIDAYS.plusBusinessDays(LocalDate.parse("2026-04-02"), 1)).isEqualTo("2026-04-07");
		assertThat(BERLIN_WITH_HOLIDAYS.plusBusinessDays(LocalDate.parse("2026-04-02"), 2)).isEqualTo("2026-04-08");
	}

	@Test
	void closeOfBusinessIsFiveInTheAfternoonInTheProgramZone() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThat(calendar.closeOfBusiness()).isEqualTo(LocalTime.of(17, 0));
		assertThat(calendar.closeOfBusinessOn(LocalDate.parse("2026-05-06")).toInstant())
				.isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
	}

	@Test
	void closeOfBusinessFollowsTheOffsetOfItsOwnDateAcrossSpringForward() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThat(calendar.closeOfBusinessOn(LocalDate.parse("2026-03-28")).toInstant())
				.as("Saturday, CET").isEqualTo(Instant.parse("2026-03-28T16:00:00Z"));
		assertThat(calendar.closeOfBusinessOn(LocalDate.parse("2026-03-29")).toInstant())
				.as("the day of the change, CEST").isEqualTo(Instant.parse("2026-03-29T15:00:00Z"));
	}

	@Test
	void closeOfBusinessFollowsTheOffsetOfItsOwnDateAcrossFallBack() {
		BusinessCalendar calendar = BusinessCalendar.of(NEW_YORK, List.of());

		assertThat(calendar.closeOfBusinessOn(LocalDate.parse("2026-10-31")).toInstant())
				.as("Saturday, EDT").isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
		assertThat(calendar.closeOfBusinessOn(LocalDate.parse("2026-11-01")).toInstant())
				.as("the day of the change, EST").isEqualTo(Instant.parse("2026-11-01T22:00:00Z"));
	}

	@Test
	void aCustomCloseOfBusinessIsUsed() {
		BusinessCalendar calendar = new BusinessCalendar(BERLIN, Set.of(), LocalTime.of(16, 30));

		assertThat(calendar.closeOfBusinessOn(LocalDate.parse("2026-05-06")).toInstant())
				.isEqualTo(Instant.parse("2026-05-06T14:30:00Z"));
	}

	@Test
	void theHolidayListIsACopyThatLaterChangesDoNotReach() {
		List<LocalDate> holidays = new ArrayList<>(List.of(LocalDate.parse("2026-04-03")));
		Set<LocalDate> holidaySet = new HashSet<>(holidays);
		BusinessCalendar fromList = BusinessCalendar.of(BERLIN, holidays);
		BusinessCalendar fromSet = new BusinessCalendar(BERLIN, holidaySet, LocalTime.of(17, 0));

		holidays.add(LocalDate.parse("2026-04-06"));
		holidaySet.add(LocalDate.parse("2026-04-06"));

		assertThat(fromList.isBusinessDay(LocalDate.parse("2026-04-06"))).isTrue();
		assertThat(fromSet.isBusinessDay(LocalDate.parse("2026-04-06"))).isTrue();
	}

	@Test
	void rejectsMissingOrNegativeArguments() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.of(null, List.of()))
				.withMessageContaining("zone must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.of(BERLIN, null))
				.withMessageContaining("holidays must not be null");
		List<LocalDate> withNull = new ArrayList<>();
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.of(BERLIN, withNull))
				.withMessageContaining("holidays must not contain null");
		assertThatIllegalArgumentException().isThrownBy(() -> new BusinessCalendar(BERLIN, Set.of(), null))
				.withMessageContaining("closeOfBusiness must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusBusinessDays(LocalDate.parse("2026-05-04"), -1))
				.withMessage("n must be >= 0 business days, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusBusinessDays(null, 1))
				.withMessageContaining("from must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.isBusinessDay(null))
				.withMessageContaining("date must not be null");
	}

}
