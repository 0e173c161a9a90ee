package org.consilium.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.UserId;

class WrittenOpinionTests {

	static final UUID CASE = UUID.randomUUID();
	static final UUID SPECIALIST = UUID.randomUUID();
	static final Instant MONDAY = Instant.parse("2026-05-04T08:00:00Z");
	static final Instant TUESDAY = Instant.parse("2026-05-05T08:00:00Z");
	static final List<String> TWO_QUESTIONS = List.of("Is surgery necessary?", "Can I keep working?");

	static OpinionContent complete(List<String> answers) {
		return new OpinionContent(Concordance.REFINED,
				List.of(new Diagnosis("Invasive ductal carcinoma, left breast", CodeSystem.ICD_10_CM, "C50.912")),
				TreatmentReview.MODIFY, "Sentinel node biopsy rather than axillary dissection.",
				List.of(new TreatmentOption("Breast-conserving surgery", Invasiveness.INVASIVE, "Local control", "Infection",
						"NCCN guideline")),
				"MRI of both breasts", answers, "Based on the records supplied only.", "Your diagnosis is right; the operation can be smaller.",
				CompleteReport.sections());
	}

	static WrittenOpinion draftWith(OpinionContent content) {
		WrittenOpinion opinion = WrittenOpinion.start(CASE, SPECIALIST, MONDAY);
		opinion.revise(content, MONDAY);
		return opinion;
	}

	@Test
	void signsACompleteOpinionAndRecordsWhoSignedWhen() {
		WrittenOpinion opinion = draftWith(complete(List.of("No.", "Yes, after two weeks.")));

		opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY);

