package org.consilium.intake.api;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;

/**
 * The case as JSON: the same use cases as the pages. Errors are RFC 9457 problem details; a case the caller has no
 * relation to answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

	private final IntakeManagement intake;

	private final CaseQueries queries;

	private final AuditLog audit;

	CaseApiController(IntakeManagement intake, CaseQueries queries,  AuditLog audit) {
		this.intake = intake;
		this.queries = queries;
		this.audit = audit;
	}

	/** Body of a new draft; {@code requestToken} makes a retried POST return the first draft instead of a second one. */
	record NewDraft(String patientEmail, UUID requestToken, DraftContent content) {
	}

	/** Body of a draft save; {@code expectedVersion} is the version read, for optimistic locking (409 when stale). */
	record DraftUpdate(Integer expectedVersion, DraftContent content) {
	}

	@GetMapping
	List<OpinionRequestView> mine() {
		return queries.myCases(Actor.current());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	OpinionRequestView create(@RequestBody NewDraft body) {
		return intake.createDraft(Actor.current(), body.patientEmail(), body.requestToken(), body.content());
	}

	@GetMapping("/{id}")
	OpinionRequestView read(@PathVariable UUID id) {
		return queries.read(Actor.current(), new CaseId(id), AuditAction.CASE_READ);
	}

	@PutMapping("/{id}/draft")
	OpinionRequestView save(@PathVariable UUID id, @RequestBody DraftUpdate body) {
		return intake.updateDraft(Actor.current(), new CaseId(id), body.expectedVersion(), body.content());
	}

	@PostMapping("/{id}/submit")
	OpinionRequestView submit(@PathVariable UUID id) {
		return intake.submit(Actor.current(), new CaseId(id));
	}

	@PostMapping("/{id}/withdraw")
	OpinionRequestView withdraw(@PathVariable UUID id) {
		return intake.withdraw(Actor.current(), new CaseId(id));
	}

	@PostMapping("/{id}/records-received")
	OpinionRequestView recordsReceived(@PathVariable UUID id) {
		return intake.recordsReceived(Actor.current(), new CaseId(id));
	}

	/**
	 * Who accessed the patient's case, newest first, 50 a page from page 0; for the patient only. A negative page, one
	 * over {@value org.consilium.shared.Pages#MAX_PAGE} or one past the end answers 422 ({@code page-out-of-range}).
	 */
	@GetMapping("/{id}/access-log")
	List<AuditEntry> accessLog(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page) {
		Actor actor = Actor.current();
		OpinionRequestView c = queries.read(actor, new CaseId(id), AuditAction.CASE_ACCESS_LOG);
		if (!actor.id().equals(c.patientId())) {
			throw new ForbiddenActionException("Only the patient reads the access log.");
		}
		List<AuditEntry> entries = audit.forCase(new CaseId(id), org.consilium.shared.Pages.offset(page, 50), 50);
		org.consilium.shared.Pages.requireWithinList(page, entries.size());
		return entries;
	}
}
