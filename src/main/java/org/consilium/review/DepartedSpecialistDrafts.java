package org.consilium.review;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.AccountDeactivated;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * When a specialist's account is deactivated ({@link AccountDeactivated}), their unsigned draft opinions are voided
 * with a reason ({@code voided_at}, {@code voided_by}, {@code void_reason}; never deleted), so the case's next
 * specialist starts their own. Signed opinions stay as they are. Runs in the deactivation's transaction; each voided
 * draft is audited ({@code review.opinion.void}) under the administrator. Triage returns the cases to the queue on the
 * same event.
 */
@Component
class DepartedSpecialistDrafts {

	static final String REASON = "The specialist's account was deactivated before the opinion was signed.";

	private final WrittenOpinionRepository opinions;

	private final AuditLog audit;

	private final Clock clock;

	DepartedSpecialistDrafts(WrittenOpinionRepository opinions, AuditLog audit, Clock clock) {
		this.opinions = opinions;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	void on(AccountDeactivated event) {
		if (event.role() != Role.SPECIALIST) {
			return;
		}
		Actor administrator = event.administrator();
		for (UUID caseId : opinions.voidDrafts(event.account().value(), event.by().value(), REASON, clock.instant())) {
			audit.success(administrator, AuditAction.REVIEW_OPINION_VOID, new CaseId(caseId), "WrittenOpinion", caseId);
		}
	}
}