		assertThat(opinion.isSigned()).isTrue();
		assertThat(opinion.view().signedAt()).isEqualTo(TUESDAY);
		assertThat(opinion.view().signedBy()).isEqualTo(new UserId(SPECIALIST));
	}

	@Test
	void rejectsSigningAnEmptyDraftNamingEveryMissingPart() {
		WrittenOpinion opinion = WrittenOpinion.start(CASE, SPECIALIST, MONDAY);

		assertThatThrownBy(() -> opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY))
			.isInstanceOfSatisfying(OpinionIncompleteException.class, e -> {
				assertThat(e.type()).isEqualTo("opinion-incomplete");
				assertThat(e.status().value()).isEqualTo(409);
				assertThat(e.missing()).containsExactly("the concordance with the first diagnosis", "at least one diagnosis",
						"the review of the proposed treatment", "an answer to question 1", "an answer to question 2",
						"the plain-language summary for the patient", "the materials you reviewed (at least one, with its date)",
						"the points to discuss with the treating physician", "the next steps", "whether an in-person visit is recommended",
						"your specialty", "your institution", "your licence or registration number");
				assertThat(e.getMessage()).contains("concordance", "question 2", "plain-language summary");
			});
		assertThat(opinion.isSigned()).isFalse();
	}

	@Test
	void rejectsSigningBeforeConcordanceIsRecorded() {
		OpinionContent c = complete(List.of("No.", "Yes."));
		WrittenOpinion opinion = draftWith(new OpinionContent(null, c.diagnoses(), c.treatmentReview(), c.treatmentComment(),
				c.options(), c.furtherWorkUp(), c.answers(), c.limitations(), c.plainSummary(), c.report()));

		assertThatThrownBy(() -> opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY))
			.isInstanceOfSatisfying(OpinionIncompleteException.class,
					e -> assertThat(e.missing()).containsExactly("the concordance with the first diagnosis"));
	}

	@Test
	void rejectsSigningWithoutADiagnosisOrPlainSummary() {
		OpinionContent c = complete(List.of("No.", "Yes."));
		WrittenOpinion opinion = draftWith(new OpinionContent(c.concordance(), List.of(), c.treatmentReview(), c.treatmentComment(),
				c.options(), c.furtherWorkUp(), c.answers(), c.limitations(), "  ", c.report()));

		assertThatThrownBy(() -> opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY))
			.isInstanceOfSatisfying(OpinionIncompleteException.class, e -> assertThat(e.missing())
				.containsExactly("at least one diagnosis", "the plain-language summary for the patient"));
	}

	@Test
	void requiresAnAnswerToEveryPatientQuestionByPosition() {
		WrittenOpinion blankSecond = draftWith(complete(List.of("No.", " ")));
		WrittenOpinion onlyFirst = draftWith(complete(List.of("No.")));

		assertThatThrownBy(() -> blankSecond.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY))
			.isInstanceOfSatisfying(OpinionIncompleteException.class,
					e -> assertThat(e.missing()).containsExactly("an answer to question 2"));
		assertThatThrownBy(() -> onlyFirst.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY))
			.isInstanceOfSatisfying(OpinionIncompleteException.class,
					e -> assertThat(e.missing()).containsExactly("an answer to question 2"));
	}

	@Test
	void signsWithoutAnswersWhenThePatientAskedNothing() {
		WrittenOpinion opinion = draftWith(complete(List.of()));

		opinion.sign(SPECIALIST, List.of(), TUESDAY);

		assertThat(opinion.isSigned()).isTrue();
	}

	@Test
	void requiresACommentWhenTheProposedTreatmentShouldChange() {
		OpinionContent c = complete(List.of("No.", "Yes."));
		WrittenOpinion opinion = draftWith(new OpinionContent(c.concordance(), c.diagnoses(), TreatmentReview.RECOMMEND_ALTERNATIVE,
				"", c.options(), c.furtherWorkUp(), c.answers(), c.limitations(), c.plainSummary(), c.report()));

		assertThatThrownBy(() -> opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY))
			.isInstanceOfSatisfying(OpinionIncompleteException.class,
					e -> assertThat(e.missing()).containsExactly("a comment saying how the proposed treatment should change"));
	}

	@Test
	void aSignedOpinionCannotBeEdited() {
		WrittenOpinion opinion = draftWith(complete(List.of("No.", "Yes.")));
		opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY);

		assertThatThrownBy(() -> opinion.revise(complete(List.of("Changed", "Changed")), TUESDAY.plusSeconds(60)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(opinion.content().answers()).containsExactly("No.", "Yes.");
	}

	@Test
	void aSignedOpinionCannotBeSignedAgain() {
		WrittenOpinion opinion = draftWith(complete(List.of("No.", "Yes.")));
		opinion.sign(SPECIALIST, TWO_QUESTIONS, TUESDAY);

		assertThatThrownBy(() -> opinion.sign(UUID.randomUUID(), TWO_QUESTIONS, TUESDAY.plusSeconds(60)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(opinion.signedBy()).isEqualTo(SPECIALIST);
		assertThat(opinion.signedAt()).isEqualTo(TUESDAY);
	}

	@Test
	void aDraftMayBeSavedIncompleteAndRevisedRepeatedly() {
		WrittenOpinion opinion = draftWith(OpinionContent.empty());

		opinion.revise(complete(List.of("No.")), TUESDAY);

		assertThat(opinion.content().concordance()).isEqualTo(Concordance.REFINED);
		assertThat(opinion.updatedAt()).isEqualTo(TUESDAY);
		assertThat(opinion.isSigned()).isFalse();
	}

	@Test
	void aDiagnosisCodeMustNameItsCodeSystem() {
		assertThatThrownBy(() -> new Diagnosis("Breast cancer", null, "C50.9")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("code system");
		assertThat(new Diagnosis("Breast cancer", CodeSystem.SNOMED_CT, " ").code()).isNull();
	}

	@Test
	void aTreatmentOptionNeedsItsInvasiveness() {
		assertThatThrownBy(() -> new TreatmentOption("Radiotherapy", null, "", "", "")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("invasive");
	}
}
