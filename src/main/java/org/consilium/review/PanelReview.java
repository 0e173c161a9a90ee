package org.consilium.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CasePanel;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * A panel's review (issue #5, "Panels"): each member saves an independent opinion after their own impression, reads
 * the others' only after saving theirs, and may record a dissent from the chair's consensus, which the patient reads
 * with the delivered opinion. Access and errors as in {@link ReviewManagement}; every success is audited once.
 */
@Service
@Transactional
public class PanelReview {

	private final CaseAccess access;

	private final CaseQueries queries;

	private final ReviewSteps steps;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	PanelReview(CaseAccess access, CaseQueries queries, ReviewSteps steps, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.access = access;
		this.queries = queries;
		this.steps = steps;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A panel member saves their independent opinion, once, while the case is in review and after their own impression
	 * (the blinded-first rule applies to each member). Only then do they see the other members' opinions.
	 * @throws ForbiddenActionException for anyone but a member of the case's panel (the chair writes the consensus)
	 * @throws IllegalTransitionException outside review, before the member's impression, or when already saved
	 * @throws InvalidInputException without a concordance or opinion text
	 */
	public PanelOpinion savePanelOpinion(Actor actor, CaseId caseId, Concordance concordance, String text) {
		AuditAction action = AuditAction.REVIEW_PANEL_OPINION_SAVE;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		CasePanel panel = queries.panel(actor, caseId);
		requireMember(actor, panel);
		return audited(actor, caseId, action, "PanelOpinion", () -> {
			ReviewSteps.requireReviewing(c);
			String opinion = OpinionContent.clean(text, "opinion", OpinionContent.MAX_TEXT);
			if (concordance == null || opinion.isEmpty()) {
				throw new InvalidInputException("Choose the concordance and write your opinion.");
			}
			if (steps.findImpression(caseId.value(), actor.id().value()).isEmpty()) {
				throw new IllegalTransitionException("Record your independent impression before writing your panel opinion.");
			}
			PanelOpinion saved = new PanelOpinion(UUID.randomUUID(), caseId, actor.id(), actor.displayName(), concordance, opinion, now());
			try {
				jdbc.sql("INSERT INTO review.panel_opinion (id, case_id, member_id, concordance, opinion, saved_at) VALUES (?, ?, ?, ?, ?, ?)")
					.params(saved.id(), caseId.value(), actor.id().value(), concordance.name(), opinion, Timestamp.from(saved.savedAt())).update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Your panel opinion is already saved and cannot be changed.");
			}
			audit.success(actor, action, caseId, "PanelOpinion", saved.id());
			return saved;
		});
	}

	/**
	 * The panel members' opinions, oldest first: for a member once they saved their own, for the chair once their
	 * impression is recorded, and for coordinators. Audited.
	 * @throws ForbiddenActionException for a member before their own opinion, the chair before their impression, and
	 *         the patient or referrer (working notes of the panel)
	 */
	public List<PanelOpinion> panelOpinions(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.REVIEW_PANEL_OPINION_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		CasePanel panel = queries.panel(actor, caseId);
		return audited(actor, caseId, action, "PanelOpinion", () -> {
			if (panel.isMember(actor.id()) && steps.findPanelOpinion(caseId.value(), actor.id().value()).isEmpty()) {
				throw new ForbiddenActionException("Save your own panel opinion before you read the other members'.");
			}
			if (panel.isChair(actor.id()) && steps.findImpression(caseId.value(), actor.id().value()).isEmpty()) {
				throw new ForbiddenActionException("Record your independent impression before you read the members' opinions.");
			}
			if (!actor.is(Role.SPECIALIST) && !actor.is(Role.COORDINATOR)) {
				throw new ForbiddenActionException("The members' opinions are working notes of the panel.");
			}
			List<PanelOpinion> list = jdbc.sql("""
					SELECT id, case_id, member_id, concordance, opinion, saved_at FROM review.panel_opinion
					WHERE case_id = ? ORDER BY saved_at, id""").param(caseId.value())
				.query((rs, n) -> new PanelOpinion(rs.getObject("id", UUID.class), caseId, UserId.ofNullable(rs.getObject("member_id", UUID.class)),
						memberName(panel, UserId.ofNullable(rs.getObject("member_id", UUID.class))), Concordance.valueOf(rs.getString("concordance")),
						rs.getString("opinion"), WrittenOpinionRepository.instant(rs, "saved_at")))
				.list();
			audit.success(actor, action, caseId, "PanelOpinion", null);
			return list;
		});
	}

	/**
	 * A panel member records their dissent from the consensus, once, while the case is in review and after saving their
	 * own opinion; it is shown with the delivered opinion.
	 * @throws ForbiddenActionException for anyone but a member of the case's panel
	 * @throws IllegalTransitionException outside review, before the member's own opinion, or when already recorded
	 * @throws InvalidInputException without text
	 */
	public PanelDissent recordDissent(Actor actor, CaseId caseId, String text) {
		AuditAction action = AuditAction.REVIEW_PANEL_DISSENT;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		CasePanel panel = queries.panel(actor, caseId);
		requireMember(actor, panel);
		return audited(actor, caseId, action, "PanelDissent", () -> {
			ReviewSteps.requireReviewing(c);
			String dissent = OpinionContent.clean(text, "dissent", OpinionContent.MAX_TEXT);
			if (dissent.isEmpty()) {
				throw new InvalidInputException("Write what you disagree with and why.");
			}
			if (steps.findPanelOpinion(caseId.value(), actor.id().value()).isEmpty()) {
				throw new IllegalTransitionException("Save your own panel opinion before recording a dissent.");
			}
			PanelDissent saved = new PanelDissent(UUID.randomUUID(), caseId, actor.id(), actor.displayName(), dissent, now());
			try {
				jdbc.sql("INSERT INTO review.panel_dissent (id, case_id, member_id, dissent, recorded_at) VALUES (?, ?, ?, ?, ?)")
					.params(saved.id(), caseId.value(), actor.id().value(), dissent, Timestamp.from(saved.recordedAt())).update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Your dissent is already recorded.");
			}
			audit.success(actor, action, caseId, "PanelDissent", saved.id());
			return saved;
		});
	}

	/**
	 * The members' dissents, oldest first: for the patient and referrer once the opinion is DELIVERED or CLOSED (they are
	 * part of it), for the panel and coordinators at any time. Empty for the patient before delivery. Audited when any.
	 */
	public List<PanelDissent> dissents(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.REVIEW_PANEL_DISSENT_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		boolean forPatient = c.actsForPatient();
		if (forPatient && c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
			return List.of();
		}
		CasePanel panel = queries.panel(actor, caseId);
		List<PanelDissent> list = jdbc.sql("""
				SELECT id, member_id, dissent, recorded_at FROM review.panel_dissent WHERE case_id = ? ORDER BY recorded_at, id""")
			.param(caseId.value())
			.query((rs, n) -> new PanelDissent(rs.getObject("id", UUID.class), caseId, UserId.ofNullable(rs.getObject("member_id", UUID.class)),
					memberName(panel, UserId.ofNullable(rs.getObject("member_id", UUID.class))), rs.getString("dissent"),
					WrittenOpinionRepository.instant(rs, "recorded_at")))
			.list();
		if (!list.isEmpty()) {
			audit.success(actor, action, caseId, "PanelDissent", null);
		}
		return list;
	}

	private static String memberName(CasePanel panel, UserId memberId) {
		return panel.members().stream().filter(m -> m.memberId().equals(memberId)).map(CasePanel.Member::name).findFirst().orElse("");
	}

	private static void requireMember(Actor actor, CasePanel panel) {
		if (!actor.is(Role.SPECIALIST) || !panel.isMember(actor.id())) {
			throw new ForbiddenActionException("Only a member of the case's panel can do this; the chair writes the consensus.");
		}
	}


	private <T> T audited(Actor actor, CaseId caseId, AuditAction action, String recordType, java.util.function.Supplier<T> work) {
		return audit.recordingFailures(actor, action, caseId, recordType, work);
	}

	private Instant now() {
		return clock.instant();
	}
}
