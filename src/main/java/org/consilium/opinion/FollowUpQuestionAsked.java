package org.consilium.opinion;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;

/**
 * The patient (or referring physician) asked a follow-up question after delivery; published in the asking transaction.
 * Ids and the instant only, never the question's text.
 */
public record FollowUpQuestionAsked(CaseId caseId, UUID followUpId, Instant askedAt) {
}
