package org.consilium.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingLevelTests {

	@Test
	void countsSyllablesOfCommonWords() {
		assertThat(ReadingLevel.syllables("cat")).isEqualTo(1);
		assertThat(ReadingLevel.syllables("table")).isEqualTo(2);
		assertThat(ReadingLevel.syllables("make")).isEqualTo(1);
		assertThat(ReadingLevel.syllables("doctor")).isEqualTo(2);
		assertThat(ReadingLevel.syllables("treatment")).isEqualTo(2);
		assertThat(ReadingLevel.syllables("patient")).isEqualTo(2);
		assertThat(ReadingLevel.syllables("surgery")).isEqualTo(3);
		assertThat(ReadingLevel.syllables("the")).isEqualTo(1);
		assertThat(ReadingLevel.syllables("free")).isEqualTo(1);
		assertThat(ReadingLevel.syllables("whole")).isEqualTo(1);
	}

	@Test
	void gradesAPlainEnglishSummaryWithThePublishedFormula() {
		// 8 words, 2 sentences, 11 syllables: 0.39 × 4 + 11.8 × 11/8 − 15.59 = 2.195
		ReadingLevel level = ReadingLevel.of("The cancer is small. You can have surgery.", "en");

		assertThat(level.grade()).isEqualTo(Math.round((0.39 * 4 + 11.8 * 11 / 8.0 - 15.59) * 10) / 10.0);
		assertThat(level.aboveTarget()).isFalse();
		assertThat(level.message()).contains("Good");
	}

	@Test
	void warnsAboveGradeEightButOnlyWarns() {
		ReadingLevel level = ReadingLevel.of("Histopathological examination demonstrates intraductal proliferation with "
				+ "microinvasive characteristics necessitating comprehensive multidisciplinary consideration.", "en-GB");

		assertThat(level.grade()).isGreaterThan(8.0);
		assertThat(level.aboveTarget()).isTrue();
		assertThat(level.message()).contains("above the target of grade 8").contains("You can still sign");
	}

	@Test
	void saysNoMeasureIsAvailableForOtherLanguages() {
		ReadingLevel level = ReadingLevel.of("Der Tumor ist klein.", "de");

		assertThat(level.grade()).isNull();
		assertThat(level.message()).contains("No reading-level measure is available for German");
	}
}
