package org.consilium.intake;

import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditLog;
import org.consilium.identity.Actor;
import org.consilium.shared.NotFoundException;

/**
 * The access check every module makes before it touches its own data of a case (the relation rule is
 * {@link CaseAccessPolicy}). The case row is read once per request ({@link CaseStore}), however many modules ask.
 */
@Service
@Transactional(readOnly = true)
public class CaseAccess {

	private final CaseStore cases;

	private final AuditLog audit;

	CaseAccess(CaseStore cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	/**
	 * Checks that the actor may access the case, without auditing a success: the calling module audits its own action
	 * under {@code action} once it is done.
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) when the case does not exist or the actor has
	 *         no relation to it, both audited as DENIED under {@code action}
	 */
	public AccessibleCase requireAccess(Actor actor, UUID caseId, String action) {
		return AccessibleCase.of(actor, load(actor, caseId, action));
	}

	/**
	 * Who is related to a case, for the notification module's routing; identifiers only (see {@link CaseParties}), so
	 * it takes no actor and is not audited, like the events that name the same ids.
	 * @throws NotFoundException when the case does not exist
	 */
	public CaseParties parties(UUID caseId) {
		OpinionRequest r = cases.find(caseId).orElseThrow(NotFoundException::new);
		return new CaseParties(r.id(), r.status(), r.patientId(), r.referrerId(), r.coordinatorId(), r.specialistId(), r.consentToShare());
	}

	/**
	 * Runs one user action on a case: checks access, runs {@code step} (typically transitions through
	 * {@link CaseLifecycle}) and writes the action's one audit entry, SUCCESS in the step's transaction, or FAILED on its
	 * own when the step throws a {@link org.consilium.shared.ConsiliumProblem} (which is rethrown, nothing changed).
	 * @return what the step returns, the case after the action
	 * @throws NotFoundException when the case does not exist or the actor has no relation to it (audited as DENIED)
	 */
	@Transactional
	public AccessibleCase act(Actor actor, UUID caseId, String action, UnaryOperator<AccessibleCase> step) {
		AccessibleCase c = requireAccess(actor, caseId, action);
		AccessibleCase changed = audit.recordingFailures(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest",
				() -> step.apply(c));
		audit.success(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", caseId);
		return changed;
	}

	OpinionRequest load(Actor actor, UUID caseId, String action) {
		OpinionRequest request = cases.find(caseId).orElse(null);
		if (request == null || !CaseAccessPolicy.mayAccess(actor, request)) {
			audit.denied(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", caseId);
			throw new NotFoundException();
		}
		return request;
	}
}
