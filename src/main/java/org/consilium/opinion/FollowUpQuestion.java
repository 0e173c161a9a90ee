package org.consilium.opinion;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * A question the patient (or referrer) asked after delivery and, once given, the specialist's answer: an addendum to
 * the signed opinion, shown under it with its date.
 */
public record FollowUpQuestion(UUID id, CaseId caseId, UserId askedBy, Instant askedAt, String question, String answer,
		UserId answeredBy, Instant answeredAt) {

	public boolean answered() {
		return answer != null;
	}
}
