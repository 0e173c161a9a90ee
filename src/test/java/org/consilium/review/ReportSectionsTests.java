package org.consilium.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.consilium.review.ReportSections.MaterialReviewed;

class ReportSectionsTests {

	static ReportSections withTrials(List<String> ids) {
		ReportSections c = CompleteReport.sections();
		return new ReportSections(c.materials(), c.rereads(), c.researchOptions(), ids, c.discussionPoints(), c.nextSteps(),
				c.inPersonVisit(), c.inPersonVisitWith(), c.reviewerSpecialty(), c.reviewerInstitution(), c.reviewerLicence());
	}

	@Test
	void acceptsClinicalTrialsGovIdsWrittenLooselyAndKeepsEachOnce() {
		assertThat(withTrials(List.of(" nct01234567 ", "NCT01234567", "", "NCT87654321")).trialIds())
			.containsExactly("NCT01234567", "NCT87654321");
	}

	@Test
	void rejectsARegistryIdThatIsNotNctAndEightDigitsWithAMessageNamingIt() {
		for (String bad : List.of("NCT1234567", "NCT012345678", "ISRCTN12345678", "NCT0123456X")) {
			assertThatThrownBy(() -> withTrials(List.of(bad))).isInstanceOfSatisfying(InvalidTrialIdException.class, e -> {
				assertThat(e.type()).isEqualTo("invalid-input");
				assertThat(e.getMessage()).contains(bad).contains("NCT followed by 8 digits");
			});
		}
	}

	@Test
	void aCompleteReportMissesNothing() {
		assertThat(CompleteReport.sections().missingForSignature()).isEmpty();
	}

	@Test
	void aRecommendedVisitNeedsToSayWithWhomAndEveryMaterialADate() {
		ReportSections c = CompleteReport.sections();
		ReportSections gaps = new ReportSections(List.of(new MaterialReviewed("CT chest", null)), c.rereads(), "", List.of(),
				c.discussionPoints(), c.nextSteps(), true, "", c.reviewerSpecialty(), c.reviewerInstitution(), c.reviewerLicence());

		assertThat(gaps.missingForSignature()).containsExactly("the date of reviewed material 1",
				"with whom the in-person visit is recommended");
	}

	@Test
	void aMaterialNeedsADescription() {
		assertThatThrownBy(() -> new MaterialReviewed(" ", LocalDate.of(2026, 1, 1))).hasMessageContaining("needs a description");
	}
}
