package org.consilium.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The case's transitions, one method each, in lifecycle order (see {@link OpinionRequestStatus} and
 * {@link CaseAction}). Each takes an {@link AccessibleCase} (so the caller has checked access through
 * {@link CaseAccess}), checks who may make the transition, applies it to the aggregate loaded once for the request,
 * saves it with its status change and publishes {@link OpinionRequestStatusChanged}. It writes no audit entry: the use
 * case that calls it records the user's action once, under its own action code.
 *
 * <p>Errors, for every method: {@link ForbiddenActionException} (problem type {@code forbidden-action}, HTTP 403) for
 * an actor whose role or relation cannot make the transition; {@link IllegalTransitionException} ({@code
 * illegal-transition}, 409) from a status the transition does not start from; {@link org.consilium.shared.EditConflictException}
 * ({@code edit-conflict}, 409) when the case was saved by someone else since it was loaded. Nothing changes then.
 */
@Service
@Transactional
public class CaseLifecycle {

	private final CaseStore store;

	private final CaseAccess access;

	private final IdentityManagement identity;

	private final ProgramSettings program;

	private final Clock clock;

	CaseLifecycle(CaseStore store, CaseAccess access, IdentityManagement identity, ProgramSettings program, Clock clock) {
		this.store = store;
		this.access = access;
		this.identity = identity;
		this.program = program;
		this.clock = clock;
	}

	/** Saves the draft's content from one rendering of the draft form; called by intake's own draft use cases. */
	AccessibleCase editDraft(AccessibleCase c, Integer expectedVersion, UUID editSession, DraftContent content) {
		return change(c, forPatient(), (r, now) -> {
			if (content == null || (expectedVersion == null && editSession == null)) {
				throw new InvalidInputException("Send the draft's content and the version you read (expectedVersion).");
			}
			if (!c.actor().is(org.consilium.shared.Role.PATIENT) && content.patient() != null) {
				content.patient().requireNotNaming(c.actor().displayName());
			}
			r.edit(content, expectedVersion, editSession, now);
		});
	}

	/** DRAFT → SUBMITTED, by the patient or their referrer (intake); the triage clock starts. */
	public AccessibleCase submit(AccessibleCase c) {
		return change(c, forPatient(), (r, now) -> r.submit(c.actor().id().value(), now));
	}

	/**
	 * Records who the case is about on a case that has no patient details yet (one from before intake asked for them),
	 * from a FHIR import whose patient the actor has just confirmed (records); a case with details keeps them. No status
	 * change. By anyone who may add records to the case (the caller checks that).
	 * @return the case, with the details when they were taken
	 */
	public AccessibleCase adoptPatientDetails(AccessibleCase c, PatientDetails details) {
		return change(c, (actor, request) -> { }, (r, now) -> r.adoptPatient(details, now));
	}

	/** Any open status → WITHDRAWN, by the patient or their referrer (intake). */
	public AccessibleCase withdraw(AccessibleCase c) {
		return change(c, forPatient(), (r, now) -> r.withdraw(c.actor().id().value(), now));
	}

	/**
	 * The patient revoked the reviewers' consent (sharing): a case under way (SUBMITTED to AWAITING_PATIENT) →
	 * WITHDRAWN; in every state the case's consent flag is cleared, so that from the next request on no specialist
	 * reaches it ({@link CaseAccessPolicy}). By the patient or their referrer.
	 */
	public AccessibleCase withdrawConsent(AccessibleCase c) {
		return change(c, forPatient(), (r, now) -> r.withdrawConsent(c.actor().id().value(), now));
	}

	/** Whether revoking the reviewers' consent now withdraws the case: it is under way, from submission to review. */
	public static boolean consentWithdrawalEndsCase(OpinionRequestStatus status) {
		return CaseAction.WITHDRAW_CONSENT.allowedFrom(status);
	}

