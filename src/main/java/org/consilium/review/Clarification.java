package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * A clarifying question from the specialist to the patient and, once given, the answer of the patient or their
 * referring physician. Asking pauses the review clock (case AWAITING_PATIENT); the clock resumes when no question is
 * open. Both sides see questions and answers.
 */
public record Clarification(UUID id, CaseId caseId, UserId askedBy, Instant askedAt, String question, String answer,
		UserId answeredBy, Instant answeredAt) {

	public boolean open() {
		return answer == null;
	}
}
