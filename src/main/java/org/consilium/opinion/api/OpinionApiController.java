package org.consilium.opinion.api;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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
 * {@code illegal-transition} (409), {@code invalid-input} (422, e.g. a fourth follow-up question or a satisfaction
 * outside 1–5).
 */
@RestController
class OpinionApiController {

	private final OpinionManagement opinions;

	OpinionApiController(OpinionManagement opinions) {
		this.opinions = opinions;
	}

	record QuestionBody(String question) {
	}

	record AnswerBody(String answer) {
	}

	record FeedbackBody(Integer satisfaction, IntendsToFollow intendsToFollow, String comment) {
	}

	@GetMapping("/api/cases/{id}/opinion")
	DeliveredOpinionView read(@PathVariable UUID id) {
		return opinions.read(Actor.current(), new CaseId(id));
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
