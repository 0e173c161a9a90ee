package org.consilium.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The program's clock settings ({@code consilium.program.*}): its time zone, its holidays, the business-day budgets
 * of the triage and review clocks, and whether a coordinator's quality check sits between signing and delivery.
 */
@ConfigurationProperties("consilium.program")
public record ProgramSettings(String name, ZoneId zone, List<LocalDate> holidays, int triageBusinessDays,
		int reviewBusinessDays, boolean qualityCheck) {

	public ProgramSettings {
		zone = zone == null ? ZoneId.of("UTC") : zone;
		holidays = holidays == null ? List.of() : List.copyOf(holidays);
		triageBusinessDays = triageBusinessDays <= 0 ? 2 : triageBusinessDays;
		reviewBusinessDays = reviewBusinessDays <= 0 ? 7 : reviewBusinessDays;
	}

	public BusinessCalendar calendar() {
		return BusinessCalendar.of(zone, holidays);
	}
}
