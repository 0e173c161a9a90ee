package org.consilium.matching;

import java.time.LocalDate;

import org.consilium.shared.InvalidInputException;

/** A specialist's absence, both days included (program-local dates). */
public record Absence(LocalDate firstDay, LocalDate lastDay) implements Comparable<Absence> {

	/** @throws InvalidInputException when a day is missing or the absence ends before it starts */
	public Absence {
		if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
			throw new InvalidInputException("An absence needs a first and a last day, the last not before the first (" + firstDay + " to " + lastDay + ").");
		}
	}

	/**
	 * Reads an ISO 8601 date interval such as {@code 2026-12-01/2026-12-05}, or a single date.
	 * @throws InvalidInputException naming the text when it is not one
	 */
	public static Absence parse(String text) {
		String raw = text == null ? "" : text.strip();
		String[] parts = raw.split("/", -1);
		try {
			return parts.length == 1 ? new Absence(LocalDate.parse(parts[0]), LocalDate.parse(parts[0]))
					: new Absence(LocalDate.parse(parts[0].strip()), LocalDate.parse(parts[1].strip()));
		}
		catch (java.time.format.DateTimeParseException | ArrayIndexOutOfBoundsException e) {
			throw new InvalidInputException("Unknown absence \"" + raw + "\": write it as 2026-12-01/2026-12-05 (first and last day).");
		}
	}

	/** Days of this absence within {@code [from, to]}, both included; 0 when they do not overlap. */
	long daysWithin(LocalDate from, LocalDate to) {
		LocalDate start = firstDay.isAfter(from) ? firstDay : from;
		LocalDate end = lastDay.isBefore(to) ? lastDay : to;
		return end.isBefore(start) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
	}

	@Override
	public int compareTo(Absence o) {
		return firstDay.compareTo(o.firstDay) != 0 ? firstDay.compareTo(o.firstDay) : lastDay.compareTo(o.lastDay);
	}

	@Override
	public String toString() {
		return firstDay + "/" + lastDay;
	}
}
