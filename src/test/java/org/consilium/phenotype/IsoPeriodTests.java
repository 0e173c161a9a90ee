package org.consilium.phenotype;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The onset's ISO 8601 period check: years, months, weeks and days in order, and bounded input (issue #11). */
class IsoPeriodTests {

	@Test
	void acceptsPeriodsOfYearsMonthsWeeksAndDaysInOrder() {
		assertThat(PhenotypeManagement.isIsoPeriod("P3Y")).isTrue();
		assertThat(PhenotypeManagement.isIsoPeriod("P1Y6M")).isTrue();
		assertThat(PhenotypeManagement.isIsoPeriod("P10D")).isTrue();
		assertThat(PhenotypeManagement.isIsoPeriod("P")).isFalse();
		assertThat(PhenotypeManagement.isIsoPeriod("P6M1Y")).isFalse();
		assertThat(PhenotypeManagement.isIsoPeriod("-P1Y")).isFalse();
	}

	@Test
	void refusesALongTextWithoutLookingAtItsDigits() {
		assertThat(PhenotypeManagement.isIsoPeriod("P" + "1".repeat(1_000_000) + "X")).isFalse();
		assertThat(PhenotypeManagement.isIsoPeriod("P" + "1".repeat(40) + "Y")).isFalse();
	}
}
