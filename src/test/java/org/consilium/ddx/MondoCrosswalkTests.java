package org.consilium.ddx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.consilium.shared.CodeSystem;

/**
 * Real mappings of the Mondo exact-match crosswalks of {@code ../shared/data/mondo} (release 2026-08-04),
 * looked up by hand in the SSSOM files.
 */
class MondoCrosswalkTests {

	static MondoCrosswalk mondo;

	@BeforeAll
	static void load() {
		mondo = MondoCrosswalk.load(Path.of(System.getProperty("consilium.shared-data", "../shared/data")).resolve("mondo"));
	}

	@Test
	void mapsAnIcd10CmCodeThroughMondoToOmimAndOrphanet() {
		// Q87.4 Marfan syndrome = MONDO:0007947 = OMIM:154700, Orphanet:558 (Marfan syndrome), Orphanet:284963 (type 1)
		assertThat(mondo.candidatesFor(CodeSystem.ICD_10_CM, "Q87.4")).containsExactly("OMIM:154700", "ORPHA:284963", "ORPHA:558");
		assertThat(mondo.mondoIdsFor(CodeSystem.ICD_10_CM, "Q87.4")).containsExactly("MONDO:0007947");
		assertThat(mondo.label("MONDO:0007947")).contains("Marfan syndrome");
		// E84 cystic fibrosis = MONDO:0009061 = OMIM:219700, Orphanet:586
		assertThat(mondo.candidatesFor("http://hl7.org/fhir/sid/icd-10-cm", "E84")).containsExactly("OMIM:219700", "ORPHA:586");
	}

	@Test
	void mostIcd10CmCodesReachOnlyAnOrphanetDisease() {
		// E75.22 Gaucher disease = MONDO:0018150 = Orphanet:355; G71.02 FSHD = MONDO:0001347 = Orphanet:269
		assertThat(mondo.candidatesFor("ICD-10-CM", "E75.22")).containsExactly("ORPHA:355");
		assertThat(mondo.candidatesFor("ICD10CM", "G7102")).containsExactly("ORPHA:269"); // without its dot
	}

	@Test
	void mapsOrphanetSnomedAndOmimCodesIncludingTheCodeItself() {
		assertThat(mondo.candidatesFor("ORPHA", "ORPHA:558")).containsExactly("OMIM:154700", "ORPHA:284963", "ORPHA:558");
		assertThat(mondo.candidatesFor("http://snomed.info/sct", "19346006")).containsExactly("OMIM:154700", "ORPHA:284963", "ORPHA:558");
		assertThat(mondo.candidatesFor("OMIM", "219700")).containsExactly("OMIM:219700", "ORPHA:586");
	}

	@Test
	void aCodeWithoutARareDiseaseMappingIsNotRankable() {
		assertThat(mondo.candidatesFor("ICD-10-CM", "I10")).isEmpty(); // essential hypertension: no exact Mondo match
		assertThat(mondo.candidatesFor("ICD-10-CM", "Z99.99")).isEmpty();
	}

	@Test
	void findsTheMondoClassTwoCodesShareInEitherSpelling() {
		// MONDO:0009265 Gaucher disease type I = OMIM:230800 = Orphanet:77259 = SCTID:62201009
		assertThat(mondo.sharedMondo("OMIM:230800", "ORPHA:77259")).contains("MONDO:0009265");
		assertThat(mondo.sharedMondo("Orphanet:77259", "SCTID:62201009")).contains("MONDO:0009265");
		assertThat(mondo.sharedMondo("MONDO:0009265", "OMIM:230800")).contains("MONDO:0009265");
		assertThat(mondo.label("MONDO:0009265")).contains("Gaucher disease type I");
		// ORPHA:355 Gaucher disease is MONDO:0018150, another class
		assertThat(mondo.sharedMondo("OMIM:230800", "ORPHA:355")).isEmpty();
		assertThat(mondo.mondoIds("ICD10CM:E7522")).containsExactly("MONDO:0018150");
	}

	@Test
	void listsTheOtherCodesOfTheSameDisease() {
		// MONDO:0018150 Gaucher disease = ICD10CM:E75.22, icd11.foundation:1923566939, Orphanet:355, SCTID:190794006
		assertThat(mondo.equivalents("Orphanet:355")).containsExactly("ICD10CM:E75.22", "MONDO:0018150", "SCTID:190794006",
				"icd11.foundation:1923566939");
		assertThat(mondo.equivalents("ICD10CM:E7522")).doesNotContain("ICD10CM:E75.22").contains("ORPHA:355");
		assertThat(mondo.equivalents("MONDO:0018150")).doesNotContain("MONDO:0018150").contains("ORPHA:355");
		assertThat(mondo.equivalents("ORPHA:99999999")).isEmpty();
	}

	@Test
	void knowsOnlyCodesTheCrosswalksMap() {
		assertThat(mondo.knows("ORPHA:77259")).isTrue();
		assertThat(mondo.knows("MONDO:0009265")).isTrue();
		assertThat(mondo.knows("MONDO:9999999")).isFalse();
		assertThat(mondo.knows("OMIM:999999")).isFalse();
		assertThat(mondo.isEmpty()).isFalse();
		assertThat(mondo.size()).isGreaterThan(50_000);
		assertThat(mondo.files()).contains("mondo_exactmatch_icd10cm.sssom.tsv.gz", "mondo_exactmatch_omim.sssom.tsv.gz",
				"mondo_exactmatch_orphanet.sssom.tsv.gz", "mondo_exactmatch_sctid.sssom.tsv.gz").isSorted();
	}

	@Test
	void theEmptyCrosswalkMapsOmimAndOrphaCodesToThemselvesOnly() {
		assertThat(MondoCrosswalk.EMPTY.candidatesFor("OMIM", "230800")).containsExactly("OMIM:230800");
		assertThat(MondoCrosswalk.EMPTY.candidatesFor("ICD-10-CM", "E75.22")).isEmpty();
		assertThat(MondoCrosswalk.EMPTY.sharedMondo("OMIM:230800", "ORPHA:77259")).isEmpty();
		assertThat(MondoCrosswalk.EMPTY.knows("MONDO:0009265")).isFalse();
		assertThat(MondoCrosswalk.EMPTY.isEmpty()).isTrue();
		assertThat(MondoCrosswalk.EMPTY.size()).isZero();
	}

	@Test
	void rejectsAnUnknownSystemOrABlankCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> mondo.candidatesFor("LOINC", "1234-5")).withMessageContaining("LOINC");
		assertThatIllegalArgumentException().isThrownBy(() -> mondo.candidatesFor("ICD-10-CM", " ")).withMessageContaining("blank");
		assertThatIllegalArgumentException().isThrownBy(() -> mondo.mondoIds("MESH:D005776")).withMessageContaining("MESH");
		assertThatIllegalArgumentException().isThrownBy(() -> mondo.knows("230800")).withMessageContaining("PREFIX:code");
	}
}
