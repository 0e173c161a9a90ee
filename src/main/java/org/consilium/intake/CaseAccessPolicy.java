package org.consilium.intake;

import org.consilium.shared.Actor;

/**
 * Who may see a case (docs/architecture.md, "Users and roles"): its patient, its referring physician, its assigned
 * specialist and the members of its panel while the patient's consent to share with the reviewers stands (issue #12: a
 * revoked consent takes effect at their next request), and the program's coordinators as a pool once the case has been submitted (a draft is the patient's own).
 * Administrators and everyone else have no relation; an
 * {@link Actor#externalReader} reaches a case only through a grant ({@link ExternalReaders}, checked by {@link CaseAccess}). A refused access is answered exactly like a missing case.
 */
final class CaseAccessPolicy {

	private CaseAccessPolicy() {
	}

	static boolean mayAccess(Actor actor, OpinionRequest request) {
		if (actor.role() == null) {
			return false;
		}
		return switch (actor.role()) {
			case PATIENT -> actor.id().value().equals(request.patientId());
			case REFERRING_PHYSICIAN -> actor.id().value().equals(request.referrerId());
			case SPECIALIST -> request.consentToShare()
					&& (actor.id().value().equals(request.specialistId()) || request.isPanelMember(actor.id().value()));
			case COORDINATOR -> request.status() != OpinionRequestStatus.DRAFT;
			case ADMIN -> false;
		};
	}

	/** The patient or the referring physician who acts for them. */
	static boolean actsForPatient(Actor actor, OpinionRequest request) {
		return actor.id().value().equals(request.patientId()) || actor.id().value().equals(request.referrerId());
	}

	/**
	 * Whether the first opinion must be hidden from this actor: the assigned specialist (a panel's chair) before their
	 * impression, and each panel member before their own.
	 */
	static boolean blinded(Actor actor, OpinionRequest request) {
		return actor.id().value().equals(request.specialistId()) && request.impressionRecordedAt() == null
				|| PanelMember.blinded(request.panel(), actor.id().value());
	}

	/** The case's chair (assigned specialist) or one of its panel members. */
	static boolean reviews(Actor actor, OpinionRequest request) {
		return actor.id().value().equals(request.specialistId()) || request.isPanelMember(actor.id().value());
	}
}
