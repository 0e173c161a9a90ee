package org.consilium.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The program's working calendar, on which the triage and review deadline clocks count.
 *
 * <p>A business day is a Monday to Friday, as a date in the program's time zone {@link #zone()},
 * that is not on the program's holiday list. A case falls due at {@link #closeOfBusiness()} (17:00 by
 * default) program time on its last business day. The rule comes from the product spec (the case
 * lifecycle paragraph of {@code docs/architecture.md}); the holiday list is configured per program, this
 * class does not know any country's holidays.
 *
 * <p>Dates are always dates in {@link #zone()}, never in the user's zone: the same instant can fall
 * on different dates for the program and for a user elsewhere, and only the program's date counts.
 *
 * @param zone            the program's time zone; all dates and the close of business are read in it
 * @param holidays        dates (in {@code zone}) that are not business days even on a weekday;
 *                        stored as an unmodifiable copy
 * @param closeOfBusiness the local time in {@code zone} at which a business day ends
 * @throws IllegalArgumentException when {@code zone}, {@code holidays}, a holiday or
 *         {@code closeOfBusiness} is null
 */
public record BusinessCalendar(ZoneId zone, Set<LocalDate> holidays, LocalTime closeOfBusiness) {

	/** The close of business of the product spec: 17:00 program time. */
	public static final LocalTime DEFAULT_CLOSE_OF_BUSINESS = LocalTime.of(17, 0);

	public BusinessCalendar {
		if (zone == null) {
			throw new IllegalArgumentException("zone must not be null: the program's time zone decides every date");
		}
		if (holidays == null) {
			throw new IllegalArgumentException("holidays must not be null (use an empty set for none)");
		}
		if (holidays.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("holidays must not contain null: " + holidays);
		}
		if (closeOfBusiness == null) {
			throw new IllegalArgumentException("closeOfBusiness must not be null");
		}
		holidays = Set.copyOf(holidays);
	}

	/**
	 * A calendar that closes at 17:00 in {@code zone}.
	 *
	 * @throws IllegalArgumentException when {@code zone}, {@code holidays} or a holiday is null
	 */
	public static BusinessCalendar of(ZoneId zone, Collection<LocalDate> holidays) {
		if (holidays == null) {
			throw new IllegalArgumentException("holidays must not be null (use an empty list for none)");
		}
		if (holidays.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("holidays must not contain null: " + holidays);
		}
		return new BusinessCalendar(zone, Set.copyOf(holidays), DEFAULT_CLOSE_OF_BUSINESS);
	}

	/**
	 * Whether {@code date} is a Monday to Friday that is not a holiday.
	 *
	 * @throws IllegalArgumentException when {@code date} is null
	 */
	public boolean isBusinessDay(LocalDate date) {
		if (date == null) {
			throw new IllegalArgumentException("date must not be null");
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
	}

	/**
	 * The {@code n}-th business day after {@code from}; {@code from} itself is never counted, whether
	 * or not it is a business day. With {@code n == 0} the answer is {@code from} unchanged.
	 * Example: from Friday, 1 is the next Monday and 2 the Tuesday (without holidays).
	 *
	 * @param from a date in the program zone
	 * @param n    how many business days to count, {@code >= 0}
	 * @throws IllegalArgumentException when {@code from} is null or {@code n} is negative
	 */
	public LocalDate plusBusinessDays(LocalDate from, int n) {
		if (from == null) {
			throw new IllegalArgumentException("from must not be null");
		}
		if (n < 0) {
			throw new IllegalArgumentException("n must be >= 0 business days, was " + n);
		}
		LocalDate date = from;
		int counted = 0;
		while (counted < n) {
			date = date.plusDays(1);
			if (isBusinessDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * The close of business on {@code date} in the program zone, for example 17:00 local time. The
	 * offset is the one in force on that date, so across a daylight-saving change the instant moves
	 * by the change (17:00 CET is 16:00Z, 17:00 CEST is 15:00Z). Should the close of business fall in
	 * a daylight-saving gap, it is moved later by the length of the gap ({@link ZonedDateTime#of}).
	 *
	 * @throws IllegalArgumentException when {@code date} is null
	 */
	public ZonedDateTime closeOfBusinessOn(LocalDate date) {
		if (date == null) {
			throw new IllegalArgumentException("date must not be null");
		}
		return ZonedDateTime.of(date, closeOfBusiness, zone);
	}

}
