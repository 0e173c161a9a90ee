package org.consilium.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.Urgency;
import org.consilium.opinion.IntendsToFollow;
import org.consilium.opinion.OpinionManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/** The review and opinion journey on a real PostgreSQL (the embedded engine), through the facades. */
@ConsiliumIntegrationTest
class ReviewJourneyTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Autowired
	ClarifyingQuestions clarifying;

	@Autowired
	OpinionManagement opinions;

	Actor seed(Role role, String specialty) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
		UserView user = identity.seedAccount(email, role.label(), role, specialty).account();
		return new Actor(user.id(), role, user.displayName());
	}

	static OpinionContent content(Concordance concordance, List<String> answers, String summary) {
		return new OpinionContent(concordance, List.of(new Diagnosis("Ductal carcinoma in situ", CodeSystem.ICD_10_CM, "D05.12")),
				TreatmentReview.MODIFY, "Lumpectomy with radiotherapy",
				List.of(new TreatmentOption("Lumpectomy", Invasiveness.INVASIVE, "Breast kept", "Re-excision", "NSABP B-17")),
				"Genetic counselling", answers, "Records only", summary, CompleteReport.sections());
	}

	@Test
	void saveAndSignKeepsAnIncompleteDraftAndAcceptsTheSameFormsAutosaveRunningAhead() {
		Actor patient = seed(Role.PATIENT, null);
		Actor coordinator = seed(Role.COORDINATOR, null);
		Actor specialist = seed(Role.SPECIALIST, "207RX0202X");
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery needed?", "Breast cancer", null, "",
				"Mastectomy", "", "", null, "", List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		caseTriage.assign(coordinator, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(caseId));
		review.recordImpression(specialist, new CaseId(caseId), "Probably right", null);
		UUID form = UUID.randomUUID();

		review.saveDraft(specialist, new CaseId(caseId), null, form, content(Concordance.CONFIRMED, List.of("No."), ""));
		assertThatThrownBy(() -> review.saveAndSign(specialist, new CaseId(caseId), null, form, content(Concordance.CONFIRMED, List.of("No."), "")))
			.isInstanceOf(OpinionIncompleteException.class);
		assertThat(review.draft(specialist, new CaseId(caseId))).get().extracting(WrittenOpinionView::version).isEqualTo(1);

		assertThatThrownBy(() -> review.saveAndSign(specialist, new CaseId(caseId), 0, UUID.randomUUID(), content(Concordance.CONFIRMED, List.of("No."), "x")))
			.as("another form, stale version").isInstanceOf(EditConflictException.class);
		WrittenOpinionView signed = review.saveAndSign(specialist, new CaseId(caseId), 0, form,
				content(Concordance.CONFIRMED, List.of("No."), "Your diagnosis is right."));
		assertThat(signed.signedAt()).isNotNull();
		assertThat(signed.plainSummary()).isEqualTo("Your diagnosis is right.");
		assertThat(access.requireAccess(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.DELIVERED);
	}

	@Test
	void runsFromAcceptanceThroughBlindedImpressionClarificationSignatureFollowUpsToClosing() {
		Actor patient = seed(Role.PATIENT, null);
		Actor coordinator = seed(Role.COORDINATOR, null);
		Actor specialist = seed(Role.SPECIALIST, "207RX0202X");
		Actor stranger = seed(Role.PATIENT, null);
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery needed?", "Breast cancer",
				CodeSystem.ICD_10_CM, "C50.9", "Mastectomy", "Dr First", "City Hospital", null, "Lump since March",
				List.of("Do I need a mastectomy?", "Can I keep working?"), Urgency.SOON, true)).id().value();
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		caseTriage.assign(coordinator, new CaseId(caseId), "207RX0202X", Urgency.SOON, specialist.id(), "Assigned by the test.");

		review.acceptAssignment(specialist, new CaseId(caseId));
		assertThat(access.requireAccess(specialist, new CaseId(caseId), AuditAction.CASE_READ).firstOpinionBlinded()).isTrue();
		assertThatThrownBy(() -> review.saveDraft(specialist, new CaseId(caseId), null, OpinionContent.empty()))
			.isInstanceOf(IllegalTransitionException.class);

		review.recordImpression(specialist, new CaseId(caseId), "Likely DCIS, not invasive", new Diagnosis("DCIS", null, null));
		assertThat(queries.read(specialist, new CaseId(caseId), AuditAction.CASE_READ).proposedTreatment()).isEqualTo("Mastectomy");
		assertThat(review.impression(specialist, new CaseId(caseId))).get().extracting(Impression::text).isEqualTo("Likely DCIS, not invasive");
		assertThatThrownBy(() -> review.recordImpression(specialist, new CaseId(caseId), "Changed my mind", null))
			.isInstanceOf(IllegalTransitionException.class);

		Clarification asked = clarifying.ask(specialist, new CaseId(caseId), "Any family history of breast cancer?");
		assertThat(access.requireAccess(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.AWAITING_PATIENT);
		assertThatThrownBy(() -> clarifying.list(stranger, new CaseId(caseId))).isInstanceOf(NotFoundException.class);
		clarifying.answer(patient, new CaseId(caseId), asked.id(), "My mother, at 60.");
		assertThat(access.requireAccess(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.IN_REVIEW);
		assertThat(clarifying.list(patient, new CaseId(caseId))).singleElement().extracting(Clarification::answer).isEqualTo("My mother, at 60.");

		WrittenOpinionView first = review.saveDraft(specialist, new CaseId(caseId), null, content(null, List.of("No."), ""));
		assertThat(first.version()).isZero();
		WrittenOpinionView second = review.saveDraft(specialist, new CaseId(caseId), 0, content(Concordance.REFINED, List.of("No.", ""), ""));
		assertThat(second.version()).isEqualTo(1);
		assertThat(second.diagnoses()).singleElement().extracting(Diagnosis::code).isEqualTo("D05.12");
		assertThatThrownBy(() -> review.saveDraft(specialist, new CaseId(caseId), 0, content(Concordance.CHANGED, List.of(), "stale")))
			.isInstanceOf(EditConflictException.class);
		assertThat(review.draft(specialist, new CaseId(caseId))).get().extracting(WrittenOpinionView::concordance).isEqualTo(Concordance.REFINED);
		assertThatThrownBy(() -> review.sign(specialist, new CaseId(caseId), 1)).isInstanceOfSatisfying(OpinionIncompleteException.class,
				e -> assertThat(e.missing()).containsExactly("an answer to question 2", "the plain-language summary for the patient"));

		WrittenOpinionView complete = review.saveDraft(specialist, new CaseId(caseId), 1,
				content(Concordance.REFINED, List.of("No.", "Yes."), "A smaller operation is enough."));
		assertThat(review.signedOpinion(patient, new CaseId(caseId))).isEmpty();
		review.sign(specialist, new CaseId(caseId), complete.version());
		assertThat(access.requireAccess(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.DELIVERED);
		assertThatThrownBy(() -> review.saveDraft(specialist, new CaseId(caseId), complete.version() + 1, OpinionContent.empty()))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(review.signedOpinion(patient, new CaseId(caseId))).get().extracting(WrittenOpinionView::plainSummary)
			.isEqualTo("A smaller operation is enough.");

		var delivered = opinions.read(patient, new CaseId(caseId));
		assertThat(delivered.questionsAndAnswers()).extracting(q -> q.answer()).containsExactly("No.", "Yes.");
		var question = opinions.askFollowUp(patient, new CaseId(caseId), "When must I decide?");
		opinions.askFollowUp(patient, new CaseId(caseId), "Second?");
		opinions.askFollowUp(patient, new CaseId(caseId), "Third?");
		assertThatThrownBy(() -> opinions.askFollowUp(patient, new CaseId(caseId), "Fourth?")).isInstanceOf(InvalidInputException.class);
		opinions.answerFollowUp(specialist, new CaseId(caseId), question.id(), "Within four weeks.");
		assertThat(opinions.read(patient, new CaseId(caseId)).followUps()).first().extracting(f -> f.answer()).isEqualTo("Within four weeks.");

		assertThatThrownBy(() -> opinions.giveFeedback(patient, new CaseId(caseId), 7, IntendsToFollow.YES, "")).isInstanceOf(InvalidInputException.class);
		opinions.giveFeedback(patient, new CaseId(caseId), 5, IntendsToFollow.YES, "Clear and kind.");
		assertThat(access.requireAccess(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.CLOSED);
		assertThat(opinions.read(patient, new CaseId(caseId)).feedback().satisfaction()).isEqualTo(5);
	}
}
