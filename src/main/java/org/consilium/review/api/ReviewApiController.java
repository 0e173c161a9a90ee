package org.consilium.review.api;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.review.Clarification;
import org.consilium.review.ClarifyingQuestions;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Impression;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReportSections;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.NotFoundException;

/**
 * JSON API of the specialist's workspace under {@code /api/cases/{id}/review}, plus the patient's clarification
 * answers under {@code /api/cases/{id}/clarifications}. Errors are RFC 9457 problem details: {@code not-found} (404,
 * also for cases the caller has no relation to), {@code forbidden-action} (403), {@code illegal-transition} (409),
 * {@code edit-conflict} (409, stale {@code version}), {@code opinion-incomplete} (409, signing with parts missing),
 * {@code invalid-input} (422), {@code step-up-required} (401, signing when the session's last sign-in or confirmation is
 * older than the step-up window).
 */
@RestController
class ReviewApiController {

	private final ReviewManagement review;

	private final ClarifyingQuestions clarifying;

	private final org.consilium.identity.StepUp stepUp;

	ReviewApiController(ReviewManagement review, ClarifyingQuestions clarifying, org.consilium.identity.StepUp stepUp) {
		this.stepUp = stepUp;
		this.review = review;
		this.clarifying = clarifying;
	}

	/** The case's state after a lifecycle step; the full case is at the intake API. */
	record CaseStatus(UUID caseId, OpinionRequestStatus status) {
		static CaseStatus of(OpinionRequestView v) {
			return new CaseStatus(v.id().value(), v.status());
		}
	}

	record DeclineBody(String reason) {
	}

	record DiagnosisBody(String text, CodeSystem system, String code) {
		Diagnosis toDiagnosis() {
			return new Diagnosis(text, system, code);
		}
	}

	record ImpressionBody(String impression, DiagnosisBody workingDiagnosis) {
	}

	record QuestionBody(String question) {
	}

	record AnswerBody(String answer) {
	}

	record OptionBody(String name, Invasiveness invasiveness, String expectedBenefit, String risks, String evidence) {
		TreatmentOption toOption() {
			return new TreatmentOption(name, invasiveness, expectedBenefit, risks, evidence);
		}
	}

	/**
	 * A draft save: {@code version} is the draft's version as last read (absent or 0 for the first save);
	 * {@code answers[i]} answers the patient's question i.
	 */
	record OpinionBody(Integer version, Concordance concordance, List<DiagnosisBody> diagnoses, TreatmentReview treatmentReview,
			String treatmentComment, List<OptionBody> options, String furtherWorkUp, List<String> answers, String limitations,
			String plainSummary, ReportSections report) {
		OpinionContent toContent() {
			return new OpinionContent(concordance, diagnoses == null ? List.of() : diagnoses.stream().map(DiagnosisBody::toDiagnosis).toList(),
					treatmentReview, treatmentComment, options == null ? List.of() : options.stream().map(OptionBody::toOption).toList(),
					furtherWorkUp, answers, limitations, plainSummary, report);
		}
	}

	record SignBody(Integer version) {
	}

	@PostMapping("/api/cases/{id}/review/accept")
	CaseStatus accept(@PathVariable UUID id) {
		return CaseStatus.of(review.acceptAssignment(Actor.current(), new CaseId(id)));
	}

	@PostMapping("/api/cases/{id}/review/decline")
	CaseStatus decline(@PathVariable UUID id, @RequestBody DeclineBody body) {
		return CaseStatus.of(review.declineAssignment(Actor.current(), new CaseId(id), body.reason()));
	}

	@PostMapping("/api/cases/{id}/review/impression")
	@ResponseStatus(HttpStatus.CREATED)
	Impression impression(@PathVariable UUID id, @RequestBody ImpressionBody body) {
		Diagnosis working = body.workingDiagnosis() == null ? null : body.workingDiagnosis().toDiagnosis();
		return review.recordImpression(Actor.current(), new CaseId(id), body.impression(), working);
	}

	@GetMapping("/api/cases/{id}/review/impression")
	Impression readImpression(@PathVariable UUID id) {
		return review.impression(Actor.current(), new CaseId(id)).orElseThrow(NotFoundException::new);
	}

	@GetMapping({ "/api/cases/{id}/review/clarifications", "/api/cases/{id}/clarifications" })
	List<Clarification> clarifications(@PathVariable UUID id) {
		return clarifying.list(Actor.current(), new CaseId(id));
	}

	@PostMapping("/api/cases/{id}/review/clarifications")
	@ResponseStatus(HttpStatus.CREATED)
	Clarification ask(@PathVariable UUID id, @RequestBody QuestionBody body) {
		return clarifying.ask(Actor.current(), new CaseId(id), body.question());
	}

	@PostMapping("/api/cases/{id}/clarifications/{clarificationId}/answer")
	Clarification answer(@PathVariable UUID id, @PathVariable UUID clarificationId, @RequestBody AnswerBody body) {
		return clarifying.answer(Actor.current(), new CaseId(id), clarificationId, body.answer());
	}

	/** The caller's own draft (or signed opinion); 404 before the first save. */
	@GetMapping("/api/cases/{id}/review/opinion")
	WrittenOpinionView draft(@PathVariable UUID id) {
		return review.draft(Actor.current(), new CaseId(id)).orElseThrow(NotFoundException::new);
	}

	@PutMapping("/api/cases/{id}/review/opinion")
	WrittenOpinionView save(@PathVariable UUID id, @RequestBody OpinionBody body) {
		return review.saveDraft(Actor.current(), new CaseId(id), body.version(), body.toContent());
	}

	@PostMapping("/api/cases/{id}/review/opinion/sign")
	WrittenOpinionView sign(@PathVariable UUID id, @RequestBody SignBody body) {
		stepUp.require();
		return review.sign(Actor.current(), new CaseId(id), body.version());
	}
}
