package org.consilium.intake;

import java.util.UUID;

/**
 * Who is related to a case, for routing notices: account ids, the status and whether the patient consented to share
 * ({@link DraftContent#consentToShare()}). Identifiers, a state and a flag only, never health data, like the events.
 *
 * @param coordinatorId the coordinator who claimed the case (started triage, requested records or assigned it), or null
 *                      while unclaimed
 * @param referrerId    the referring physician who drafted the case for the patient, or null
 * @param specialistId  the assigned specialist, or null
 */
public record CaseParties(UUID caseId, OpinionRequestStatus status, UUID patientId, UUID referrerId, UUID coordinatorId,
		UUID specialistId, boolean consentToShare) {
}
