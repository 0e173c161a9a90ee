package org.consilium.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.IdentityManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * Intake: the patient (or the referring physician who acts for them) drafts, submits, withdraws and answers for the
 * case. Every method checks access through {@link CaseAccess} (a case the actor has no relation to throws
 * {@link NotFoundException}, 404, audited as DENIED, exactly as a missing one), makes at most one transition through
 * {@link CaseLifecycle} and writes one audit entry for the user's action; a failure the user can act on is audited as
 * FAILED and changes nothing. Errors: {@link ForbiddenActionException} (403) for a related actor who cannot act,
 * {@link org.consilium.shared.IllegalTransitionException} (409) from the wrong status, {@link EditConflictException}
 * (409) for a stale edit, {@link InvalidInputException} (422) for bad input.
 */
@Service
@Transactional
public class IntakeManagement {

	private final CaseStore store;

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final CaseQueries queries;

	private final OpinionRequestRepository requests;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final IdentityManagement identity;

	private final Clock clock;

	private final PatientInvitations invitations;

	private final org.springframework.beans.factory.ObjectProvider<org.consilium.shared.CodeLists> codeLists;

	IntakeManagement(CaseStore store, CaseAccess access, CaseLifecycle lifecycle, CaseQueries queries, OpinionRequestRepository requests,
			JdbcClient jdbc, AuditLog audit, IdentityManagement identity, Clock clock, PatientInvitations invitations,
			org.springframework.beans.factory.ObjectProvider<org.consilium.shared.CodeLists> codeLists) {
		this.codeLists = codeLists;
		this.store = store;
		this.access = access;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.requests = requests;
		this.jdbc = jdbc;
		this.audit = audit;
		this.identity = identity;
		this.clock = clock;
		this.invitations = invitations;
	}

	/**
	 * Creates a draft. A patient drafts for themself; a referring physician names the patient by e-mail, and the draft
	 * becomes the patient's only when they accept the invitation ({@link PatientInvitations}): the answer is the same
	 * whether or not the address has an account. The same {@code requestToken} (one per rendered form) returns the draft
	 * created the first time, so a double click creates one case; requests with the same token that arrive together run
	 * one after the other and all answer that one case.
	 * @throws ForbiddenActionException for anyone but a patient or a referring physician
	 * @throws InvalidInputException when a referring physician's {@code patientEmail} is not a well-formed address
	 */
	public OpinionRequestView createDraft(Actor actor, String patientEmail, UUID requestToken, DraftContent content) {
		requireListed(content);
		if (requestToken != null) {
			oneAtATime("intake.create:" + actor.id() + ":" + requestToken);
			var existing = requests.findByCreatedByAndRequestToken(actor.id().value(), requestToken);
			if (existing.isPresent()) {
				return queries.view(actor, existing.get());
			}
		}
		UserId patientId = null;
		UserId referrerId = null;
		String invitee = null;
		if (actor.is(Role.PATIENT)) {
			patientId = actor.id();
		}
		else if (actor.is(Role.REFERRING_PHYSICIAN)) {
			if (content != null && content.patient() != null) {
				content.patient().requireNotNaming(actor.displayName());
			}
			invitee = identity.inviteToCase(patientEmail, PatientInvitations.ACCEPT_PATH);
			referrerId = actor.id();
		}
		else {
			throw new ForbiddenActionException("Only a patient or a referring physician can ask for a second opinion.");
		}
		OpinionRequest draft = OpinionRequest.draft(UserId.valueOrNull(patientId), UserId.valueOrNull(referrerId), actor.id().value(),
				requestToken == null ? UUID.randomUUID() : requestToken, content == null ? DraftContent.empty() : content, clock.instant());
		OpinionRequest saved = store.save(draft);
		if (invitee != null) {
			invitations.invite(saved.id(), invitee);
		}
		audit.success(actor, AuditAction.CASE_CREATE, CaseId.ofNullable(saved.id()), "OpinionRequest", saved.id());
		return queries.view(actor, saved);
	}

