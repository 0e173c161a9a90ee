package org.consilium.opinion;

import java.time.Instant;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * The unanswered follow-up questions of a case were passed on because its specialist's account was deactivated
 * ({@link DepartedSpecialistFollowUps}). Ids and the instant only; no question text.
 *
 * @param caseId the case
 * @param passedTo the panel's specialist who answers them now, or null when they went to the coordinators
 * @param questions how many questions were passed on (at least one)
 * @param at when
 */
public record FollowUpQuestionsPassedOn(CaseId caseId, UserId passedTo, int questions, Instant at) {
}
