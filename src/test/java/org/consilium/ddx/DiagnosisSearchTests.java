package org.consilium.ddx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;

/** Finding the first diagnosis by name in Mondo's crosswalks (../shared/data/mondo) and the ICD-10-CM fixture list. */
class DiagnosisSearchTests {

	static final String FIXTURE = "classpath:icd10cm/icd10cm-order-fixture.txt";

	static DiagnosisSearch search;

	static Icd10CmList icd10cm;

	@BeforeAll
	static void load() {
		MondoRelease mondo = new MondoRelease(System.getProperty("consilium.shared-data", "../shared/data") + "/mondo");
		mondo.loadInBackground();
		assertThat(mondo.awaitLoaded(Duration.ofMinutes(2))).as("the Mondo crosswalks load").isTrue();
		icd10cm = new Icd10CmList(FIXTURE);
		search = new DiagnosisSearch(mondo, icd10cm, Optional::empty);
	}

	@Test
	void theInstalledIcd10CmListHoldsCategoriesAndCodesWithTheirDots() {
		assertThat(icd10cm.installed(CodeSystem.ICD_10_CM)).isTrue();
		assertThat(icd10cm.installed(CodeSystem.SNOMED_CT)).isFalse();
		assertThat(icd10cm.title(CodeSystem.ICD_10_CM, "C50.919")).contains("Malignant neoplasm of unspecified site of unspecified female breast");
		assertThat(icd10cm.title(CodeSystem.ICD_10_CM, "C50")).contains("Malignant neoplasm of breast");
		assertThat(icd10cm.title(CodeSystem.ICD_10_CM, "C50.99")).as("well formed, not in the release").isEmpty();
		assertThat(new Icd10CmList("").installed(CodeSystem.ICD_10_CM)).as("none configured").isFalse();
	}

	@Test
	void findsByLabelAcrossMondoAndTheIcd10CmList() {
		List<DiagnosisSearch.Match> marfan = search.search("Marfan syndrome", 12);
		assertThat(marfan).extracting(DiagnosisSearch.Match::coding)
			.contains(new Coding(CodeSystem.MONDO, "0007947"), new Coding(CodeSystem.OMIM, "154700"), new Coding(CodeSystem.ORPHA, "558"));
		assertThat(marfan.get(0).matchedName()).as("the exact name first").isEqualToIgnoringCase("Marfan syndrome");
		assertThat(search.search("unspecified female breast", 12)).extracting(m -> m.coding().code()).as("words in any order, from the list only")
			.contains("C50.919");
		assertThat(search.search("C50.919", 5)).singleElement().satisfies(m -> assertThat(m.coding().display()).contains("unspecified female breast"));
		assertThat(search.search("NOTACODE", 5)).isEmpty();
		assertThat(search.search("  ", 5)).isEmpty();
	}

	@Test
	void findsAMondoClassByTheNameAnotherSystemGivesIt() {
		assertThat(search.search("Marfan syndrome type 1", 12)).filteredOn(m -> m.coding().equals(new Coding(CodeSystem.MONDO, "0007947")))
			.singleElement().satisfies(m -> {
				assertThat(m.coding().display()).isEqualTo("Marfan syndrome");
				assertThat(m.synonym()).isEqualTo("Marfan syndrome type 1");
			});
	}
}
