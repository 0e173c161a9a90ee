package org.consilium.triage;

import java.util.Collection;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditLog;
import org.consilium.identity.Actor;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.DeclineReason;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.matching.SpecialistMatching.AssignmentChoice;
import org.consilium.matching.SpecialistMatching;
import org.consilium.shared.NotFoundException;

/**
 * Triage's use cases on the case, by a coordinator: start triage, ask for records, decline, assign a specialist (with
 * matching's check and record of the choice) or a panel, and deliver a signed opinion after the quality check. Each
 * checks access ({@link CaseAccess}: an unrelated case is {@link NotFoundException}, 404, audited as DENIED), makes its
 * transitions through {@link CaseLifecycle} (whose errors it names: 403, 409, 422) and writes one audit entry for the
 * user's action; a refusal is audited as FAILED and changes nothing.
 */
@Service
@Transactional
public class CaseTriage {

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final CaseQueries queries;

	private final SpecialistMatching matching;

	private final AuditLog audit;

	CaseTriage(CaseAccess access, CaseLifecycle lifecycle, CaseQueries queries, SpecialistMatching matching, AuditLog audit) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.matching = matching;
		this.audit = audit;
	}

	/** A coordinator takes a submitted case into triage and becomes its coordinator; the triage clock keeps running. */
	public OpinionRequestView startTriage(Actor actor, UUID caseId) {
		return act(actor, caseId, "triage.start", lifecycle::startTriage);
	}

	/** Asks the patient for records with a message; the triage clock pauses until the patient says they are added. */
	public OpinionRequestView requestRecords(Actor actor, UUID caseId, String message) {
		return act(actor, caseId, "triage.request-records", c -> lifecycle.requestRecords(c, message));
	}

	/** Declines the case with a reason the patient reads (and an optional note). */
	public OpinionRequestView decline(Actor actor, UUID caseId, DeclineReason reason, String note) {
		return act(actor, caseId, "triage.decline", c -> lifecycle.decline(c, reason, note));
	}

	/**
	 * Completes triage with one specialist: checks the choice against the ranking
	 * ({@link SpecialistMatching#checkChoice}: an override needs a reason), takes a submitted case into triage first,
	 * assigns, and has matching record the decision. Audited once, as {@code triage.assign} or, for an override,
	 * {@code triage.assign-override}.
	 * @throws org.consilium.shared.InvalidInputException (422) for an unknown specialist, one without the specialty, or an
	 *         override without a reason
	 */
	public OpinionRequestView assign(Actor actor, UUID caseId, String specialtyCode, Urgency urgency, UUID specialistId,
			String overrideReason) {
		AccessibleCase c = access.requireAccess(actor, caseId, "triage.assign");
		AssignmentChoice choice = audit.recordingFailures(actor.userId(), actor.role().name(), "triage.assign", caseId, "OpinionRequest",
				() -> matching.checkChoice(c, specialtyCode, specialistId, overrideReason));
		String action = choice.isOverride() ? "triage.assign-override" : "triage.assign";
		AccessibleCase assigned = audit.recordingFailures(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest",
				() -> lifecycle.assign(inTriage(c), choice.specialtyCode(), urgency, specialistId));
		matching.recordDecision(assigned, choice);
		audit.success(actor.userId(), actor.role().name(), action, caseId, "SpecialistAssignment", specialistId);
		return queries.view(assigned);
	}

	/**
	 * Completes triage with a panel (see {@link CaseLifecycle#assignPanel}), taking a submitted case into triage first.
	 * @throws org.consilium.shared.InvalidInputException (422) for a wrong chair, member or number of members
	 */
	public OpinionRequestView assignPanel(Actor actor, UUID caseId, String specialtyCode, Urgency urgency, UUID chairId,
			Collection<UUID> memberIds) {
		return act(actor, caseId, "triage.assign-panel", c -> lifecycle.assignPanel(inTriage(c), specialtyCode, urgency, chairId, memberIds));
	}

	/** Quality check: a coordinator releases a signed opinion to the patient. */
	public OpinionRequestView deliver(Actor actor, UUID caseId) {
		return act(actor, caseId, "opinion.deliver", lifecycle::deliver);
	}

	private AccessibleCase inTriage(AccessibleCase c) {
		return c.status() == OpinionRequestStatus.SUBMITTED ? lifecycle.startTriage(c) : c;
	}

	private OpinionRequestView act(Actor actor, UUID caseId, String action, UnaryOperator<AccessibleCase> step) {
		return queries.view(access.act(actor, caseId, action, step));
	}

}
