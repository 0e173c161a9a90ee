package org.consilium.records.vault;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.consilium.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

/** The UID check of the DICOM header scans instead of using a pattern with a nested quantifier, with the same answers. */
class DicomHeaderTests {

	private static final Pattern OLD_UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

	@Test
	void uidsAreDigitsInDotSeparatedComponentsOfAtMost64Characters() {
		assertThat(DicomHeader.isUid("1.2.840.10008.1.2.1")).isTrue();
		assertThat(DicomHeader.isUid("1".repeat(64))).isTrue();
		assertThat(DicomHeader.isUid("1".repeat(65))).isFalse();
		assertThat(DicomHeader.isUid("1..2")).isFalse();
		assertThat(DicomHeader.isUid(".1")).isFalse();
		assertThat(DicomHeader.isUid("1.")).isFalse();
		assertThat(DicomHeader.isUid("")).isFalse();
	}

	@Test
	void theScanAgreesWithThePatternOnRandomInputs() {
		RandomTexts.ofCharacters(200_000, 12, "0129..x ").forEach(s -> {
			assertThat(DicomHeader.isUid(s)).as("UID [%s]", s).isEqualTo(OLD_UID.matcher(s).matches() && s.length() <= 64);
		});
	}
}
