package org.consilium.intake;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * Who is related to a case, for routing notices: account ids, the status and whether the patient consented to share
 * ({@link DraftContent#consentToShare()}). Identifiers, a state and a flag only, never health data, like the events.
 *
 * @param coordinatorId the coordinator who claimed the case (started triage, requested records or assigned it), or null
 *                      while unclaimed
 * @param referrerId    the referring physician who drafted the case for the patient, or null
 * @param specialistId  the assigned specialist, or null
 */
public record CaseParties(CaseId caseId, OpinionRequestStatus status, UserId patientId, UserId referrerId, UserId coordinatorId,
		UserId specialistId, boolean consentToShare) {
}
