package org.consilium.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The specialist's workspace use cases. Every method takes the acting user and first asks
 * {@link CaseAccess#requireAccess}: a case the actor has no relation to throws {@link NotFoundException}
 * (problem type {@code not-found}, 404, audited as DENIED). Then: a related actor whose role cannot take the action
 * gets {@link ForbiddenActionException} ({@code forbidden-action}, 403); a case in the wrong state gets
 * {@link IllegalTransitionException} ({@code illegal-transition}, 409); a stale draft save or signature gets
 * {@link EditConflictException} ({@code edit-conflict}, 409) and overwrites nothing; signing an incomplete opinion gets
 * {@link OpinionIncompleteException} ({@code opinion-incomplete}, 409); bad input gets {@link InvalidInputException}
 * ({@code invalid-input}, 422). Successes are audited in the transaction, failures on their own.
 */
@Service
@Transactional
public class ReviewManagement {

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final CaseQueries queries;

	private final ReviewSteps steps;

	private final WrittenOpinionRepository opinions;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ReviewManagement(CaseAccess access, CaseLifecycle lifecycle, CaseQueries queries, ReviewSteps steps, WrittenOpinionRepository opinions, JdbcClient jdbc,
			AuditLog audit, Clock clock) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.steps = steps;
		this.opinions = opinions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The specialist's assigned cases (each listing audited), earliest review deadline first.
	 * @throws ForbiddenActionException for anyone but a specialist
	 */
	public List<OpinionRequestView> assignedCases(Actor actor) {
		if (!actor.is(Role.SPECIALIST)) {
			throw new ForbiddenActionException("This list is for specialists.");
		}
		return queries.myCases(actor).stream()
			.sorted(java.util.Comparator.comparing((OpinionRequestView v) -> v.status().isFinal())
				.thenComparing(v -> v.currentDeadline() == null ? Instant.MAX : v.currentDeadline().dueAt()))
			.toList();
	}

	/** The assigned specialist accepts the case: ASSIGNED → IN_REVIEW, the review starts. */
	public OpinionRequestView acceptAssignment(Actor actor, CaseId caseId) {
		return queries.view(access.act(actor, caseId, AuditAction.REVIEW_ACCEPT, lifecycle::accept));
	}

	/**
	 * The assigned specialist declines: the case returns to triage for reassignment.
	 * @throws InvalidInputException without a reason
	 */
	public OpinionRequestView declineAssignment(Actor actor, CaseId caseId, String reason) {
		return queries.view(access.act(actor, caseId, AuditAction.REVIEW_DECLINE, c -> lifecycle.declineAssignment(c, reason)));
	}

	// ---- impression (blinded first) ----

	/**
	 * Records the assigned specialist's independent impression, once, while the case is in review; from then on the
	 * case view shows them the first opinion.
	 * @param workingDiagnosis optional
	 * @throws IllegalTransitionException when an impression is already recorded (it cannot be changed) or the case is
	 *         not in review
	 * @throws InvalidInputException without impression text
	 */
	public Impression recordImpression(Actor actor, CaseId caseId, String text, Diagnosis workingDiagnosis) {
		AuditAction action = AuditAction.REVIEW_IMPRESSION;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		requireSpecialist(actor);
		return audited(actor, caseId, action, "Impression", () -> {
			ReviewSteps.requireReviewing(c);
			String impression = OpinionContent.clean(text, "impression", OpinionContent.MAX_TEXT);
			if (impression.isEmpty()) {
				throw new InvalidInputException("Write your impression before you see the first opinion.");
			}
			if (steps.findImpression(caseId.value(), actor.id().value()).isPresent()) {
				throw new IllegalTransitionException("Your impression is already recorded and cannot be changed.");
			}
			Impression saved = new Impression(UUID.randomUUID(), caseId, actor.id(), now(), impression, workingDiagnosis);
			try {
				jdbc.sql("""
						INSERT INTO review.impression (id, case_id, specialist_id, recorded_at, impression, working_diagnosis_text,
						  working_diagnosis_system, working_diagnosis_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(saved.id(), caseId.value(), actor.id().value(), Timestamp.from(saved.recordedAt()), impression,
							workingDiagnosis == null ? null : workingDiagnosis.text(),
							workingDiagnosis == null || workingDiagnosis.system() == null ? null : workingDiagnosis.system().uri(),
							workingDiagnosis == null ? null : workingDiagnosis.code())
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Your impression is already recorded and cannot be changed.");
			}
			lifecycle.recordImpression(c);
			audit.success(actor, action, caseId, "Impression", saved.id());
			return saved;
		});
	}

	/**
	 * The impression: a specialist's (the chair's or a panel member's) own; for coordinators, the assigned
	 * specialist's.
	 * @throws ForbiddenActionException for the patient or referrer (it is a working note of the review)
	 */
	public Optional<Impression> impression(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.REVIEW_IMPRESSION_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.is(Role.SPECIALIST) && !actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("The impression is a working note of the specialist.");
		}
		Optional<Impression> found = steps.findImpression(caseId.value(), actor.is(Role.SPECIALIST) ? actor.id().value() : UserId.valueOrNull(c.specialistId()));
		found.ifPresent(i -> audit.success(actor, action, caseId, "Impression", i.id()));
		return found;
	}

	// ---- the written opinion ----

	/**
	 * The specialist's own opinion (draft or signed), for the workspace; empty before the first save. A panel member
	 * reads the chair's consensus draft only after saving their own panel opinion (empty before).
	 * @throws ForbiddenActionException for anyone but the assigned specialist (a panel's chair) or a panel member
	 */
	public Optional<WrittenOpinionView> draft(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.REVIEW_OPINION_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		requireSpecialist(actor);
		if (!actor.id().equals(c.specialistId()) && steps.findPanelOpinion(caseId.value(), actor.id().value()).isEmpty()) {
			return Optional.empty();
		}
		Optional<WrittenOpinion> found = opinions.findByCase(caseId.value());
		found.ifPresent(o -> audit.success(actor, action, caseId, "WrittenOpinion", o.id()));
		return found.map(WrittenOpinion::view);
	}

	/**
	 * Saves the draft. {@code expectedVersion} is the version the specialist loaded ({@code null} for the first save).
	 * @throws EditConflictException when someone saved since (nothing is overwritten)
	 * @throws IllegalTransitionException before the impression is recorded, outside review, or once signed
	 */
	public WrittenOpinionView saveDraft(Actor actor, CaseId caseId, Integer expectedVersion, OpinionContent content) {
		return saveDraft(actor, caseId, expectedVersion, null, content);
	}

	/**
	 * Saves the draft from one rendering of the workspace form ({@code editSession}): that form's own earlier autosave
	 * never counts as a conflicting edit; any other save since {@code expectedVersion} does.
	 * @throws EditConflictException when another form saved since (nothing is overwritten)
	 */
	public WrittenOpinionView saveDraft(Actor actor, CaseId caseId, Integer expectedVersion, UUID editSession, OpinionContent content) {
		AuditAction action = AuditAction.REVIEW_OPINION_SAVE;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		ReviewSteps.requireChair(c);
		return audited(actor, caseId, action, "WrittenOpinion", () -> {
			WrittenOpinion opinion = storeDraft(c, expectedVersion, editSession, content);
			audit.success(actor, action, caseId, "WrittenOpinion", opinion.id());
			return opinion.view();
		});
	}

	/**
	 * Saves the form's content and signs it, in one transaction: a concurrent autosave of the same draft waits for it and
	 * then fails against the signed opinion, so what is signed is exactly what the form showed. An incomplete opinion
	 * is still saved as a draft ({@link OpinionIncompleteException} does not roll the save back).
	 * @throws OpinionIncompleteException (problem type {@code opinion-incomplete}, 409) listing what is missing
	 * @throws EditConflictException when another form saved since {@code expectedVersion}
	 */
	@Transactional(noRollbackFor = OpinionIncompleteException.class)
	public WrittenOpinionView saveAndSign(Actor actor, CaseId caseId, Integer expectedVersion, UUID editSession, OpinionContent content) {
		AuditAction action = AuditAction.REVIEW_OPINION_SIGN;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		ReviewSteps.requireChair(c);
		WrittenOpinion saved = audited(actor, caseId, AuditAction.REVIEW_OPINION_SAVE, "WrittenOpinion",
				() -> storeDraft(c, expectedVersion, editSession, content));
		try {
			return audited(actor, caseId, action, "WrittenOpinion", () -> signStored(c, saved.version()));
		}
		catch (OpinionIncompleteException incomplete) {
			audit.success(actor, AuditAction.REVIEW_OPINION_SAVE, caseId, "WrittenOpinion", saved.id());
			throw incomplete;
		}
	}

	/**
	 * Signs the opinion and freezes it; the case moves to OPINION_SIGNED and, without the program's quality check, is
	 * delivered at once. After this only follow-up addenda add to what the patient reads.
	 * @throws OpinionIncompleteException (problem type {@code opinion-incomplete}, 409) when the concordance, a
	 *         diagnosis, the treatment review, an answer to any patient question or the plain summary is missing
	 * @throws EditConflictException when the draft changed since {@code expectedVersion}
	 * @throws IllegalTransitionException when already signed, before the impression, or while a question to the
	 *         patient is open
	 */
	public WrittenOpinionView sign(Actor actor, CaseId caseId, Integer expectedVersion) {
		AuditAction action = AuditAction.REVIEW_OPINION_SIGN;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		ReviewSteps.requireChair(c);
		return audited(actor, caseId, action, "WrittenOpinion", () -> signStored(c, expectedVersion));
	}

	/**
	 * The signed opinion, for the opinion module and the delivered-opinion page: the assigned specialist and
	 * coordinators once signed; the patient and referrer only once the case is DELIVERED or CLOSED. Empty otherwise.
	 * Each read is audited.
	 */
	public Optional<WrittenOpinionView> signedOpinion(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.OPINION_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		boolean forPatient = c.actsForPatient();
		if (forPatient && c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
			return Optional.empty();
		}
		Optional<WrittenOpinion> signed = opinions.findByCase(caseId.value()).filter(WrittenOpinion::isSigned);
		signed.ifPresent(o -> audit.success(actor, action, caseId, "WrittenOpinion", o.id()));
		return signed.map(WrittenOpinion::view);
	}

	/**
	 * The signed opinion of a case for system work that must not wait for a reader (the signed version's fingerprint,
	 * taken as the case moves to OPINION_SIGNED): no access check; the read is audited as {@link Actor#SYSTEM}. Never
	 * show its result to a user. Empty while unsigned.
	 */
	public Optional<WrittenOpinionView> signedVersionForSystem(CaseId caseId) {
		Optional<WrittenOpinion> signed = opinions.findByCase(caseId.value()).filter(WrittenOpinion::isSigned);
		signed.ifPresent(o -> audit.success(Actor.SYSTEM, AuditAction.OPINION_READ, caseId, "WrittenOpinion", o.id()));
		return signed.map(WrittenOpinion::view);
	}

	// ---- internals ----

	/** Inserts or revises the draft (no audit: the calling use case audits); returns it as stored. */
	private WrittenOpinion storeDraft(AccessibleCase c, Integer expectedVersion, UUID editSession, OpinionContent content) {
		CaseId caseId = c.id();
		Actor actor = c.actor();
		// Saves of one case's draft run one after the other: a form's first autosave and its "save and sign" can
		// otherwise both find no draft, both insert, and the second fail as a conflict with its own form.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("review.written_opinion:" + caseId).query((rs, n) -> 1).list();
		WrittenOpinion opinion = editable(c, caseId);
		if (opinion == null) {
			if (expectedVersion != null && expectedVersion != 0) {
				throw new EditConflictException();
			}
			opinion = WrittenOpinion.start(caseId.value(), actor.id().value(), now());
			opinion.revise(content, now());
			try {
				opinions.insert(opinion, editSession);
			}
			catch (DuplicateKeyException e) {
				throw new EditConflictException();
			}
		}
		else {
			boolean sameForm = editSession != null && editSession.equals(opinions.lastEditSession(opinion.id()));
			Integer base = sameForm ? Integer.valueOf(opinion.version()) : expectedVersion;
			if (base == null) {
				throw new EditConflictException();
			}
			opinion.revise(content, now());
			if (!opinions.updateDraft(opinion, base, editSession)) {
				throw new EditConflictException();
			}
		}
		return opinions.findByCase(caseId.value()).orElseThrow();
	}

	/** Signs the stored draft and makes the case's transition; audits the signature (one row for the user's action). */
	private WrittenOpinionView signStored(AccessibleCase c, Integer expectedVersion) {
		CaseId caseId = c.id();
		Actor actor = c.actor();
		AuditAction action = AuditAction.REVIEW_OPINION_SIGN;
		if (expectedVersion == null) {
			throw new InvalidInputException("Send the version of the draft you read (version).");
		}
		if (c.status() == OpinionRequestStatus.AWAITING_PATIENT) {
			throw new IllegalTransitionException("A question to the patient is still open. Sign once it is answered.");
		}
		WrittenOpinion opinion = editable(c, caseId);
		if (opinion == null) {
			throw new OpinionIncompleteException(WrittenOpinion.start(caseId.value(), actor.id().value(), now()).missingForSignature(c.questions()));
		}
		if (opinion.version() != expectedVersion.intValue()) {
			throw new EditConflictException();
		}
		opinion.sign(actor.id().value(), c.questions(), now());
		if (!opinions.markSigned(opinion, expectedVersion)) {
			throw new EditConflictException();
		}
		lifecycle.signOpinion(c);
		audit.success(actor, action, caseId, "WrittenOpinion", opinion.id());
		return opinions.findByCase(caseId.value()).orElseThrow().view();
	}

	private WrittenOpinion editable(AccessibleCase c, CaseId caseId) {
		WrittenOpinion existing = opinions.findByCase(caseId.value()).orElse(null);
		if (existing != null && existing.isSigned()) {
			throw new IllegalTransitionException("The opinion is signed and cannot be changed. Answer follow-up questions as addenda.");
		}
		ReviewSteps.requireReviewing(c);
		if (steps.findImpression(caseId.value(), UserId.valueOrNull(c.specialistId())).isEmpty()) {
			throw new IllegalTransitionException("Record your independent impression before writing the opinion.");
		}
		return existing;
	}

	private static void requireSpecialist(Actor actor) {
		if (!actor.is(Role.SPECIALIST)) {
			throw new ForbiddenActionException("Only the case's specialist can do this.");
		}
	}


	private <T> T audited(Actor actor, CaseId caseId, AuditAction action, String recordType, java.util.function.Supplier<T> work) {
		return audit.recordingFailures(actor, action, caseId, recordType, work);
	}





	private Instant now() {
		return clock.instant();
	}
}
