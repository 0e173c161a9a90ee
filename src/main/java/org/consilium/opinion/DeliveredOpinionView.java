package org.consilium.opinion;

import java.util.ArrayList;
import java.util.List;

import org.consilium.intake.OpinionRequestView;
import org.consilium.review.WrittenOpinionView;

/**
 * The delivered opinion as one reader sees it: the case with its first opinion ({@code request}), the signed second
 * opinion, the follow-up questions with their answers, the feedback once given (else null), and what this reader may
 * do next; the version shown ({@code version}, 1 = as signed) with the {@link Addendum addenda} up to it, and the
 * case's current version ({@code currentVersion}); whether the reader is the patient or acts for them.
 */
public record DeliveredOpinionView(OpinionRequestView request, WrittenOpinionView opinion, List<FollowUpQuestion> followUps,
		Feedback feedback, boolean mayAskFollowUp, boolean mayAnswerFollowUp, boolean mayGiveFeedback, List<Addendum> addenda,
		int version, int currentVersion, boolean mayAddAddendum, boolean readerActsForPatient) {

	/** Version 1 without addenda, as signed. */
	public DeliveredOpinionView(OpinionRequestView request, WrittenOpinionView opinion, List<FollowUpQuestion> followUps,
			Feedback feedback, boolean mayAskFollowUp, boolean mayAnswerFollowUp, boolean mayGiveFeedback) {
		this(request, opinion, followUps, feedback, mayAskFollowUp, mayAnswerFollowUp, mayGiveFeedback, List.of(), 1, 1, false, false);
	}

	/** Whether this is an earlier version than the case's current one. */
	public boolean superseded() {
		return version < currentVersion;
	}

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
