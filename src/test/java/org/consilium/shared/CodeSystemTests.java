package org.consilium.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one list of code systems: names, FHIR URIs and written prefixes all lead to the same constant. */
class CodeSystemTests {

	@Test
	void readsTheNamesTheCaseTheOpinionMatchingAndTheDifferentialUsed() {
		assertThat(CodeSystem.of("http://hl7.org/fhir/sid/icd-10-cm")).isEqualTo(CodeSystem.ICD_10_CM);
		assertThat(CodeSystem.of("ICD_10_CM")).isEqualTo(CodeSystem.ICD_10_CM);
		assertThat(CodeSystem.of("ICD10CM")).as("the differential's former constant name").isEqualTo(CodeSystem.ICD_10_CM);
		assertThat(CodeSystem.of("icd-10-cm")).isEqualTo(CodeSystem.ICD_10_CM);
		assertThat(CodeSystem.of("SNOMED CT")).isEqualTo(CodeSystem.SNOMED_CT);
		assertThat(CodeSystem.of("Orphanet")).isEqualTo(CodeSystem.ORPHA);
		assertThat(CodeSystem.of("mim")).isEqualTo(CodeSystem.OMIM);
		assertThat(CodeSystem.ofUri("http://purl.obolibrary.org/obo/mondo.owl")).contains(CodeSystem.MONDO);
		assertThat(CodeSystem.ofPrefix("SCTID")).contains(CodeSystem.SNOMED_CT);
	}

	@Test
	void refusesAnUnknownSystemAndChecksTheFormOfACode() {
		assertThatThrownBy(() -> CodeSystem.of("LOINC")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'LOINC'");
		assertThat(CodeSystem.ofUri("http://loinc.org")).isEmpty();
		assertThat(CodeSystem.ICD_10_CM.wellFormed("E75.22")).isTrue();
		assertThat(CodeSystem.ICD_10_CM.wellFormed("U07.1")).as("the U chapter (codes for special purposes) is outside the accepted form").isFalse();
		assertThat(CodeSystem.OMIM.wellFormed("15470")).isFalse();
		assertThat(CodeSystem.MONDO.wellFormed("0007947")).isTrue();
	}

	@Test
	void refusesWhatIsNotACodeOfEachSystemAndSaysWhy() {
		assertThat(CodeSystem.ICD_10_CM.malformation("NOTACODE")).hasValueSatisfying(m -> assertThat(m).contains("\"NOTACODE\" is not an ICD-10-CM code"));
		assertThat(CodeSystem.ICD_10_CM.wellFormed("C50.919")).isTrue();
		assertThat(CodeSystem.ICD_10_CM.wellFormed("C50.91919")).as("at most four characters after the dot").isFalse();
		assertThat(CodeSystem.OMIM.wellFormed("154700")).isTrue();
		assertThat(CodeSystem.OMIM.wellFormed("1547000")).isFalse();
		assertThat(CodeSystem.ORPHA.wellFormed("558")).isTrue();
		assertThat(CodeSystem.ORPHA.wellFormed("0558")).as("no leading zero").isFalse();
		assertThat(CodeSystem.ORPHA.wellFormed("ORPHA558")).isFalse();
		assertThat(CodeSystem.MONDO.wellFormed("7947")).isFalse();
		assertThat(CodeSystem.SNOMED_CT.wellFormed("NOTACODE")).isFalse();
	}

	@Test
	void aSnomedCtConceptIdNeedsItsVerhoeffCheckDigitAndAConceptPartition() {
		assertThat(CodeSystem.SNOMED_CT.wellFormed("254837009")).as("Malignant neoplasm of breast").isTrue();
		assertThat(CodeSystem.SNOMED_CT.wellFormed("190794006")).isTrue();
		assertThat(CodeSystem.SNOMED_CT.malformation("254837008")).as("one digit off")
			.hasValueSatisfying(m -> assertThat(m).contains("Verhoeff check digit"));
		assertThat(CodeSystem.SNOMED_CT.malformation("254837019")).as("partition 01 is a description id, not a concept")
			.hasValueSatisfying(m -> assertThat(m).contains("partition identifier").contains("01"));
		assertThat(CodeSystem.SNOMED_CT.wellFormed("025483709")).as("no leading zero").isFalse();
		assertThat(CodeSystem.SNOMED_CT.wellFormed("12345")).as("at least 6 digits").isFalse();
	}

	@Test
	void aCodeWrittenWithItsSystemsPrefixIsTakenWithoutIt() {
		assertThat(CodeSystem.ORPHA.bare(" orpha:558 ")).isEqualTo("558");
		assertThat(CodeSystem.ICD_10_CM.bare("ICD-10-CM: c50.911")).isEqualTo("C50.911");
		assertThat(CodeSystem.SNOMED_CT.bare("SCTID:254837009")).isEqualTo("254837009");
		assertThat(CodeSystem.OMIM.bare("ORPHA:558")).as("another system's prefix stays, and the form check refuses it").isEqualTo("ORPHA:558");
		assertThat(CodeSystem.OMIM.bare(null)).isEmpty();
	}
}
