package org.consilium.review;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link ReportSections} as the JSON of column {@code review.written_opinion.report}: the record's
 * components by name, dates as ISO 8601 ({@code 2026-03-02}). An empty or missing column reads as an empty report.
 */
@Component
class ReportSectionsJson {

	private final JsonMapper json;

	ReportSectionsJson(JsonMapper json) {
		this.json = json;
	}

	String write(ReportSections sections) {
		return json.writeValueAsString(sections == null ? ReportSections.empty() : sections);
	}

	ReportSections read(String stored) {
		if (stored == null || stored.isBlank() || stored.strip().equals("{}")) {
			return ReportSections.empty();
		}
		return json.readValue(stored, ReportSections.class);
	}
}
