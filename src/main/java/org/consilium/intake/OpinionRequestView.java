package org.consilium.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.consilium.shared.CodeSystem;

/**
 * A case as one user may see it. When {@code firstOpinionBlinded} is true (the assigned specialist has not yet saved an
 * independent impression) the first opinion's diagnosis, code and proposed treatment are {@code null}: they are never
 * sent to that specialist in any page, response or export before then.
 *
 * @param triageClock the triage deadline (submission to completed triage), or null before submission
 * @param reviewClock the review deadline (completed triage to delivery), or null before assignment
 */
public record OpinionRequestView(UUID id, int version, OpinionRequestStatus status, UUID patientId, String patientName,
		UUID referrerId, UUID coordinatorId, UUID specialistId, String specialistName, String reason, boolean firstOpinionBlinded,
		String firstDiagnosisText, CodeSystem firstDiagnosisSystem, String firstDiagnosisCode, String proposedTreatment,
		String firstPhysician, String firstInstitution, LocalDate firstOpinionDate, String symptomsAndHistory, List<String> questions,
		Urgency urgency, boolean consentToShare, String specialtyCode, DeclineReason declineReason, String statusNote,
		Instant createdAt, List<StatusChange> timeline, CaseDeadline triageClock, CaseDeadline reviewClock) {

	/** The deadline the user should look at now: triage before assignment, review after. */
	public CaseDeadline currentDeadline() {
		return reviewClock != null ? reviewClock : triageClock;
	}
}
