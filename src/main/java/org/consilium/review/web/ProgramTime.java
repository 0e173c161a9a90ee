package org.consilium.review.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.consilium.shared.ProgramSettings;

/** Formats instants in the program's time zone for the review pages: {@code ${@reviewTime.format(instant)}}. */
@Component("reviewTime")
class ProgramTime {

	private final DateTimeFormatter format;

	ProgramTime(ProgramSettings program) {
		this.format = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(program.zone());
	}

	public String format(Instant instant) {
		return instant == null ? "" : format.format(instant);
	}
}
