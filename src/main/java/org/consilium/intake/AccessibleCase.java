package org.consilium.intake;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.consilium.identity.Actor;
import org.consilium.shared.CodeSystem;

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
 */
public record AccessibleCase(Actor actor, UUID id, int version, OpinionRequestStatus status, UUID patientId, UUID referrerId,
		UUID coordinatorId, UUID specialistId, Set<UUID> panelMemberIds, String specialtyCode, Urgency urgency,
		boolean consentToShare, boolean firstOpinionBlinded, String firstDiagnosisText, CodeSystem firstDiagnosisSystem,
		String firstDiagnosisCode, String firstInstitution, List<String> questions, boolean actsForPatient, boolean reviews) {

	static AccessibleCase of(Actor actor, OpinionRequest r) {
		boolean blinded = CaseAccessPolicy.blinded(actor, r);
		return new AccessibleCase(actor, r.id(), r.version() == null ? 0 : r.version(), r.status(), r.patientId(), r.referrerId(),
				r.coordinatorId(), r.specialistId(),
				r.panel().stream().map(PanelMember::memberId).collect(java.util.stream.Collectors.toUnmodifiableSet()),
				r.specialtyCode(), r.urgency(), r.consentToShare(), blinded, blinded ? null : r.firstDiagnosisText(),
				blinded ? null : r.firstDiagnosisSystem(), blinded ? null : r.firstDiagnosisCode(), r.firstInstitution(), r.questions(),
				CaseAccessPolicy.actsForPatient(actor, r), CaseAccessPolicy.reviews(actor, r));
	}

	/** The actor is the case's assigned specialist: a panel's chair, never one of its members. */
	public boolean chairedByActor() {
		return actor.userId().equals(specialistId);
	}
}
