package org.consilium.opinion;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;

/**
 * The specialist answered a follow-up question; published in the answering transaction. Ids and the instant only, never
 * the answer's text.
 */
public record FollowUpQuestionAnswered(CaseId caseId, UUID followUpId, Instant answeredAt) {
}
