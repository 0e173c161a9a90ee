package org.consilium.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.consilium.intake.CaseTurnaround;
import org.consilium.shared.CaseId;

class TurnaroundReportTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static CaseTurnaround delivered(String instant, long days, boolean onTime) {
		return new CaseTurnaround(new CaseId(UUID.randomUUID()), Instant.parse(instant), days, onTime);
	}

	@Test
	void groupsByTheProgramMonthOfDeliveryWithOnTimeShareAndMedian() {
		TurnaroundReport report = TurnaroundReport.of(List.of(
				delivered("2026-10-05T10:00:00Z", 5, true),
				delivered("2026-10-20T10:00:00Z", 9, false),
				delivered("2026-10-21T10:00:00Z", 3, true),
				// 31 Oct 23:30Z is already 1 November 00:30 in Berlin
				delivered("2026-10-31T23:30:00Z", 7, true),
				delivered("2026-11-10T10:00:00Z", 4, true)), BERLIN);

		assertThat(report.months()).extracting(TurnaroundReport.Month::month).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
		TurnaroundReport.Month october = report.months().get(0);
		assertThat(october.delivered()).isEqualTo(3);
		assertThat(october.onTime()).isEqualTo(2);
		assertThat(october.onTimePercent()).isEqualTo(66.7);
		assertThat(october.medianBusinessDays()).isEqualTo(5.0);
		TurnaroundReport.Month november = report.months().get(1);
		assertThat(november.delivered()).isEqualTo(2);
		assertThat(november.onTimePercent()).isEqualTo(100.0);
		assertThat(november.medianBusinessDays()).as("mean of the two middle values").isEqualTo(5.5);
	}

	@Test
	void noDeliveriesGiveNoMonths() {
		assertThat(TurnaroundReport.of(List.of(), BERLIN).months()).isEmpty();
	}
}
