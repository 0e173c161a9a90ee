package org.consilium.opinion;

import java.time.Instant;

import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.UserId;

/**
 * The patient's feedback when closing a delivered case: satisfaction on a 1–5 scale (5 = very satisfied), whether
 * they intend to follow the advice, and an optional comment of at most {@value #MAX_COMMENT} characters.
 *
 * @throws InvalidInputException (problem type {@code invalid-input}, 422) when the satisfaction is missing or outside
 *         1–5, the intention is missing, or the comment is too long
 */
public record Feedback(CaseId caseId, UserId givenBy, Instant givenAt, Integer satisfaction, IntendsToFollow intendsToFollow,
		String comment) {

	public static final int MAX_COMMENT = 4_000;

	public Feedback {
		if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
			throw new InvalidInputException("Choose how satisfied you are, from 1 (not at all) to 5 (very).");
		}
		if (intendsToFollow == null) {
			throw new InvalidInputException("Say whether you intend to follow the advice (yes, no or not sure yet).");
		}
		comment = comment == null ? "" : comment.strip();
		if (comment.length() > MAX_COMMENT) {
			throw new InvalidInputException("The comment is longer than " + MAX_COMMENT + " characters.");
		}
	}
}
