package org.consilium.opinion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.AccountDeactivated;
import org.consilium.identity.IdentityManagement;
import org.consilium.intake.CasePanel;
import org.consilium.intake.CaseQueries;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * When a specialist's account is deactivated ({@link AccountDeactivated}), the follow-up questions still waiting for
 * their answer on the cases they signed (DELIVERED or CLOSED) are passed on: to the first other specialist of the
 * case's panel whose account is active (who can answer them already, as a member of the panel), else to the
 * coordinators, who find another specialist. The question stays as it was; {@code passed_at}, {@code passed_to} and
 * {@code pass_reason} record the step. Runs in the deactivation's transaction; each question is audited
 * ({@code opinion.follow-up.return}) under the administrator, and {@link FollowUpQuestionsPassedOn} tells the
 * notifications whom to tell.
 */
@Component
class DepartedSpecialistFollowUps {

	static final String REASON = "The specialist who signed the opinion left before answering.";

	private final CaseQueries queries;

	private final IdentityManagement identity;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DepartedSpecialistFollowUps(CaseQueries queries, IdentityManagement identity, JdbcClient jdbc, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.identity = identity;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(AccountDeactivated event) {
		if (event.role() != Role.SPECIALIST) {
			return;
		}
		// the case as the departing specialist reaches it: its panel is read (and audited) through the access policy
		Actor departing = event.departing();
		Actor administrator = event.administrator();
		Instant now = clock.instant();
		for (CaseId caseId : queries.answeredCasesOfSpecialist(event.account())) {
			List<UUID> waiting = jdbc.sql("SELECT id FROM opinion.follow_up_question WHERE case_id = ? AND answer IS NULL AND passed_at IS NULL")
				.param(caseId.value()).query(UUID.class).list();
			if (waiting.isEmpty()) {
				continue;
			}
			CasePanel panel = queries.panel(departing, caseId);
			UserId passedTo = panel.members().stream().map(CasePanel.Member::memberId)
				.filter(m -> !m.equals(event.account()) && identity.isActive(m))
				.findFirst().orElse(null);
			for (UUID question : waiting) {
				jdbc.sql("UPDATE opinion.follow_up_question SET passed_at = ?, passed_to = ?, pass_reason = ? WHERE id = ? AND answer IS NULL")
					.params(Timestamp.from(now), passedTo == null ? null : passedTo.value(), REASON, question).update();
				audit.success(administrator, AuditAction.OPINION_FOLLOW_UP_RETURN, caseId, "FollowUpQuestion", question);
			}
			events.publishEvent(new FollowUpQuestionsPassedOn(caseId, passedTo, waiting.size(), now));
		}
	}
}