	/** Saves the draft's content (also the autosave while typing). {@code expectedVersion} guards against lost updates. */
	public OpinionRequestView updateDraft(Actor actor, CaseId caseId, Integer expectedVersion, DraftContent content) {
		return updateDraft(actor, caseId, expectedVersion, null, content);
	}

	/**
	 * Saves the draft from one rendering of the draft form ({@code editSession}): that form's own earlier autosave
	 * never counts as a conflicting edit; any other save since {@code expectedVersion} does.
	 * @throws EditConflictException when another form or person saved since
	 */
	public OpinionRequestView updateDraft(Actor actor, CaseId caseId, Integer expectedVersion, UUID editSession, DraftContent content) {
		return act(actor, caseId, AuditAction.CASE_UPDATE, c -> {
			requireListed(content);
			return lifecycle.editDraft(c, expectedVersion, editSession, content);
		});
	}

	/**
	 * Saves the form's content and submits, in one transaction, so a late autosave of the same form cannot slip in
	 * between; audited once, as the submission. When submission is refused for missing content
	 * ({@link InvalidInputException}), the content is still saved (audited as the update, the submission as FAILED).
	 * Submissions of one case run one after the other; one that finds the case already submitted by its patient's side
	 * (a double click, a retried request) changes nothing and answers the case as it is, audited as a read.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public OpinionRequestView saveAndSubmit(Actor actor, CaseId caseId, Integer expectedVersion, UUID editSession, DraftContent content) {
		AccessibleCase c = submittingAlone(actor, caseId);
		if (alreadySubmitted(c)) {
			return unchanged(actor, c);
		}
		AccessibleCase edited = audit.recordingFailures(actor, AuditAction.CASE_UPDATE, caseId, "OpinionRequest", () -> {
			requireListed(content);
			return lifecycle.editDraft(c, expectedVersion, editSession, content);
		});
		AccessibleCase submitted;
		try {
			submitted = lifecycle.submit(edited);
		}
		catch (InvalidInputException incomplete) {
			audit.success(actor, AuditAction.CASE_UPDATE, caseId, "OpinionRequest", caseId.value());
			audit.failed(actor, AuditAction.CASE_SUBMIT, caseId, "OpinionRequest", caseId.value());
			throw incomplete;
		}
		catch (org.consilium.shared.ConsiliumProblem refused) {
			audit.failed(actor, AuditAction.CASE_SUBMIT, caseId, "OpinionRequest", caseId.value());
			throw refused;
		}
		audit.success(actor, AuditAction.CASE_SUBMIT, caseId, "OpinionRequest", caseId.value());
		return queries.view(submitted);
	}

	/**
	 * Submits the draft: the triage clock starts. Submissions of one case run one after the other; one that finds the
	 * case already submitted (a double click, a retried request) changes nothing and answers the case as it is, audited as
	 * a read.
	 */
	public OpinionRequestView submit(Actor actor, CaseId caseId) {
		AccessibleCase c = submittingAlone(actor, caseId);
		if (alreadySubmitted(c)) {
			return unchanged(actor, c);
		}
		return act(actor, caseId, AuditAction.CASE_SUBMIT, lifecycle::submit);
	}

