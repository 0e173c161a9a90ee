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
}
