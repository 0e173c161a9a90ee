package org.consilium.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats instants for pages in the program's time zone, naming the zone, so a deadline reads the same for everyone
 * ("Wed 2 Dec 2026, 17:00 Europe/Berlin"). Used from templates as {@code ${@dates.at(instant)}}.
 */
@Component("dates")
public class DateDisplay {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final ProgramSettings program;

	private final java.time.Clock clock;

	DateDisplay(ProgramSettings program, java.time.Clock clock) {
		this.program = program;
		this.clock = clock;
	}

	/** Now, in the program's time zone. */
	public String now() {
		return at(clock.instant());
	}

	/** An instant as the program's local date and time followed by the zone's id, for pages; blank for null. */
	public String at(Instant instant) {
		return instant == null ? "" : AT.format(instant.atZone(program.zone())) + " " + program.zone().getId();
	}

	/** The program-local date of an instant, e.g. "2 December 2026". */
	public String date(Instant instant) {
		return instant == null ? "" : LONG_DAY.format(instant.atZone(program.zone()));
	}

	/** A date as pages show it; blank for null. */
	public String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	/** ISO-8601 for {@code <time datetime>} attributes. */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}
}
