package org.consilium.notification;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseParties;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestStatusChanged;
import org.consilium.opinion.FollowUpQuestionsPassedOn;
import org.consilium.shared.UserId;
import org.consilium.triage.UrgentFindingMarked;

/**
 * Turns case lifecycle steps into notices, synchronously in the transaction that changes the case (a plain
 * {@code @EventListener}), so the notice and its outbox e-mail commit or roll back with the change:
 * <ul>
 * <li>DRAFT → SUBMITTED: every coordinator (the pool triages it);</li>
 * <li>→ AWAITING_RECORDS: the patient and their referring physician;</li>
 * <li>→ ASSIGNED: the assigned specialist;</li>
 * <li>→ AWAITING_PATIENT (a clarifying question): the patient and their referring physician;</li>
 * <li>→ DELIVERED: the patient, and the referring physician when the case records the patient's consent to share
 * ({@link org.consilium.intake.DraftContent#consentToShare()}).</li>
 * </ul>
 * and follow-up questions passed on after their specialist left ({@link FollowUpQuestionsPassedOn}). The event key is the case, the new status and the instant, so a redelivered event adds nothing.
 */
@Component
class CaseNoticeRouting {

	private final Notices notices;

	private final CaseAccess access;

	CaseNoticeRouting(Notices notices, CaseAccess access) {
		this.notices = notices;
		this.access = access;
	}

	@EventListener
	void on(OpinionRequestStatusChanged event) {
		NoticeKind kind = switch (event.to()) {
			case SUBMITTED -> event.from() == OpinionRequestStatus.DRAFT ? NoticeKind.CASE_SUBMITTED : null;
			case AWAITING_RECORDS -> NoticeKind.RECORDS_REQUESTED;
			case ASSIGNED -> NoticeKind.ASSIGNED;
			case AWAITING_PATIENT -> NoticeKind.CLARIFICATION_REQUESTED;
			case DELIVERED -> NoticeKind.OPINION_DELIVERED;
			default -> null;
		};
		if (kind == null) {
			return;
		}
		CaseParties parties = access.parties(event.opinionRequestId());
		String key = "status:" + event.opinionRequestId() + ":" + event.to() + ":" + event.at().toEpochMilli();
		notices.notify(kind, event.opinionRequestId(), key, recipients(kind, parties));
	}

	/**
	 * An urgent finding: the case's coordinator (or, unclaimed, every coordinator) is told at once, and the patient
	 * side is asked to contact their treating physician, whatever the state of the review. The finding's text stays in
	 * the case; neither notice names it.
	 */
	@EventListener
	void on(UrgentFindingMarked event) {
		String key = "urgent-finding:" + event.findingId();
		notices.notify(NoticeKind.URGENT_FINDING, event.caseId(), key, notices.coordinatorsOf(event.caseId()));
		notices.notify(NoticeKind.CONTACT_PHYSICIAN, event.caseId(), key, notices.patientSideOf(event.caseId()));
	}

	/**
	 * Follow-up questions passed on after their specialist left: the panel's specialist who answers them now, or, without
	 * one, the case's coordinator (every coordinator while it is unclaimed).
	 */
	@EventListener
	void on(FollowUpQuestionsPassedOn event) {
		String key = "follow-up-passed-on:" + event.caseId().value() + ":" + event.at().toEpochMilli();
		Set<UserId> to = event.passedTo() != null ? Set.of(event.passedTo()) : notices.coordinatorsOf(event.caseId());
		notices.notify(NoticeKind.FOLLOW_UP_PASSED_ON, event.caseId(), key, to);
	}

	/** Whom the opinion is delivered to: the patient and, with the patient's consent to share, the referring physician. */
	static Set<UserId> deliveredTo(CaseParties parties) {
		Set<UserId> ids = new LinkedHashSet<>();
		ids.add(parties.patientId());
		if (parties.consentToShare() && parties.referrerId() != null) {
			ids.add(parties.referrerId());
		}
		ids.remove(null);
		return ids;
	}

	private Set<UserId> recipients(NoticeKind kind, CaseParties parties) {
		Set<UserId> ids = new LinkedHashSet<>();
		switch (kind) {
			case CASE_SUBMITTED -> ids.addAll(notices.coordinators(null));
			case ASSIGNED -> ids.add(parties.specialistId());
			case OPINION_DELIVERED -> ids.addAll(deliveredTo(parties));
			default -> ids.addAll(notices.patientSideOf(parties.caseId()));
		}
		ids.remove(null);
		return ids;
	}
}
