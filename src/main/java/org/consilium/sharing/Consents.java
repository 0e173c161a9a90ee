package org.consilium.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestStatusChanged;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * The consent the patient controls (issue #12 item 5): each sharing choice of a case is a consent record shaped like a
 * FHIR R4 Consent (https://hl7.org/fhir/R4/consent.html; codes in {@link ConsentChoice}) whose every change is a new
 * version, so the history stays. The reviewers' consent is recorded as the case is submitted (and, for cases from
 * before, by migration from intake's single flag); the physicians' when the patient sends them the opinion
 * ({@link PhysicianLinks}); research when the patient agrees. Only the patient gives or revokes; a revocation takes
 * effect at the next request of whoever it concerns, because every read checks the current version.
 */
@Service
@Transactional
public class Consents {

	/** What the patient's page shows: the current version of each consent, and every version, oldest first. */
	public record SharingChoices(List<ConsentView> current, List<ConsentView> history) {
	}

	/** How a revocation ended. */
	public enum Revocation {
		/** The consent is now inactive. */
		REVOKED,
		/** The reviewers' consent of a case under way and the case is now withdrawn too. */
		REVOKED_AND_CASE_WITHDRAWN,
		/** Nothing changed: revoking would withdraw the case, and the patient has not confirmed that yet. */
		NEEDS_CONFIRMATION
	}

	private static final String COLUMNS = """
			consent_id, version, choice, status, scope, category, provision_actor_role, provision_actor, provision_purpose, date_time, source""";

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final AuditLog audit;

	private final Clock clock;

	Consents(JdbcClient jdbc, CaseAccess access, CaseLifecycle lifecycle, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The case's consents, for its patient; audited as {@code sharing.consent.read}.
	 * @throws NotFoundException (404, audited as DENIED) for a case the actor cannot reach
	 * @throws ForbiddenActionException (403) for anyone but the case's patient
	 */
	public SharingChoices choices(Actor actor, CaseId caseId) {
		patientOf(actor, caseId, AuditAction.SHARING_CONSENT_READ);
		List<ConsentView> history = jdbc.sql("SELECT " + COLUMNS + " FROM sharing.consent WHERE case_id = ? ORDER BY id")
			.param(caseId.value()).query(Consents::view).list();
		List<ConsentView> current = history.stream()
			.filter(v -> history.stream().noneMatch(later -> later.consentId().equals(v.consentId()) && later.version() > v.version()))
			.toList();
		audit.success(actor, AuditAction.SHARING_CONSENT_READ, caseId, "Consent", null);
		return new SharingChoices(current, history);
	}

	/**
	 * The patient agrees that de-identified data of the case may be used for research; nothing when already active.
	 * Audited as {@code sharing.consent.grant}.
	 */
	public ConsentView agreeToResearch(Actor actor, CaseId caseId) {
		AccessibleCase c = patientOf(actor, caseId, AuditAction.SHARING_CONSENT_GRANT);
		Optional<ConsentView> now = currentOf(caseId, ConsentChoice.RESEARCH);
		if (now.isPresent() && now.get().active()) {
			return now.get();
		}
		UUID id = now.map(ConsentView::consentId).orElseGet(UUID::randomUUID);
		insert(id, now.map(v -> v.version() + 1).orElse(1), caseId, ConsentChoice.RESEARCH, "active", "Research, de-identified",
				c.actor(), "patient");
		audit.success(actor, AuditAction.SHARING_CONSENT_GRANT, caseId, "Consent", id);
		return latest(id).orElseThrow();
	}

	/**
	 * Revokes a consent of the case, effective at the next request. Revoking the reviewers' consent of a case under way
	 * (submitted to awaiting the patient's answer) withdraws the case, so it needs {@code confirmWithdrawal}; without it
	 * nothing changes and {@link Revocation#NEEDS_CONFIRMATION} is returned. Audited as {@code sharing.consent.revoke}
	 * (and {@code case.withdraw} when the case is withdrawn).
	 * @throws NotFoundException (404) for a consent that is not of this case, or a case the actor cannot reach
	 * @throws ForbiddenActionException (403) for anyone but the case's patient
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422) for a consent already revoked
	 */
	public Revocation revoke(Actor actor, CaseId caseId, UUID consentId, boolean confirmWithdrawal) {
		AccessibleCase c = patientOf(actor, caseId, AuditAction.SHARING_CONSENT_REVOKE);
		ConsentView now = latest(consentId).filter(v -> caseOf(consentId).equals(caseId)).orElseThrow(() -> {
			audit.denied(actor, AuditAction.SHARING_CONSENT_REVOKE, caseId, "Consent", consentId);
			return new NotFoundException();
		});
		if (!now.active()) {
			audit.failed(actor, AuditAction.SHARING_CONSENT_REVOKE, caseId, "Consent", consentId);
			throw new InvalidInputException("This consent is already withdrawn.");
		}
		boolean endsCase = now.choice() == ConsentChoice.REVIEWERS && CaseLifecycle.consentWithdrawalEndsCase(c.status());
		if (endsCase && !confirmWithdrawal) {
			return Revocation.NEEDS_CONFIRMATION;
		}
		insert(consentId, now.version() + 1, caseId, now.choice(), "inactive", now.actor(), actor, "patient");
		audit.success(actor, AuditAction.SHARING_CONSENT_REVOKE, caseId, "Consent", consentId);
		if (now.choice() == ConsentChoice.REVIEWERS) {
			lifecycle.withdrawConsent(c);
			if (endsCase) {
				audit.success(actor, AuditAction.CASE_WITHDRAW, caseId, "OpinionRequest", caseId.value());
				return Revocation.REVOKED_AND_CASE_WITHDRAWN;
			}
		}
		return Revocation.REVOKED;
	}

	/** Whether the consent's current version is active; false for an unknown one. */
	@Transactional(readOnly = true)
	public boolean isActive(UUID consentId) {
		return latest(consentId).map(ConsentView::active).orElse(false);
	}

	/** Records a new active consent (version 1) for a physician the patient sends the opinion to; the caller audits. */
	UUID grant(AccessibleCase c, ConsentChoice choice, String recipient) {
		UUID id = UUID.randomUUID();
		insert(id, 1, c.id(), choice, "active", recipient, c.actor(), "patient");
		return id;
	}

	/** The reviewers' consent, recorded as the case is submitted (submitting needs intake's consent flag). */
	@EventListener
	void recordReviewersConsentAtSubmission(OpinionRequestStatusChanged changed) {
		if (changed.to() != OpinionRequestStatus.SUBMITTED || currentOf(changed.opinionRequestId(), ConsentChoice.REVIEWERS).isPresent()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO sharing.consent (consent_id, version, case_id, choice, status, scope, category, provision_actor_role,
				  provision_actor, provision_purpose, date_time, recorded_by, source)
				VALUES (?, 1, ?, 'REVIEWERS', 'active', ?, ?, ?, 'The assigned reviewers', ?, ?, NULL, 'submission')""")
			.params(UUID.randomUUID(), changed.opinionRequestId().value(), ConsentChoice.REVIEWERS.scope(), ConsentChoice.CATEGORY,
					ConsentChoice.ACTOR_ROLE, ConsentChoice.REVIEWERS.purpose(), Timestamp.from(changed.at()))
			.update();
	}

	private AccessibleCase patientOf(Actor actor, CaseId caseId, AuditAction action) {
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.id().equals(c.patientId())) {
			audit.denied(actor, action, caseId, "Consent", null);
			throw new ForbiddenActionException("Only the patient decides who the case is shared with.");
		}
		return c;
	}

	private Optional<ConsentView> currentOf(CaseId caseId, ConsentChoice choice) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sharing.consent WHERE case_id = ? AND choice = ? ORDER BY id DESC LIMIT 1")
			.params(caseId.value(), choice.name()).query(Consents::view).optional();
	}

	private Optional<ConsentView> latest(UUID consentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sharing.consent WHERE consent_id = ? ORDER BY version DESC LIMIT 1")
			.param(consentId).query(Consents::view).optional();
	}

	private CaseId caseOf(UUID consentId) {
		return new CaseId(jdbc.sql("SELECT case_id FROM sharing.consent WHERE consent_id = ? LIMIT 1").param(consentId).query(UUID.class).single());
	}

	private void insert(UUID consentId, int version, CaseId caseId, ConsentChoice choice, String status, String recipient, Actor by,
			String source) {
		jdbc.sql("""
				INSERT INTO sharing.consent (consent_id, version, case_id, choice, status, scope, category, provision_actor_role,
				  provision_actor, provision_purpose, date_time, recorded_by, source)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(consentId, version, caseId.value(), choice.name(), status, choice.scope(), ConsentChoice.CATEGORY, ConsentChoice.ACTOR_ROLE,
					recipient, choice.purpose(), Timestamp.from(clock.instant()), by.id().value(), source)
			.update();
	}

	private static ConsentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ConsentView(rs.getObject("consent_id", UUID.class), rs.getInt("version"), ConsentChoice.valueOf(rs.getString("choice")),
				rs.getString("status"), rs.getString("scope"), rs.getString("category"), rs.getString("provision_actor_role"),
				rs.getString("provision_actor"), rs.getString("provision_purpose"), rs.getTimestamp("date_time").toInstant(),
				rs.getString("source"));
	}
}
