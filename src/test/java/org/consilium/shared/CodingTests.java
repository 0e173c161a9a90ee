package org.consilium.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the codes a profile lists: unknown ones are refused with a message naming them. */
class CodingTests {

	@Test
	void readsEachSystemsPrefixesAndBareIcd10CmCodes() {
		assertThat(Coding.parse("orphanet:77259")).isEqualTo(new Coding(CodeSystem.ORPHA, "77259"));
		assertThat(Coding.parse(" OMIM:230800 ")).isEqualTo(new Coding(CodeSystem.OMIM, "230800"));
		assertThat(Coding.parse("e75.22")).isEqualTo(new Coding(CodeSystem.ICD_10_CM, "E75.22"));
		assertThat(Coding.parse("SCTID:190794006").system()).isEqualTo(CodeSystem.SNOMED_CT);
		assertThat(Coding.parse("MONDO:0009265").toString()).isEqualTo("Mondo:0009265");
	}

	@Test
	void refusesUnknownSystemsAndMalformedCodesNamingThem() {
		assertThatThrownBy(() -> Coding.parse("MESH:D005776")).isInstanceOf(InvalidInputException.class).hasMessageContaining("\"MESH:D005776\"");
		assertThatThrownBy(() -> Coding.parse("OMIM:23080")).hasMessageContaining("\"OMIM:23080\"");
		assertThatThrownBy(() -> Coding.parse("gaucher")).hasMessageContaining("\"gaucher\"");
	}

	@Test
	void readsTheCuriesOfTheMondoCrosswalkAndSkipsOtherSystems() {
		assertThat(Coding.ofCurie("MONDO:0009265")).contains(new Coding(CodeSystem.MONDO, "0009265"));
		assertThat(Coding.ofCurie("ORPHA:77259")).contains(new Coding(CodeSystem.ORPHA, "77259"));
		assertThat(Coding.ofCurie("ICD10CM:E75.22")).contains(new Coding(CodeSystem.ICD_10_CM, "E75.22"));
		assertThat(Coding.ofCurie("icd11.foundation:1923566939")).isEmpty();
		assertThat(Coding.ofCurie("OMIM:23080")).isEmpty();
		assertThat(Coding.parse("ORPHA:77259").curie()).isEqualTo("Orphanet:77259");
	}

		@Test
	void aCategoryCoversOnlyItsOwnSubcodes() {
		Coding e75 = Coding.parse("E75");
		assertThat(e75.coversAsCategory(Coding.parse("E75.22"))).isTrue();
		assertThat(e75.coversAsCategory(e75)).isFalse();
		assertThat(e75.coversAsCategory(Coding.parse("E76.1"))).isFalse();
		assertThat(Coding.parse("OMIM:230800").coversAsCategory(Coding.parse("OMIM:230800"))).isFalse();
	}

	@Test
	void readsJurisdictionsAndLanguagesAndNamesUnknownOnes() {
		assertThat(Jurisdiction.parse(" us-ca ").code()).isEqualTo("US-CA");
		assertThat(Jurisdiction.parse("DE").covers(Jurisdiction.parse("DE-BY"))).isTrue();
		assertThat(Jurisdiction.parse("DE-BY").covers(Jurisdiction.parse("DE"))).isFalse();
		assertThatThrownBy(() -> Jurisdiction.parse("XX")).isInstanceOf(InvalidInputException.class).hasMessageContaining("\"XX\"");
		assertThat(LanguageTag.parse("PT-br").tag()).isEqualTo("pt-BR");
		assertThat(LanguageTag.parse("pt-BR").sameLanguage(LanguageTag.parse("pt"))).isTrue();
		assertThatThrownBy(() -> LanguageTag.parse("klingon")).isInstanceOf(InvalidInputException.class).hasMessageContaining("\"klingon\"");
		assertThatThrownBy(() -> LanguageTag.parse("xx")).hasMessageContaining("\"xx\"");
	}

	@Test
	void twoCodingsAreTheSameConceptWhateverTheirDisplayText() {
		Coding fromCase = new Coding(CodeSystem.OMIM, "154700", "Marfan syndrome");
		Coding fromProfile = new Coding(CodeSystem.OMIM, "154700");

		assertThat(fromCase).isEqualTo(fromProfile).hasSameHashCodeAs(fromProfile).hasToString("OMIM:154700");
		assertThat(fromCase).isNotEqualTo(new Coding(CodeSystem.ORPHA, "154700", "Marfan syndrome"));
		assertThat(fromCase.curie()).isEqualTo(CodeSystem.OMIM.sssomPrefix() + ":154700");
	}
}
