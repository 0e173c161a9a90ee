package org.consilium.opinion.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.consilium.shared.ProgramSettings;

/** Formats instants in the program's time zone for the opinion pages: {@code ${@opinionTime.format(instant)}}. */
@Component("opinionTime")
class OpinionTime {

	private final DateTimeFormatter format;

	OpinionTime(ProgramSettings program) {
		this.format = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(program.zone());
	}

	public String format(Instant instant) {
		return instant == null ? "" : format.format(instant);
	}
}
