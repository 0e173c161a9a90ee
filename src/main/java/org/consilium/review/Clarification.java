package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A clarifying question from the specialist to the patient and, once given, the answer of the patient or their
 * referring physician. Asking pauses the review clock (case AWAITING_PATIENT); the clock resumes when no question is
 * open. Both sides see questions and answers.
 */
public record Clarification(UUID id, UUID caseId, UUID askedBy, Instant askedAt, String question, String answer,
		UUID answeredBy, Instant answeredAt) {

	public boolean open() {
		return answer == null;
	}
}
