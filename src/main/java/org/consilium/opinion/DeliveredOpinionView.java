package org.consilium.opinion;

import java.util.ArrayList;
import java.util.List;

import org.consilium.intake.OpinionRequestView;
import org.consilium.review.WrittenOpinionView;

/**
 * The delivered opinion as one reader sees it: the case with its first opinion ({@code request}), the signed second
 * opinion, the follow-up questions with their addenda, the feedback once given (else null), and what this reader may
 * do next.
 */
public record DeliveredOpinionView(OpinionRequestView request, WrittenOpinionView opinion, List<FollowUpQuestion> followUps,
		Feedback feedback, boolean mayAskFollowUp, boolean mayAnswerFollowUp, boolean mayGiveFeedback) {

	/** One of the patient's original questions beside the specialist's answer. */
	public record QuestionAndAnswer(int number, String question, String answer) {
	}

	public List<QuestionAndAnswer> questionsAndAnswers() {
		List<QuestionAndAnswer> list = new ArrayList<>();
		List<String> questions = request.questions() == null ? List.of() : request.questions();
		for (int i = 0; i < questions.size(); i++) {
			list.add(new QuestionAndAnswer(i + 1, questions.get(i), opinion.answerTo(i)));
		}
		return list;
	}

	/** How many more follow-up questions may be asked. */
	public int followUpsLeft() {
		return Math.max(0, FollowUpQuestions.MAX - followUps.size());
	}
}
