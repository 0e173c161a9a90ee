package org.consilium.opinion;

import org.consilium.shared.InvalidInputException;

/**
 * The rules for follow-up questions (at most {@value #MAX} per case, each with non-empty text of bounded length) and for
 * an addendum's text and reason (both required, bounded).
 */
final class FollowUpQuestions {

	static final int MAX = 3;

	static final int MAX_QUESTION = 2_000;

	static final int MAX_ANSWER = 20_000;

	static final int MAX_ADDENDUM = 20_000;

	static final int MAX_ADDENDUM_REASON = 2_000;

	private FollowUpQuestions() {
	}

	/**
	 * @param alreadyAsked how many questions the case already has
	 * @return the cleaned question
	 * @throws InvalidInputException for the {@value #MAX}+1st question, or an empty or over-long one
	 */
	static String checkCanAsk(int alreadyAsked, String question) {
		if (alreadyAsked >= MAX) {
			throw new InvalidInputException("You have asked the " + MAX + " follow-up questions this program allows. "
					+ "Please discuss further questions with your own doctor.");
		}
		return text(question, "question", MAX_QUESTION);
	}

	/** @throws InvalidInputException for an empty or over-long answer */
	static String checkAnswer(String answer) {
		return text(answer, "answer", MAX_ANSWER);
	}

	/** @throws InvalidInputException for an empty or over-long addendum */
	static String checkAddendum(String text) {
		return text(text, "addendum", MAX_ADDENDUM);
	}

	/** @throws InvalidInputException for an empty or over-long reason for an addendum */
	static String checkAddendumReason(String reason) {
		return text(reason, "reason for the addendum", MAX_ADDENDUM_REASON);
	}

	private static String text(String value, String what, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new InvalidInputException("Write the " + what + " first.");
		}
		if (v.length() > max) {
			throw new InvalidInputException("The " + what + " is longer than " + max + " characters.");
		}
		return v;
	}
}