	/** SUBMITTED → IN_TRIAGE, by a coordinator, who becomes the case's coordinator (triage). */
	public AccessibleCase startTriage(AccessibleCase c) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> r.startTriage(c.actor().id().value(), now));
	}

	/** IN_TRIAGE → AWAITING_RECORDS with a message to the patient, by a coordinator (triage); the triage clock pauses. */
	public AccessibleCase requestRecords(AccessibleCase c, String message) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> r.requestRecords(c.actor().id().value(), message, now));
	}

	/**
	 * Codes the first diagnosis (system and code, checked against the system's form) while the case is in triage, by a
	 * coordinator (triage); the status does not change.
	 * @throws InvalidInputException (422, field {@code firstDiagnosisCode}) for a code that is not of its system's form
	 * @throws org.consilium.shared.IllegalTransitionException (409) once the case is assigned
	 */
	public AccessibleCase codeFirstDiagnosis(AccessibleCase c, org.consilium.shared.CodeSystem system, String code) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> r.codeFirstDiagnosis(system, code));
	}

	/** AWAITING_RECORDS → IN_TRIAGE, by the patient or their referrer (intake); the triage clock resumes. */
	public AccessibleCase recordsReceived(AccessibleCase c) {
		return change(c, forPatient(), (r, now) -> r.recordsReceived(c.actor().id().value(), now));
	}

	/** Submitted or in triage → DECLINED with a reason the patient reads, by a coordinator (triage). */
	public AccessibleCase decline(AccessibleCase c, DeclineReason reason, String note) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> r.decline(c.actor().id().value(), reason, note, now));
	}

	/**
	 * IN_TRIAGE → ASSIGNED: completes triage with the specialty (NUCC code), urgency and the specialist, who must hold
	 * that specialty; by a coordinator (triage). The review clock starts.
	 * @throws InvalidInputException when the specialist does not exist or has another specialty
	 */
	public AccessibleCase assign(AccessibleCase c, String specialtyCode, Urgency urgency, UserId specialistId) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> {
			UserView specialist = specialist(specialistId, "Choose a specialist from the list.");
			if (specialtyCode == null || !specialtyCode.equals(specialist.specialtyCode())) {
				throw new InvalidInputException("The specialist does not hold the chosen specialty.");
			}
			r.assign(c.actor().id().value(), specialtyCode, urgency, UserId.valueOrNull(specialistId), now);
		});
	}

	/**
	 * IN_TRIAGE → ASSIGNED to a panel (issue #5, "Panels"): the chair, who must hold the chosen specialty, is assigned
	 * as the specialist; the {@value CasePanel#MIN_MEMBERS}–{@value CasePanel#MAX_MEMBERS} other members, specialists of
	 * any specialty, get access to the case; by a coordinator (triage).
	 * @throws InvalidInputException when the chair or a member is not a specialist, the chair does not hold the
	 *         specialty, or the number of members is wrong
	 */
	public AccessibleCase assignPanel(AccessibleCase c, String specialtyCode, Urgency urgency, UserId chairId, Collection<UserId> memberIds) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> {
			UserView chair = specialist(chairId, "Choose the panel's chair from the list.");
			if (specialtyCode == null || !specialtyCode.equals(chair.specialtyCode())) {
				throw new InvalidInputException("The chair does not hold the chosen specialty.");
			}
			Set<UUID> members = new LinkedHashSet<>();
			for (UserId m : memberIds == null ? List.<UserId>of() : memberIds) {
				if (m != null) {
					members.add(specialist(m, "Every panel member must be a specialist.").id().value());
				}
			}
			r.assignPanel(c.actor().id().value(), specialtyCode, urgency, chair.id().value(), members, now);
		});
	}

	/** ASSIGNED → IN_REVIEW, by the assigned specialist (review). */
	public AccessibleCase accept(AccessibleCase c) {
		return change(c, forChair(), (r, now) -> r.accept(c.actor().id().value(), now));
	}

	/** ASSIGNED → IN_TRIAGE with the specialist's reason, by the assigned specialist (review); the panel is dissolved. */
	public AccessibleCase declineAssignment(AccessibleCase c, String why) {
		return change(c, forChair(), (r, now) -> r.unassign(CaseAction.DECLINE_ASSIGNMENT, c.actor().id().value(), why, now));
	}

	/**
	 * ASSIGNED, IN_REVIEW or AWAITING_PATIENT → IN_TRIAGE: the assigned specialist's account was deactivated (triage,
	 * on {@link org.consilium.identity.AccountDeactivated}). {@code c} is the case as that specialist reaches it; the
	 * panel is dissolved and the next specialist records their own blinded impression.
	 */
	public AccessibleCase releaseSpecialist(AccessibleCase c, String why) {
		return change(c, forChair(), (r, now) -> r.unassign(CaseAction.RELEASE, c.actor().id().value(), why, now));
	}

	/**
	 * No status change: a panel member's account was deactivated (triage, on
	 * {@link org.consilium.identity.AccountDeactivated}); {@code c} is the case as that member reaches it. The membership
	 * ends while the case is ASSIGNED, IN_REVIEW or AWAITING_PATIENT; the chair goes on with the other members.
	 * @throws org.consilium.shared.IllegalTransitionException in any other state, or when the actor is not a member
	 */
	public AccessibleCase endPanelMembership(AccessibleCase c) {
		return change(c, forRole(Role.SPECIALIST), (r, now) -> r.endPanelMembership(c.actor().id().value()));
	}

	/** IN_REVIEW → AWAITING_PATIENT: a specialist asked the patient a question (review); the review clock pauses. */
	public AccessibleCase askPatient(AccessibleCase c) {
		return change(c, forRole(Role.SPECIALIST), (r, now) -> r.askPatient(c.actor().id().value(), now));
	}

	/** AWAITING_PATIENT → IN_REVIEW: the patient answered every open question (review); the review clock resumes. */
	public AccessibleCase patientAnswered(AccessibleCase c) {
		return change(c, forPatient(), (r, now) -> r.patientAnswered(c.actor().id().value(), now));
	}

	/**
	 * No status change: the specialist (chair or panel member) saved an independent impression, and from now on sees
	 * the first opinion (review).
	 */
	public AccessibleCase recordImpression(AccessibleCase c) {
		return change(c, forRole(Role.SPECIALIST), (r, now) -> r.recordImpression(c.actor().id().value(), now));
	}

	/**
	 * IN_REVIEW → OPINION_SIGNED, by the assigned specialist (review), and on to DELIVERED at once unless the program's
	 * quality check is on (then a coordinator calls {@link #deliver}); both steps are in the timeline.
	 * @throws IllegalTransitionException also before the specialist's independent impression
	 */
	public AccessibleCase signOpinion(AccessibleCase c) {
		return change(c, forChair(), (r, now) -> {
			r.signOpinion(c.actor().id().value(), now);
			if (!program.qualityCheck()) {
				r.deliver(c.actor().id().value(), now);
			}
		});
	}

	/** OPINION_SIGNED → DELIVERED, by a coordinator after the quality check (triage). */
	public AccessibleCase deliver(AccessibleCase c) {
		return change(c, forRole(Role.COORDINATOR), (r, now) -> r.deliver(c.actor().id().value(), now));
	}

	/** DELIVERED → CLOSED, by the patient or their referrer (opinion, with the feedback). */
	public AccessibleCase close(AccessibleCase c) {
		return change(c, forPatient(), (r, now) -> r.close(c.actor().id().value(), now));
	}

	private UserView specialist(UserId id, String message) {
		return Optional.ofNullable(id).flatMap(identity::findUser).filter(u -> u.role() == Role.SPECIALIST).orElseThrow(() -> new InvalidInputException(message));
	}

	private interface Rule {
		void check(Actor actor, OpinionRequest request);
	}

	private static Rule forPatient() {
		return (actor, request) -> {
			if (!CaseAccessPolicy.actsForPatient(actor, request)) {
				throw new ForbiddenActionException("Only the patient or their referring physician can do this.");
			}
		};
	}

	private static Rule forRole(Role role) {
		return (actor, request) -> {
			if (!actor.is(role)) {
				throw new ForbiddenActionException("Only the case's " + role.label().toLowerCase() + " can do this.");
			}
		};
	}

	/** The assigned specialist only: a panel's chair, never one of its members. */
	private static Rule forChair() {
		return (actor, request) -> {
			if (!actor.is(Role.SPECIALIST) || !actor.id().value().equals(request.specialistId())) {
				throw new ForbiddenActionException("Only the case's assigned specialist (a panel's chair) can do this.");
			}
		};
	}

	private AccessibleCase change(AccessibleCase c, Rule rule, BiConsumer<OpinionRequest, Instant> transition) {
		OpinionRequest request = access.load(c.actor(), c.id(), AuditAction.CASE_TRANSITION);
		rule.check(c.actor(), request);
		try {
			transition.accept(request, clock.instant());
		}
		catch (RuntimeException e) {
			store.forget(request.id());
			throw e;
		}
		return AccessibleCase.of(c.actor(), store.save(request));
	}
}