	/**
	 * Waits for any other submission of the case to commit and then reads the case afresh, because a copy loaded earlier
	 * in this request predates that submission; without a submission under way the copy stays (one read per request).
	 */
	private AccessibleCase submittingAlone(Actor actor, CaseId caseId) {
		String key = "intake.submit:" + caseId;
		boolean alone = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))").param(key).query(Boolean.class).single();
		if (!alone) {
			oneAtATime(key);
			store.forget(caseId.value());
		}
		return access.requireAccess(actor, caseId, AuditAction.CASE_SUBMIT);
	}

	private static boolean alreadySubmitted(AccessibleCase c) {
		return c.status() == OpinionRequestStatus.SUBMITTED && c.actsForPatient();
	}

	private OpinionRequestView unchanged(Actor actor, AccessibleCase c) {
		audit.success(actor, AuditAction.CASE_READ, c.id(), "OpinionRequest", c.id().value());
		return queries.view(c);
	}

	/**
	 * Holds a PostgreSQL advisory lock on {@code key} until this transaction ends, so that identical requests arriving
	 * together run one after the other and the later ones see what the first committed (read committed).
	 */
	private void oneAtATime(String key) {
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS locked").param(key).query(Integer.class).single();
	}

	/** Withdraws the case at any open step; nothing already stored is deleted. */
	public OpinionRequestView withdraw(Actor actor, CaseId caseId) {
		return act(actor, caseId, AuditAction.CASE_WITHDRAW, lifecycle::withdraw);
	}

	/** The patient says the requested records are added; the case returns to triage and the triage clock resumes. */
	public OpinionRequestView recordsReceived(Actor actor, CaseId caseId) {
		return act(actor, caseId, AuditAction.CASE_RECORDS_RECEIVED, lifecycle::recordsReceived);
	}

	/**
	 * Records the patient's preferred language (BCP 47) and jurisdiction (ISO 3166-1/-2; blank for unknown) for the case.
	 * The patient or their referrer may do so until the opinion is delivered; a coordinator once the case is submitted.
	 * @throws InvalidInputException naming a malformed language tag or jurisdiction code
	 */
	public PatientLocale updatePatientLocale(Actor actor, CaseId caseId, String preferredLanguage, String jurisdiction) {
		AuditAction action = AuditAction.CASE_UPDATE_LOCALE;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!(actor.is(Role.COORDINATOR) || c.actsForPatient())) {
			audit.failed(actor, action, caseId, "OpinionRequest", caseId.value());
			throw new ForbiddenActionException("Only the patient, their referring physician or a coordinator records this.");
		}
		PatientLocale given = audit.recordingFailures(actor, action, caseId, "OpinionRequest",
				() -> new PatientLocale(preferredLanguage == null || preferredLanguage.isBlank() ? null : LanguageTag.parse(preferredLanguage).tag(),
						jurisdiction == null || jurisdiction.isBlank() ? null : Jurisdiction.parse(jurisdiction).code()));
		jdbc.sql("""
				INSERT INTO intake.patient_locale (opinion_request_id, preferred_language, jurisdiction, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (opinion_request_id) DO UPDATE SET preferred_language = EXCLUDED.preferred_language,
				  jurisdiction = EXCLUDED.jurisdiction, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.params(caseId.value(), given.preferredLanguage(), given.jurisdiction(), Timestamp.from(clock.instant()), actor.id().value()).update();
		audit.success(actor, action, caseId, "OpinionRequest", caseId.value());
		return queries.patientLocale(actor, caseId, action);
	}

	private OpinionRequestView act(Actor actor, CaseId caseId, AuditAction action, UnaryOperator<AccessibleCase> step) {
		return queries.view(access.act(actor, caseId, action, step));
	}


	/**
	 * Checks the first diagnosis code: its form always ({@link CodeSystem#malformation}), and its presence on the
	 * system's full list when the program installed one ({@link org.consilium.shared.CodeLists}, e.g. the ICD-10-CM
	 * release's code list). Runs before anything is saved.
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422, field {@code firstDiagnosisCode})
	 */
	private void requireListed(DraftContent content) {
		if (content == null || content.firstDiagnosisCode() == null || content.firstDiagnosisCode().isBlank()) {
			return;
		}
		String code = content.firstDiagnosisSystem() == null ? content.firstDiagnosisCode().strip().toUpperCase(java.util.Locale.ROOT)
				: content.firstDiagnosisSystem().bare(content.firstDiagnosisCode());
		OpinionRequest.checkCode(content.firstDiagnosisSystem(), code);
		org.consilium.shared.CodeLists lists = codeLists.getIfAvailable();
		if (lists != null && lists.installed(content.firstDiagnosisSystem()) && lists.title(content.firstDiagnosisSystem(), code).isEmpty()) {
			throw new InvalidInputException("\"" + code + "\" is not on the installed " + content.firstDiagnosisSystem().label()
					+ " code list. Choose the diagnosis from the suggestions, or leave the code empty and describe it in words.", OpinionRequest.CODE_FIELD);
		}
	}
}
