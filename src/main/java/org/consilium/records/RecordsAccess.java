package org.consilium.records;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/**
 * Who may add records to a case, and when: the patient, their referring physician and coordinators, while the case is
 * open for records (from draft to awaiting the patient; no longer once the opinion is signed or delivered, or the case
 * is closed, withdrawn or declined). Documents and FHIR imports ask the same question; reading is the case's own access
 * check.
 */
@Component
class RecordsAccess {

	private static final Set<OpinionRequestStatus> OPEN_FOR_RECORDS = EnumSet.of(OpinionRequestStatus.DRAFT, OpinionRequestStatus.SUBMITTED,
			OpinionRequestStatus.IN_TRIAGE, OpinionRequestStatus.AWAITING_RECORDS, OpinionRequestStatus.ASSIGNED, OpinionRequestStatus.IN_REVIEW,
			OpinionRequestStatus.AWAITING_PATIENT);

	private final CaseAccess cases;

	RecordsAccess(CaseAccess cases) {
		this.cases = cases;
	}

	/** Whether this actor may add records to the case now, without asking the database. */
	static boolean mayAdd(Actor actor, AccessibleCase c) {
		boolean forPatient = c.actsForPatient();
		return (forPatient || actor.is(Role.COORDINATOR)) && OPEN_FOR_RECORDS.contains(c.status());
	}

	/**
	 * Checks that the actor may add records to the case now, after the case's access check
	 * ({@link CaseAccess#requireAccess}, which audits a refusal under {@code action}).
	 *
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a case the actor cannot see
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, HTTP 403) for anyone but the patient, their
	 *         referring physician or a coordinator
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, HTTP 409) when the case is closed for
	 *         records
	 * @return the case as the actor may touch it
	 */
	@Transactional
	AccessibleCase checkMayAdd(Actor actor, UUID caseId, AuditAction action) {
		AccessibleCase c = cases.requireAccess(actor, new CaseId(caseId), action);
		boolean forPatient = c.actsForPatient();
		if (!(forPatient || actor.is(Role.COORDINATOR))) {
			throw new ForbiddenActionException("Only the patient, their referring physician or a coordinator adds records.");
		}
		if (!OPEN_FOR_RECORDS.contains(c.status())) {
			throw new IllegalTransitionException("Records can no longer be added to this case (status: " + c.status().label() + ").");
		}
		return c;
	}
}
