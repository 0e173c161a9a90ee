package org.consilium.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlineClockTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	static final BusinessCalendar BERLIN_NO_HOLIDAYS = BusinessCalendar.of(BERLIN, List.of());

	/** Monday 2026-05-04 10:00 in Berlin (CEST, UTC+2). */
	static final Instant MONDAY_10_00 = berlin("2026-05-04T10:00");

	static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	static DeadlineClock triage(Instant startedAt, Pause... pauses) {
		return new DeadlineClock("triage", startedAt, 2, Arrays.asList(pauses), null);
	}

	static DeadlineClock review(Instant startedAt, Pause... pauses) {
		return new DeadlineClock("review", startedAt, 7, Arrays.asList(pauses), null);
	}

	static Pause pause(String fromBerlin, String toBerlin) {
		return new Pause(berlin(fromBerlin), berlin(toBerlin));
	}

	// --- weekdays, weekends, late submissions, zero days

	@Test
	void submittedMondayMorningWithTwoBusinessDaysIsDueWednesdayAtFive() {
		assertThat(triage(MONDAY_10_00).dueAt(BERLIN_NO_HOLIDAYS, MONDAY_10_00))
				.isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
	}

	@Test
	void submittedMondayAfterFiveIsStillCountedFromMonday() {
		Instant monday18 = berlin("2026-05-04T18:00");

		assertThat(triage(monday18).dueAt(BERLIN_NO_HOLIDAYS, monday18))
				.isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
	}

	@Test
	void submittedJustAfterMidnightCountsFromTheNewDay() {
		Instant tuesday0030 = berlin("2026-05-05T00:30");

		assertThat(triage(tuesday0030).dueAt(BERLIN_NO_HOLIDAYS, tuesday0030))
				.isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
	}

	@Test
	void reviewOfSevenBusinessDaysFromMondayEndsTheNextWednesday() {
		assertThat(review(MONDAY_10_00).dueAt(BERLIN_NO_HOLIDAYS, MONDAY_10_00))
				.isEqualTo(Instant.parse("2026-05-13T15:00:00Z"));
	}

	@Test
	void submittedFridayAfternoonOrEveningIsDueTuesday() {
		Instant tuesday17 = Instant.parse("2026-05-12T15:00:00Z");

		assertThat(triage(berlin("2026-05-08T14:00")).dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-08T14:00")))
				.isEqualTo(tuesday17);
		assertThat(triage(berlin("2026-05-08T18:00")).dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-08T18:00")))
				.isEqualTo(tuesday17);
	}

	@Test
	void submittedOnSaturdayOrSundayIsDueTuesday() {
		Instant tuesday17 = Instant.parse("2026-05-12T15:00:00Z");

		assertThat(triage(berlin("2026-05-09T11:00")).dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-09T11:00")))
				.as("Saturday").isEqualTo(tuesday17);
		assertThat(triage(berlin("2026-05-10T23:59")).dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-10T23:59")))
				.as("Sunday").isEqualTo(tuesday17);
	}

	@Test
	void zeroBusinessDaysIsDueAtFiveOnTheStartDate() {
		DeadlineClock clock = new DeadlineClock("triage", MONDAY_10_00, 0, List.of(), null);

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, MONDAY_10_00)).isEqualTo(Instant.parse("2026-05-04T15:00:00Z"));
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, MONDAY_10_00)).isFalse();
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, MONDAY_10_00)).isZero();
	}

	@Test
	void zeroBusinessDaysSubmittedAfterFiveIsOverdueAtOnce() {
		Instant monday18 = berlin("2026-05-04T18:00");
		DeadlineClock clock = new DeadlineClock("triage", monday18, 0, List.of(), null);

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, monday18)).isEqualTo(Instant.parse("2026-05-04T15:00:00Z"));
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, monday18)).isTrue();
	}

	// --- holidays

	@Test
	void holidaysInsideTheWindowPushTheDeadline() {
		// Ascension Day, Thursday 2026-05-14, falls inside a review started Monday 2026-05-11.
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of(LocalDate.parse("2026-05-14")));
		Instant monday = berlin("2026-05-11T10:00");

		assertThat(review(monday).dueAt(calendar, monday)).isEqualTo(Instant.parse("2026-05-21T15:00:00Z"));
		assertThat(review(monday).dueAt(BERLIN_NO_HOLIDAYS, monday)).isEqualTo(Instant.parse("2026-05-20T15:00:00Z"));
	}

	@Test
	void aHolidayOnTheDayAfterSubmissionIsSkipped() {
		// Labour Day, Friday 2026-05-01, right after a Thursday submission: Monday is 1, Tuesday is 2.
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of(LocalDate.parse("2026-05-01")));
		Instant thursday = berlin("2026-04-30T10:00");

		assertThat(triage(thursday).dueAt(calendar, thursday)).isEqualTo(Instant.parse("2026-05-05T15:00:00Z"));
	}

	@Test
	void easterHolidaysAndTheWeekendAreAllSkipped() {
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN,
				List.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06")));
		Instant thursday = berlin("2026-04-02T10:00");

		assertThat(triage(thursday).dueAt(calendar, thursday)).isEqualTo(Instant.parse("2026-04-08T15:00:00Z"));
	}

	// --- daylight saving time

	@Test
	void dueIsFiveLocalAfterBerlinSpringsForward() {
		// Friday 2026-03-27 in CET (UTC+1); clocks go forward on Sunday 29 March; due Tuesday 31 March in CEST.
		Instant friday = Instant.parse("2026-03-27T09:00:00Z");

		Instant due = triage(friday).dueAt(BERLIN_NO_HOLIDAYS, friday);

		assertThat(due).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
		assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo("2026-03-31T17:00");
	}

	@Test
	void dueIsFiveLocalAfterBerlinFallsBack() {
		// Friday 2026-10-23 in CEST (UTC+2); clocks go back on Sunday 25 October; due Tuesday 27 October in CET.
		Instant friday = Instant.parse("2026-10-23T08:00:00Z");

		Instant due = triage(friday).dueAt(BERLIN_NO_HOLIDAYS, friday);

		assertThat(due).isEqualTo(Instant.parse("2026-10-27T16:00:00Z"));
		assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo("2026-10-27T17:00");
	}

	@Test
	void dueIsFiveLocalAfterNewYorkSpringsForward() {
		// Friday 2026-03-06 10:00 EST (UTC-5); clocks go forward on Sunday 8 March; due Tuesday 10 March, EDT (UTC-4).
		BusinessCalendar calendar = BusinessCalendar.of(NEW_YORK, List.of());
		Instant friday = Instant.parse("2026-03-06T15:00:00Z");

		assertThat(triage(friday).dueAt(calendar, friday)).isEqualTo(Instant.parse("2026-03-10T21:00:00Z"));
	}

	@Test
	void dueIsFiveLocalAfterNewYorkFallsBack() {
		// Friday 2026-10-30 10:00 EDT (UTC-4); clocks go back on Sunday 1 November; due Tuesday 3 November, EST (UTC-5).
		BusinessCalendar calendar = BusinessCalendar.of(NEW_YORK, List.of());
		Instant friday = Instant.parse("2026-10-30T14:00:00Z");

		assertThat(triage(friday).dueAt(calendar, friday)).isEqualTo(Instant.parse("2026-11-03T22:00:00Z"));
	}

	// --- program zone versus the user's zone

	@Test
	void aUserInLosAngelesSeesTheBerlinDeadlineAsEightInTheMorningTheSameDay() {
		Instant due = triage(MONDAY_10_00).dueAt(BERLIN_NO_HOLIDAYS, MONDAY_10_00);

		assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo("2026-05-06T17:00");
		assertThat(due.atZone(LOS_ANGELES).toLocalDateTime()).isEqualTo("2026-05-06T08:00");
	}

	@Test
	void theProgramZoneNotTheUsersDecidesTheStartDate() {
		// Tuesday 00:30 in Berlin is still Monday 15:30 in Los Angeles: the program counts from Tuesday.
		Instant submitted = Instant.parse("2026-05-04T22:30:00Z");
		DeadlineClock clock = triage(submitted);

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, submitted)).isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
		assertThat(clock.dueAt(BusinessCalendar.of(LOS_ANGELES, List.of()), submitted))
				.as("the same clock in a Los Angeles program").isEqualTo(Instant.parse("2026-05-07T00:00:00Z"));
	}

	// --- pauses

	@Test
	void aPauseSpanningOneCloseOfBusinessAddsOneDay() {
		DeadlineClock clock = triage(MONDAY_10_00, pause("2026-05-05T16:00", "2026-05-06T09:00"));

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-06T10:00")))
				.isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
	}

	@Test
	void aPauseOverTheCloseOfBusinessOfTheStartDateAddsOneDay() {
		DeadlineClock clock = triage(MONDAY_10_00, pause("2026-05-04T11:00", "2026-05-05T09:00"));

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-05T10:00")))
				.isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
	}

	@Test
	void aPauseWithinOneWorkingDayAddsNothing() {
		DeadlineClock clock = triage(MONDAY_10_00, pause("2026-05-05T09:00", "2026-05-05T16:00"));

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-05T16:30")))
				.isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
	}

	@Test
	void aPauseThatResumesExactlyAtFiveAddsNothingAndOneThatBeginsAtFiveAddsOne() {
		DeadlineClock resumesAtFive = triage(MONDAY_10_00, pause("2026-05-05T09:00", "2026-05-05T17:00"));
		DeadlineClock beginsAtFive = triage(MONDAY_10_00, pause("2026-05-05T17:00", "2026-05-05T18:00"));
		Instant now = berlin("2026-05-05T19:00");

		assertThat(resumesAtFive.dueAt(BERLIN_NO_HOLIDAYS, now)).isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
		assertThat(beginsAtFive.dueAt(BERLIN_NO_HOLIDAYS, now)).isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
	}

	@Test
	void aPauseOverTheWeekendAddsOnlyItsBusinessDays() {
		// Review due Wednesday 13 May. Friday 16:00 to Monday 16:00 holds only Friday's close of business.
		DeadlineClock fridayOnly = review(MONDAY_10_00, pause("2026-05-08T16:00", "2026-05-11T16:00"));
		// Friday 16:00 to Monday 18:00 holds Friday's and Monday's, not Saturday's or Sunday's.
		DeadlineClock fridayAndMonday = review(MONDAY_10_00, pause("2026-05-08T16:00", "2026-05-11T18:00"));
		Instant now = berlin("2026-05-11T19:00");

		assertThat(fridayOnly.dueAt(BERLIN_NO_HOLIDAYS, now)).isEqualTo(Instant.parse("2026-05-14T15:00:00Z"));
		assertThat(fridayAndMonday.dueAt(BERLIN_NO_HOLIDAYS, now)).isEqualTo(Instant.parse("2026-05-15T15:00:00Z"));
	}

	@Test
	void aHolidayOnHoldAddsNothing() {
		// Holiday Thursday 7 May; on hold Wednesday 16:00 to Friday 09:00: only Wednesday's close counts.
		BusinessCalendar calendar = BusinessCalendar.of(BERLIN, List.of(LocalDate.parse("2026-05-07")));
		DeadlineClock clock = review(MONDAY_10_00, pause("2026-05-06T16:00", "2026-05-08T09:00"));

		assertThat(review(MONDAY_10_00).dueAt(calendar, MONDAY_10_00)).isEqualTo(Instant.parse("2026-05-14T15:00:00Z"));
		assertThat(clock.dueAt(calendar, berlin("2026-05-08T10:00"))).isEqualTo(Instant.parse("2026-05-15T15:00:00Z"));
	}

	@Test
	void anOpenPauseExtendsTheDeadlineAsTimeGoesBy() {
		DeadlineClock clock = triage(MONDAY_10_00, Pause.since(berlin("2026-05-05T12:00")));

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-05T16:59")))
				.as("before the first close on hold").isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-05T18:00")))
				.as("Tuesday's close on hold").isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-07T12:00")))
				.as("Tuesday's and Wednesday's").isEqualTo(Instant.parse("2026-05-08T15:00:00Z"));
		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-08T18:00")))
				.as("Tuesday to Friday").isEqualTo(Instant.parse("2026-05-12T15:00:00Z"));
	}

	@Test
	void aPausedClockIsNeverOverdueWhilePaused() {
		DeadlineClock clock = triage(MONDAY_10_00, Pause.since(berlin("2026-05-05T12:00")));
		Instant longAfter = berlin("2026-05-20T18:00");

		assertThat(clock.state()).isEqualTo(ClockState.PAUSED);
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, longAfter)).isFalse();
		// 12 closes on hold (Tuesday 5 to Wednesday 20 May) move Wednesday 6 May to Friday 22 May.
		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, longAfter)).isEqualTo(Instant.parse("2026-05-22T15:00:00Z"));
	}

	@Test
	void aPauseThatBeginsAfterTheDeadlineDoesNotRescueAnOverdueCase() {
		DeadlineClock clock = triage(MONDAY_10_00, Pause.since(berlin("2026-05-06T18:00")));
		Instant friday = berlin("2026-05-08T18:00");

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, friday)).isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, friday)).isTrue();
	}

	@Test
	void severalPausesAddOneDayPerCloseOfBusinessOnHold() {
		DeadlineClock clock = review(MONDAY_10_00,
				pause("2026-05-05T16:00", "2026-05-05T18:00"), // Tuesday's close: +1
				pause("2026-05-07T10:00", "2026-05-07T11:00"), // within Thursday: +0
				pause("2026-05-08T16:30", "2026-05-11T09:00")); // Friday's close, weekend: +1

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-11T10:00")))
				.isEqualTo(Instant.parse("2026-05-15T15:00:00Z"));
	}

	@Test
	void aStoppedClockClosesAnOpenPauseAtTheStopAndIgnoresNow() {
		DeadlineClock clock = new DeadlineClock("triage", MONDAY_10_00, 2,
				List.of(Pause.since(berlin("2026-05-05T12:00"))), berlin("2026-05-06T10:00"));

		assertThat(clock.dueAt(BERLIN_NO_HOLIDAYS, berlin("2026-05-30T12:00")))
				.isEqualTo(Instant.parse("2026-05-07T15:00:00Z"));
	}

	// --- state, overdue, business days remaining

	@Test
	void stateIsRunningPausedOrStopped() {
		assertThat(triage(MONDAY_10_00).state()).isEqualTo(ClockState.RUNNING);
		assertThat(triage(MONDAY_10_00, pause("2026-05-04T11:00", "2026-05-04T12:00")).state())
				.isEqualTo(ClockState.RUNNING);
		assertThat(triage(MONDAY_10_00, Pause.since(berlin("2026-05-04T11:00"))).state()).isEqualTo(ClockState.PAUSED);
		assertThat(new DeadlineClock("triage", MONDAY_10_00, 2, List.of(), berlin("2026-05-05T09:00")).state())
				.isEqualTo(ClockState.STOPPED);
	}

	@Test
	void aRunningClockIsOverdueOnlyAfterFiveOnTheDueDate() {
		DeadlineClock clock = triage(MONDAY_10_00);

		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, Instant.parse("2026-05-06T15:00:00Z"))).isFalse();
		assertThat(clock.isOverdue(BERLIN_NO_HOLIDAYS, Instant.parse("2026-05-06T15:00:01Z"))).isTrue();
	}

	@Test
	void aStoppedClockIsOverdueOnlyIfItStoppedAfterTheDeadline() {
		DeadlineClock onTime = new DeadlineClock("triage", MONDAY_10_00, 2, List.of(), berlin("2026-05-06T16:59"));
		DeadlineClock late = new DeadlineClock("triage", MONDAY_10_00, 2, List.of(), berlin("2026-05-06T17:01"));
		Instant muchLater = berlin("2026-06-30T12:00");

		assertThat(onTime.isOverdue(BERLIN_NO_HOLIDAYS, muchLater)).isFalse();
		assertThat(late.isOverdue(BERLIN_NO_HOLIDAYS, muchLater)).isTrue();
	}

	@Test
	void businessDaysRemainingCountsTheBusinessDaysAfterTodayUpToTheDueDate() {
		DeadlineClock clock = triage(MONDAY_10_00);

		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-04T12:00"))).isEqualTo(2);
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-05T23:00"))).isEqualTo(1);
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-06T12:00"))).isZero();
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-06T18:00"))).as("overdue").isZero();
	}

	@Test
	void businessDaysRemainingSkipsTheWeekendAndUsesTheProgramDate() {
		DeadlineClock clock = triage(berlin("2026-05-08T18:00")); // due Tuesday 12 May

		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-09T12:00"))).as("Saturday").isEqualTo(2);
		// Monday 00:30 in Berlin is still Sunday in Los Angeles; the program date (Monday) counts.
		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-11T00:30"))).isEqualTo(1);
	}

	@Test
	void aStoppedClockHasNoBusinessDaysRemaining() {
		DeadlineClock clock = new DeadlineClock("triage", MONDAY_10_00, 2, List.of(), berlin("2026-05-04T12:00"));

		assertThat(clock.businessDaysRemaining(BERLIN_NO_HOLIDAYS, berlin("2026-05-04T13:00"))).isZero();
	}

	@Test
	void thePauseListIsACopy() {
		List<Pause> pauses = new ArrayList<>();
		DeadlineClock clock = new DeadlineClock("triage", MONDAY_10_00, 2, pauses, null);

		pauses.add(Pause.since(berlin("2026-05-04T11:00")));

		assertThat(clock.pauses()).isEmpty();
		assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
	}

	// --- invalid arguments

	@Test
	void rejectsAMissingStartOrNegativeLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineClock("triage", null, 2, List.of(), null))
				.withMessage("startedAt must not be null: the triage clock needs a start");
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineClock("triage", MONDAY_10_00, -1, List.of(), null))
				.withMessage("businessDays must be >= 0, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineClock(" ", MONDAY_10_00, 2, List.of(), null))
				.withMessageContaining("name must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineClock("triage", MONDAY_10_00, 2, null, null))
				.withMessageContaining("pauses must not be null");
	}

	@Test
	void rejectsAPauseThatEndsBeforeItBegins() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new Pause(Instant.parse("2026-05-05T10:00:00Z"), Instant.parse("2026-05-05T09:00:00Z")))
				.withMessage("resumedAt 2026-05-05T09:00:00Z is before pausedAt 2026-05-05T10:00:00Z:"
						+ " a pause cannot end before it begins");
		assertThatIllegalArgumentException().isThrownBy(() -> new Pause(null, null))
				.withMessage("pausedAt must not be null");
	}

	@Test
	void acceptsAPauseThatResumesTheInstantItBegan() {
		Pause empty = new Pause(Instant.parse("2026-05-05T10:00:00Z"), Instant.parse("2026-05-05T10:00:00Z"));

		assertThat(triage(MONDAY_10_00, empty).dueAt(BERLIN_NO_HOLIDAYS, MONDAY_10_00))
				.isEqualTo(Instant.parse("2026-05-06T15:00:00Z"));
	}

	@Test
	void rejectsOverlappingOrUnorderedPauses() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> triage(MONDAY_10_00, pause("2026-05-05T09:00", "2026-05-05T12:00"),
						pause("2026-05-05T11:00", "2026-05-05T13:00")))
				.withMessageContaining("pauses[1] begins at 2026-05-05T09:00:00Z, before pauses[0] resumed at 2026-05-05T10:00:00Z")
				.withMessageContaining("must be in order and must not overlap");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> triage(MONDAY_10_00, pause("2026-05-06T09:00", "2026-05-06T10:00"),
						pause("2026-05-05T09:00", "2026-05-05T10:00")))
				.withMessageContaining("must be in order and must not overlap");
	}

	@Test
	void rejectsAnOpenPauseThatIsNotTheLast() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> triage(MONDAY_10_00, Pause.since(berlin("2026-05-05T09:00")),
						pause("2026-05-06T09:00", "2026-05-06T10:00")))
				.withMessage("pauses[0] is still open but pauses[1] follows it: only the last pause may be open");
	}

	@Test
	void rejectsPausesOutsideTheClocksLife() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> triage(MONDAY_10_00, pause("2026-05-04T09:00", "2026-05-04T11:00")))
				.withMessage("pauses[0] begins at 2026-05-04T07:00:00Z, before the clock started at 2026-05-04T08:00:00Z");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new DeadlineClock("triage", MONDAY_10_00, 2,
						List.of(pause("2026-05-04T11:00", "2026-05-04T13:00")), berlin("2026-05-04T12:00")))
				.withMessageContaining("reaches past the stop at 2026-05-04T10:00:00Z");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new DeadlineClock("triage", MONDAY_10_00, 2, List.of(), berlin("2026-05-04T09:00")))
				.withMessage("stoppedAt 2026-05-04T07:00:00Z is before startedAt 2026-05-04T08:00:00Z:"
						+ " a clock cannot stop before it starts");
	}

	@Test
	void rejectsANullPauseCalendarOrNow() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new DeadlineClock("triage", MONDAY_10_00, 2, Arrays.asList((Pause) null), null))
				.withMessage("pauses[0] is null");
		assertThatIllegalArgumentException().isThrownBy(() -> triage(MONDAY_10_00).dueAt(null, MONDAY_10_00))
				.withMessage("calendar must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> triage(MONDAY_10_00).dueAt(BERLIN_NO_HOLIDAYS, null))
				.withMessage("now must not be null");
	}

}
