package org.consilium.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;
import org.consilium.shared.UserId;

/**
 * A case one actor has just been allowed to touch ({@link CaseAccess#requireAccess}): what every module asks of the
 * case before it reads or writes its own data of it — the parties, the status, whether the first opinion is still
 * hidden from this actor and whether they act for the patient. It holds the case row only (no timeline, clocks or
 * names; {@link CaseQueries#read} gives those). As in {@link OpinionRequestView}, the first opinion's diagnosis and
 * code are {@code null} while {@code firstOpinionBlinded}.
 *
 * @param actor          who was allowed
 * @param version        the case's optimistic-locking version as loaded
 * @param panelMemberIds the panel's members besides the chair (empty for a single specialist)
 * @param actsForPatient the actor is the patient or the referring physician who acts for them
 * @param reviews        the actor is the assigned specialist (a panel's chair) or one of the panel's members
 * @param patient        who the case is about, as entered at intake ({@link PatientDetails#recorded()} false: not recorded)
 */
public record AccessibleCase(Actor actor, CaseId id, int version, OpinionRequestStatus status, UserId patientId, UserId referrerId,
		UserId coordinatorId, UserId specialistId, Set<UserId> panelMemberIds, String specialtyCode, Urgency urgency,
		boolean consentToShare, boolean firstOpinionBlinded, String firstDiagnosisText, CodeSystem firstDiagnosisSystem,
		String firstDiagnosisCode, String firstInstitution, List<String> questions, boolean actsForPatient, boolean reviews,
		PatientDetails patient) {

	static AccessibleCase of(Actor actor, OpinionRequest r) {
		boolean blinded = CaseAccessPolicy.blinded(actor, r);
		return new AccessibleCase(actor, new CaseId(r.id()), r.version() == null ? 0 : r.version(), r.status(), UserId.ofNullable(r.patientId()), UserId.ofNullable(r.referrerId()),
				UserId.ofNullable(r.coordinatorId()), UserId.ofNullable(r.specialistId()),
				r.panel().stream().map(m -> new UserId(m.memberId())).collect(Collectors.toUnmodifiableSet()),
				r.specialtyCode(), r.urgency(), r.consentToShare(), blinded, blinded ? null : r.firstDiagnosisText(),
				blinded ? null : r.firstDiagnosisSystem(), blinded ? null : r.firstDiagnosisCode(), r.firstInstitution(), r.questions(),
				CaseAccessPolicy.actsForPatient(actor, r), CaseAccessPolicy.reviews(actor, r), r.patient());
	}

	/** The actor is the case's assigned specialist: a panel's chair, never one of its members. */
	public boolean chairedByActor() {
		return actor.id().equals(specialistId);
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
