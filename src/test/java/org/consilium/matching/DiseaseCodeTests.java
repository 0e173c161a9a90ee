package org.consilium.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;

/** Reading the codes a profile lists: unknown ones are refused with a message naming them. */
class DiseaseCodeTests {

	@Test
	void readsEachSystemsPrefixesAndBareIcd10CmCodes() {
		assertThat(DiseaseCode.parse("orphanet:77259")).isEqualTo(new DiseaseCode(CodeSystem.ORPHA, "77259"));
		assertThat(DiseaseCode.parse(" OMIM:230800 ")).isEqualTo(new DiseaseCode(CodeSystem.OMIM, "230800"));
		assertThat(DiseaseCode.parse("e75.22")).isEqualTo(new DiseaseCode(CodeSystem.ICD_10_CM, "E75.22"));
		assertThat(DiseaseCode.parse("SCTID:190794006").system()).isEqualTo(CodeSystem.SNOMED_CT);
		assertThat(DiseaseCode.parse("MONDO:0009265").toString()).isEqualTo("Mondo:0009265");
	}

	@Test
	void refusesUnknownSystemsAndMalformedCodesNamingThem() {
		assertThatThrownBy(() -> DiseaseCode.parse("MESH:D005776")).isInstanceOf(InvalidInputException.class).hasMessageContaining("\"MESH:D005776\"");
		assertThatThrownBy(() -> DiseaseCode.parse("OMIM:23080")).hasMessageContaining("\"OMIM:23080\"");
		assertThatThrownBy(() -> DiseaseCode.parse("gaucher")).hasMessageContaining("\"gaucher\"");
	}

	@Test
	void readsTheCuriesOfTheMondoCrosswalkAndSkipsOtherSystems() {
		assertThat(DiseaseCode.ofCurie("MONDO:0009265")).contains(new DiseaseCode(CodeSystem.MONDO, "0009265"));
		assertThat(DiseaseCode.ofCurie("ORPHA:77259")).contains(new DiseaseCode(CodeSystem.ORPHA, "77259"));
		assertThat(DiseaseCode.ofCurie("ICD10CM:E75.22")).contains(new DiseaseCode(CodeSystem.ICD_10_CM, "E75.22"));
		assertThat(DiseaseCode.ofCurie("icd11.foundation:1923566939")).isEmpty();
		assertThat(DiseaseCode.ofCurie("OMIM:23080")).isEmpty();
		assertThat(DiseaseCode.parse("ORPHA:77259").curie()).isEqualTo("Orphanet:77259");
	}

		@Test
	void aCategoryCoversOnlyItsOwnSubcodes() {
		DiseaseCode e75 = DiseaseCode.parse("E75");
		assertThat(e75.coversAsCategory(DiseaseCode.parse("E75.22"))).isTrue();
		assertThat(e75.coversAsCategory(e75)).isFalse();
		assertThat(e75.coversAsCategory(DiseaseCode.parse("E76.1"))).isFalse();
		assertThat(DiseaseCode.parse("OMIM:230800").coversAsCategory(DiseaseCode.parse("OMIM:230800"))).isFalse();
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
}
