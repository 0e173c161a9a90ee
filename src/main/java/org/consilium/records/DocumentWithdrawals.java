package org.consilium.records;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.IdentityManagement;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * Withdrawing a wrong upload, and what the documents' labels say. A withdrawn document is voided, never deleted
 * (OpenMRS's rule for clinical data): its row and bytes stay, {@code voided_at}, {@code voided_by},
 * {@code void_reason} and {@code void_kind} record who, when and why, and the audit trail holds the withdrawal.
 * <ul>
 * <li>{@link WithdrawalReason#MISTAKE}: listed as withdrawn to everyone related to the case, never opened again;</li>
 * <li>{@link WithdrawalReason#ANOTHER_PERSON}: about someone else, so hidden from everyone related to the case; only
 * administrators see that it was there ({@link #withdrawnAsAnotherPersons}), without its content.</li>
 * </ul>
 * The patient, their referring physician or a coordinator withdraws, until review starts (the specialist accepts):
 * after that the specialist may have read it, and the upload stays.
 */
@Service
@Transactional
public class DocumentWithdrawals {

	/** The statuses before review starts: a document may still be withdrawn. */
	static final Set<OpinionRequestStatus> BEFORE_REVIEW = EnumSet.of(OpinionRequestStatus.DRAFT, OpinionRequestStatus.SUBMITTED,
			OpinionRequestStatus.IN_TRIAGE, OpinionRequestStatus.AWAITING_RECORDS, OpinionRequestStatus.ASSIGNED);

	/** Longest reason accepted, in characters. */
	public static final int MAX_REASON = 2_000;

	/** The most rows the administrators' list shows. */
	static final int ADMIN_LIST_LIMIT = 200;

	private final CaseAccess cases;

	private final DocumentRecords documents;

	private final AuditLog audit;

	private final IdentityManagement identity;

	private final Clock clock;

	DocumentWithdrawals(CaseAccess cases, DocumentRecords documents, AuditLog audit, IdentityManagement identity, Clock clock) {
		this.cases = cases;
		this.documents = documents;
		this.audit = audit;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * Withdraws an upload of the case; audited as {@code records.document.withdraw} (a refusal as denied or failed).
	 * @param reason the person's words, required, at most {@value #MAX_REASON} characters
	 * @throws NotFoundException (problem type {@code not-found}, 404) for a case the actor cannot see, or a document not
	 *         in it (or already withdrawn)
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, 403) for anyone but the patient, their
	 *         referring physician or a coordinator
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, 409) once review has started
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422, field {@code reason} or {@code reasonKind})
	 *         without a reason or its kind
	 */
	public WithdrawnDocumentView withdraw(Actor actor, CaseId caseId, DocumentId documentId, WithdrawalReason reasonKind, String reason) {
		AuditAction action = AuditAction.RECORDS_DOCUMENT_WITHDRAW;
		AccessibleCase c = cases.requireAccess(actor, caseId, action);
		return audit.recordingFailures(actor, action, caseId, "Document", () -> {
			if (!(c.actsForPatient() || actor.is(Role.COORDINATOR))) {
				throw new ForbiddenActionException("Only the patient, their referring physician or a coordinator withdraws a document.");
			}
			if (!BEFORE_REVIEW.contains(c.status())) {
				throw new IllegalTransitionException("The review has started, so the document stays with the case (status: " + c.status().label()
						+ "). Write to the coordinator if it should not be there.");
			}
			if (reasonKind == null) {
				throw new InvalidInputException("Say why the document is withdrawn: uploaded by mistake, or about another person.", "reasonKind");
			}
			String why = reason == null ? "" : reason.strip();
			if (why.isEmpty() || why.length() > MAX_REASON) {
				throw new InvalidInputException(why.isEmpty() ? "Write a few words on why the document is withdrawn."
						: "The reason is longer than " + MAX_REASON + " characters.", "reason");
			}
			Instant now = clock.instant();
			if (!documents.withdraw(caseId.value(), documentId.value(), actor.id().value(), now, why, reasonKind)) {
				throw new NotFoundException();
			}
			audit.success(actor, action, caseId, "Document", documentId.value());
			return documents.withdrawn(caseId.value(), reasonKind).stream().filter(r -> r.id().equals(documentId.value())).findFirst()
				.map(this::view).orElseThrow();
		});
	}

	/** Whether this actor may withdraw uploads of the case now (to show the button); reads nothing. */
	public static boolean mayWithdraw(Actor actor, AccessibleCase c) {
		return (c.actsForPatient() || actor.is(Role.COORDINATOR)) && BEFORE_REVIEW.contains(c.status());
	}

	/**
	 * The case's uploads withdrawn by mistake, for everyone related to the case (never those about another person);
	 * {@code c} is the case as the caller's access check returned it (the records page's read is the audit entry).
	 */
	@Transactional(readOnly = true)
	public List<WithdrawnDocumentView> withdrawnByMistake(AccessibleCase c) {
		return documents.withdrawn(c.id().value(), WithdrawalReason.MISTAKE).stream().map(this::view).toList();
	}

	/**
	 * The documents withdrawn as another person's, over all cases, latest first (at most 200), for administrators only:
	 * which case, file name, who and why, never the content. Audited once per case listed.
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, 403) for anyone but an administrator
	 */
	public List<WithdrawnDocumentView> withdrawnAsAnotherPersons(Actor actor) {
		if (!actor.is(Role.ADMIN)) {
			throw new ForbiddenActionException("Only an administrator sees documents withdrawn as another person's.");
		}
		List<WithdrawnDocumentView> rows = documents.withdrawnEverywhere(WithdrawalReason.ANOTHER_PERSON, ADMIN_LIST_LIMIT).stream().map(this::view).toList();
		Set<CaseId> listed = new LinkedHashSet<>();
		rows.forEach(r -> listed.add(r.caseId()));
		listed.forEach(id -> audit.success(actor, AuditAction.RECORDS_DOCUMENT_WITHDRAWN_READ, id, "Document", null));
		return rows;
	}

	/**
	 * The kinds of the case's documents that are in the records (not withdrawn, not quarantined), each with its latest
	 * upload: what the completeness checklist ticks itself from. {@code c} is the case as the caller's access check
	 * returned it; the caller audits its own read.
	 */
	@Transactional(readOnly = true)
	public Map<DocumentKind, Instant> documentKinds(AccessibleCase c) {
		return documents.kinds(c.id().value());
	}

	private WithdrawnDocumentView view(DocumentRecords.WithdrawnRow r) {
		UserId by = UserId.ofNullable(r.voidedBy());
		return new WithdrawnDocumentView(new DocumentId(r.id()), new CaseId(r.caseId()), r.fileName(), r.kind() == null ? null : DocumentKind.valueOf(r.kind()),
				r.uploadedAt(), by, identity.displayName(by), r.voidedAt(), WithdrawalReason.valueOf(r.voidKind()), r.voidReason());
	}
}
