package org.consilium.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;
import org.consilium.shared.UserId;

/**
 * A case as one user may see it. When {@code firstOpinionBlinded} is true (the assigned specialist has not yet saved an
 * independent impression) the first opinion's diagnosis, code and proposed treatment are {@code null}: they are never
 * sent to that specialist in any page, response or export before then.
 *
 * @param triageClock the triage deadline (submission to completed triage), or null before submission
 * @param reviewClock the review deadline (completed triage to delivery), or null before assignment
 * @param patient who the case is about, as entered at intake; {@link PatientDetails#recorded()} false when not recorded
 */
public record OpinionRequestView(CaseId id, int version, OpinionRequestStatus status, UserId patientId, String patientName,
		UserId referrerId, UserId coordinatorId, UserId specialistId, String specialistName, String reason, boolean firstOpinionBlinded,
		String firstDiagnosisText, CodeSystem firstDiagnosisSystem, String firstDiagnosisCode, String proposedTreatment,
		String firstPhysician, String firstInstitution, LocalDate firstOpinionDate, String symptomsAndHistory, List<String> questions,
		Urgency urgency, boolean consentToShare, String specialtyCode, DeclineReason declineReason, String statusNote,
		Instant createdAt, List<StatusChange> timeline, CaseDeadline triageClock, CaseDeadline reviewClock,
		PatientDetails patient) {

	/** The deadline the user should look at now: triage before assignment, review after. */
	public CaseDeadline currentDeadline() {
		return reviewClock != null ? reviewClock : triageClock;
	}

	/**
	 * The first opinion's coded diagnosis (the code trimmed and in upper case, the diagnosis text as its display), or
	 * empty when the first opinion gave no code or its system, or while it is blinded for this actor.
	 */
	public Optional<Coding> firstDiagnosis() {
		if (firstDiagnosisSystem == null || firstDiagnosisCode == null || firstDiagnosisCode.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new Coding(firstDiagnosisSystem, firstDiagnosisCode.strip().toUpperCase(Locale.ROOT), firstDiagnosisText));
	}
}
