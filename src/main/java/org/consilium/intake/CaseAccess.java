package org.consilium.intake;

import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

/**
 * The access check every module makes before it touches its own data of a case (the relation rule is
 * {@link CaseAccessPolicy}; for an {@link Actor#externalReader}, the {@link ExternalReaders} grants). The case row is read once per request ({@link CaseStore}), however many modules ask.
 */
@Service
@Transactional(readOnly = true)
public class CaseAccess {

	private final CaseStore cases;

	private final AuditLog audit;

	private final ObjectProvider<ExternalReaders> externalReaders;

	CaseAccess(CaseStore cases, AuditLog audit, ObjectProvider<ExternalReaders> externalReaders) {
		this.cases = cases;
		this.audit = audit;
		this.externalReaders = externalReaders;
	}

	/**
	 * Checks that the actor may access the case, without auditing a success: the calling module audits its own action
	 * under {@code action} once it is done.
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) when the case does not exist or the actor has
	 *         no relation to it, both audited as DENIED under {@code action}
	 */
	public AccessibleCase requireAccess(Actor actor, CaseId caseId, AuditAction action) {
		return AccessibleCase.of(actor, load(actor, caseId, action));
	}

	/**
	 * Who is related to a case, for the notification module's routing; identifiers only (see {@link CaseParties}), so
	 * it takes no actor and is not audited, like the events that name the same ids.
	 * @throws NotFoundException when the case does not exist
	 */
	public CaseParties parties(CaseId caseId) {
		OpinionRequest r = cases.find(caseId.value()).orElseThrow(NotFoundException::new);
		return new CaseParties(new CaseId(r.id()), r.status(), UserId.ofNullable(r.patientId()), UserId.ofNullable(r.referrerId()), UserId.ofNullable(r.coordinatorId()), UserId.ofNullable(r.specialistId()), r.consentToShare());
	}

	/**
	 * Runs one user action on a case: checks access, runs {@code step} (typically transitions through
	 * {@link CaseLifecycle}) and writes the action's one audit entry, SUCCESS in the step's transaction, or FAILED on its
	 * own when the step throws a {@link org.consilium.shared.ConsiliumProblem} (which is rethrown, nothing changed).
	 * @return what the step returns, the case after the action
	 * @throws NotFoundException when the case does not exist or the actor has no relation to it (audited as DENIED)
	 */
	@Transactional
	public AccessibleCase act(Actor actor, CaseId caseId, AuditAction action, UnaryOperator<AccessibleCase> step) {
		AccessibleCase c = requireAccess(actor, caseId, action);
		AccessibleCase changed = audit.recordingFailures(actor, action, caseId, "OpinionRequest",
				() -> step.apply(c));
		audit.success(actor, action, caseId, "OpinionRequest", caseId.value());
		return changed;
	}

	OpinionRequest load(Actor actor, CaseId caseId, AuditAction action) {
		OpinionRequest request = cases.find(caseId.value()).orElse(null);
		boolean allowed = request != null && (actor.isExternalReader()
				? externalReaders.orderedStream().anyMatch(g -> g.allows(actor, caseId, action))
				: CaseAccessPolicy.mayAccess(actor, request));
		if (!allowed) {
			audit.denied(actor, action, caseId, "OpinionRequest", caseId.value());
			throw new NotFoundException();
		}
		return request;
	}
}
