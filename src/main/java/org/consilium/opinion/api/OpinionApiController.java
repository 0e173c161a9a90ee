package org.consilium.opinion.api;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.identity.StepUp;
import org.consilium.opinion.Addendum;
import org.consilium.opinion.DeliveredOpinionView;
import org.consilium.opinion.Feedback;
import org.consilium.opinion.FollowUpQuestion;
import org.consilium.opinion.IntendsToFollow;
import org.consilium.opinion.OpinionManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * JSON API of the delivered opinion under {@code /api/cases/{id}/opinion}. Errors are RFC 9457 problem details:
 * {@code not-found} (404, also before the opinion is visible to the caller), {@code forbidden-action} (403),
 * {@code illegal-transition} (409, e.g. an addendum before delivery), {@code invalid-input} (422, e.g. a fourth
 * follow-up question or a satisfaction outside 1–5), {@code step-up-required} (401, an addendum more than the step-up
 * window after the last confirmation of who signs). {@code ?version=n} reads an earlier signed version.
 */
@RestController
class OpinionApiController {

	private final OpinionManagement opinions;

	private final StepUp stepUp;

	OpinionApiController(OpinionManagement opinions, StepUp stepUp) {
		this.opinions = opinions;
		this.stepUp = stepUp;
	}

	record AddendumBody(String text, String reason) {
	}

	record QuestionBody(String question) {
	}

	record AnswerBody(String answer) {
	}

	record FeedbackBody(Integer satisfaction, IntendsToFollow intendsToFollow, String comment) {
	}

	@GetMapping("/api/cases/{id}/opinion")
	DeliveredOpinionView read(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
		return opinions.read(Actor.current(), new CaseId(id), version);
	}

	@PostMapping("/api/cases/{id}/opinion/addenda")
	@ResponseStatus(HttpStatus.CREATED)
	Addendum addendum(@PathVariable UUID id, @RequestBody AddendumBody body) {
		stepUp.require();
		return opinions.addAddendum(Actor.current(), new CaseId(id), body.text(), body.reason());
	}

	@PostMapping("/api/cases/{id}/opinion/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	FollowUpQuestion ask(@PathVariable UUID id, @RequestBody QuestionBody body) {
		return opinions.askFollowUp(Actor.current(), new CaseId(id), body.question());
	}

	@PostMapping("/api/cases/{id}/opinion/follow-ups/{fid}/answer")
	FollowUpQuestion answer(@PathVariable UUID id, @PathVariable UUID fid, @RequestBody AnswerBody body) {
		return opinions.answerFollowUp(Actor.current(), new CaseId(id), fid, body.answer());
	}

	@PostMapping("/api/cases/{id}/opinion/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	Feedback feedback(@PathVariable UUID id, @RequestBody FeedbackBody body) {
		return opinions.giveFeedback(Actor.current(), new CaseId(id), body.satisfaction(), body.intendsToFollow(), body.comment());
	}
}
