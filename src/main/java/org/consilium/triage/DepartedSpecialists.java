package org.consilium.triage;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.AccountDeactivated;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.CaseQueries;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * When a specialist's account is deactivated ({@link AccountDeactivated}), each case they hold as the assigned
 * specialist and have not signed (ASSIGNED, IN_REVIEW, AWAITING_PATIENT) goes back to the coordinators' queue
 * ({@link CaseLifecycle#releaseSpecialist}, IN_TRIAGE), with the reason in its timeline; on the panels of such cases
 * where they are a member, their membership ends ({@link CaseLifecycle#endPanelMembership}) and the chair goes on with
 * the others ({@code triage.panel-member-departed}). Runs in the deactivation's
 * transaction, so both commit or neither. Each case is audited once ({@code triage.specialist-departed}) under the
 * administrator who deactivated the account. Review voids the specialist's unsigned drafts on the same event.
 */
@Component
class DepartedSpecialists {

	static final String REASON = "The specialist's account was deactivated; the case needs another specialist.";

	private final CaseQueries queries;

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final AuditLog audit;

	DepartedSpecialists(CaseQueries queries, CaseAccess access, CaseLifecycle lifecycle, AuditLog audit) {
		this.queries = queries;
		this.access = access;
		this.lifecycle = lifecycle;
		this.audit = audit;
	}

	@EventListener
	void on(AccountDeactivated event) {
		if (event.role() != Role.SPECIALIST) {
			return;
		}
		// the case as the departing specialist reaches it: the transition's own rule (the assigned specialist) holds
		Actor departing = event.departing();
		Actor administrator = event.administrator();
		for (CaseId caseId : queries.openCasesOfSpecialist(event.account())) {
			AccessibleCase c = access.requireAccess(departing, caseId, AuditAction.TRIAGE_SPECIALIST_DEPARTED);
			lifecycle.releaseSpecialist(c, REASON);
			audit.success(administrator, AuditAction.TRIAGE_SPECIALIST_DEPARTED, caseId, "OpinionRequest", caseId.value());
		}
		for (CaseId caseId : queries.openPanelMembershipsOf(event.account())) {
			AccessibleCase c = access.requireAccess(departing, caseId, AuditAction.TRIAGE_PANEL_MEMBER_DEPARTED);
			lifecycle.endPanelMembership(c);
			audit.success(administrator, AuditAction.TRIAGE_PANEL_MEMBER_DEPARTED, caseId, "OpinionRequest", caseId.value());
		}
	}
}
