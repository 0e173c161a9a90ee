package org.consilium.ddx;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
		assertThat(mondo.candidatesFor(DiagnosisCodeSystem.ICD10CM, "Q87.4")).containsExactly("OMIM:154700", "ORPHA:284963", "ORPHA:558");
		assertThat(mondo.mondoIdsFor(DiagnosisCodeSystem.ICD10CM, "Q87.4")).containsExactly("MONDO:0007947");
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
	void rejectsAnUnknownSystemOrABlankCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> mondo.candidatesFor("LOINC", "1234-5")).withMessageContaining("LOINC");
		assertThatIllegalArgumentException().isThrownBy(() -> mondo.candidatesFor("ICD-10-CM", " ")).withMessageContaining("blank");
	}
}
