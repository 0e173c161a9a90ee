package org.consilium.triage;

import java.util.Collection;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
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
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeLists;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

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

	private final org.springframework.beans.factory.ObjectProvider<CodeLists> codeLists;

	CaseTriage(CaseAccess access, CaseLifecycle lifecycle, CaseQueries queries, SpecialistMatching matching, AuditLog audit,
			org.springframework.beans.factory.ObjectProvider<CodeLists> codeLists) {
		this.codeLists = codeLists;
		this.access = access;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.matching = matching;
		this.audit = audit;
	}

	/** A coordinator takes a submitted case into triage and becomes its coordinator; the triage clock keeps running. */
	public OpinionRequestView startTriage(Actor actor, CaseId caseId) {
		return act(actor, caseId, AuditAction.TRIAGE_START, lifecycle::startTriage);
	}

	/** Asks the patient for records with a message; the triage clock pauses until the patient says they are added. */
	public OpinionRequestView requestRecords(Actor actor, CaseId caseId, String message) {
		return act(actor, caseId, AuditAction.TRIAGE_REQUEST_RECORDS, c -> lifecycle.requestRecords(c, message));
	}

	/**
	 * Codes the first diagnosis the patient described in words: the code is checked against its system's form and, when
	 * the program installed that system's full list ({@link CodeLists}), against the list. Audited as
	 * {@code triage.diagnosis.code}.
	 * @throws org.consilium.shared.InvalidInputException (problem type {@code invalid-input}, 422, field
	 *         {@code firstDiagnosisCode}) for a code not of its system's form or not on the installed list; nothing changes
	 * @throws org.consilium.shared.IllegalTransitionException (409) once the case is assigned
	 */
	public OpinionRequestView codeFirstDiagnosis(Actor actor, CaseId caseId, CodeSystem system, String code) {
		return act(actor, caseId, AuditAction.TRIAGE_CODE_DIAGNOSIS, c -> {
			CodeLists lists = codeLists.getIfAvailable();
			String normalized = system == null ? (code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT)) : system.bare(code);
			if (lists != null && system != null && !normalized.isEmpty() && system.malformation(normalized).isEmpty()
					&& lists.installed(system) && lists.title(system, normalized).isEmpty()) {
				throw new InvalidInputException("\"" + normalized + "\" is not on the installed " + system.label() + " code list.",
						"firstDiagnosisCode");
			}
			return lifecycle.codeFirstDiagnosis(c, system, normalized);
		});
	}

	/** Declines the case with a reason the patient reads (and an optional note). */
	public OpinionRequestView decline(Actor actor, CaseId caseId, DeclineReason reason, String note) {
		return act(actor, caseId, AuditAction.TRIAGE_DECLINE, c -> lifecycle.decline(c, reason, note));
	}

	/**
	 * Completes triage with one specialist: checks the choice against the ranking
	 * ({@link SpecialistMatching#checkChoice}: an override needs a reason), takes a submitted case into triage first,
	 * assigns, and has matching record the decision. Audited once, as {@code triage.assign} or, for an override,
	 * {@code triage.assign-override}.
	 * @throws org.consilium.shared.InvalidInputException (422) for an unknown specialist, one without the specialty, or an
	 *         override without a reason
	 */
	public OpinionRequestView assign(Actor actor, CaseId caseId, String specialtyCode, Urgency urgency, UserId specialistId,
			String overrideReason) {
		AccessibleCase c = access.requireAccess(actor, caseId, AuditAction.TRIAGE_ASSIGN);
		AssignmentChoice choice = audit.recordingFailures(actor, AuditAction.TRIAGE_ASSIGN, caseId, "OpinionRequest",
				() -> matching.checkChoice(c, specialtyCode, specialistId, overrideReason));
		AuditAction action = choice.isOverride() ? AuditAction.TRIAGE_ASSIGN_OVERRIDE : AuditAction.TRIAGE_ASSIGN;
		AccessibleCase assigned = audit.recordingFailures(actor, action, caseId, "OpinionRequest",
				() -> lifecycle.assign(inTriage(c), choice.specialtyCode(), urgency, specialistId));
		matching.recordDecision(assigned, choice);
		audit.success(actor, action, caseId, "SpecialistAssignment", UserId.valueOrNull(specialistId));
		return queries.view(assigned);
	}

	/**
	 * Completes triage with a panel (see {@link CaseLifecycle#assignPanel}), taking a submitted case into triage first.
	 * @throws org.consilium.shared.InvalidInputException (422) for a wrong chair, member or number of members
	 */
	public OpinionRequestView assignPanel(Actor actor, CaseId caseId, String specialtyCode, Urgency urgency, UserId chairId,
			Collection<UserId> memberIds) {
		return act(actor, caseId, AuditAction.TRIAGE_ASSIGN_PANEL, c -> lifecycle.assignPanel(inTriage(c), specialtyCode, urgency, chairId, memberIds));
	}

	/** Quality check: a coordinator releases a signed opinion to the patient. */
	public OpinionRequestView deliver(Actor actor, CaseId caseId) {
		return act(actor, caseId, AuditAction.OPINION_DELIVER, lifecycle::deliver);
	}

	private AccessibleCase inTriage(AccessibleCase c) {
		return c.status() == OpinionRequestStatus.SUBMITTED ? lifecycle.startTriage(c) : c;
	}

	private OpinionRequestView act(Actor actor, CaseId caseId, AuditAction action, UnaryOperator<AccessibleCase> step) {
		return queries.view(access.act(actor, caseId, action, step));
	}

}
