package org.consilium.records.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A date from a FHIR record (ISO 8601 as the source wrote it: {@code 2020}, {@code 2020-07}, {@code 2020-07-23} or a
 * date-time with its offset) as the reader reads it: in their locale, a date-time in their time zone, with no more
 * precision than the source gave.
 *
 * @param text for people, e.g. "Jul 23, 2020, 6:42 PM" (en-US, Europe/Berlin) or "Jul 2020"; empty when there is no date
 * @param iso the source's value, for {@code <time datetime>}; empty when there is no date
 * @param day the reader's calendar day of the date (the first day of a month or year given without day), for sorting
 *        and filtering; null when there is no date or it cannot be read
 * @param epochSecond the moment, for ordering and the trend chart's time axis: a date-time's instant, else the start of
 *        the day in UTC; null when {@code day} is null
 */
record ReaderDates(String text, String iso, LocalDate day, Long epochSecond) {

	static final ReaderDates NONE = new ReaderDates("", "", null, null);

	private ReaderDates(String text, String iso, LocalDate day) {
		this(text, iso, day, day == null ? null : day.toEpochDay() * 86_400L);
	}

	/** Reads {@code source} (null for none); a value that is not an ISO date is shown as written. */
	static ReaderDates of(String source, Locale locale, ZoneId zone) {
		if (source == null || source.isBlank()) {
			return NONE;
		}
		try {
			if (source.length() == 4) {
				return new ReaderDates(source, source, LocalDate.of(Integer.parseInt(source), 1, 1));
			}
			if (source.length() == 7) {
				YearMonth month = YearMonth.parse(source);
				return new ReaderDates(DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month), source, month.atDay(1));
			}
			if (source.length() == 10) {
				LocalDate day = LocalDate.parse(source);
				return new ReaderDates(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day), source, day);
			}
			var local = OffsetDateTime.parse(source).atZoneSameInstant(zone);
			return new ReaderDates(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(local),
					source, local.toLocalDate(), local.toEpochSecond());
		}
		catch (DateTimeParseException | NumberFormatException e) {
			return new ReaderDates(source, "", null);
		}
	}
}
