package org.consilium.triage.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.Specialty;
import org.consilium.intake.CasePage;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.DeclineReason;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;
import org.consilium.triage.CaseTriage;

/** Triage as JSON, for coordinators. */
@RestController
class TriageApiController {

	private final CaseQueries queries;

	private final CaseTriage caseTriage;

	private final IdentityManagement identity;

	TriageApiController(CaseQueries queries, CaseTriage caseTriage, IdentityManagement identity) {
		this.queries = queries;
		this.caseTriage = caseTriage;
		this.identity = identity;
	}

	record Decline(DeclineReason reason, String note) {
	}

	record RecordsRequest(String message) {
	}

	/**
	 * {@code specialtyCode} is a NUCC taxonomy code; the specialist must hold it. {@code overrideReason} is required when
	 * the specialist is not among matching's top suggestions ({@code GET /api/cases/{id}/candidates}).
	 */
	record Assignment(String specialtyCode, Urgency urgency, UUID specialistId, String overrideReason) {
	}

	/** One page of {@value CaseQueries#PAGE_SIZE} cases, earliest triage deadline first. */
	@GetMapping("/api/triage/queue")
	CasePage queue(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page) {
		return queries.triageQueue(Actor.current(), page);
	}

	@GetMapping("/api/specialties")
	List<Specialty> specialties() {
		return identity.specialties();
	}

	@PostMapping("/api/cases/{id}/triage/start")
	OpinionRequestView start(@PathVariable UUID id) {
		return caseTriage.startTriage(Actor.current(), new CaseId(id));
	}

	@PostMapping("/api/cases/{id}/triage/decline")
	OpinionRequestView decline(@PathVariable UUID id, @RequestBody Decline body) {
		return caseTriage.decline(Actor.current(), new CaseId(id), body.reason(), body.note());
	}

	@PostMapping("/api/cases/{id}/triage/request-records")
	OpinionRequestView requestRecords(@PathVariable UUID id, @RequestBody RecordsRequest body) {
		return caseTriage.requestRecords(Actor.current(), new CaseId(id), body.message());
	}

	/** Quality check: a coordinator releases a signed opinion (only when {@code consilium.program.quality-check=true}). */
	@PostMapping("/api/cases/{id}/triage/deliver")
	OpinionRequestView deliver(@PathVariable UUID id) {
		return caseTriage.deliver(Actor.current(), new CaseId(id));
	}

	/** Assigns through matching: a specialist outside the top suggestions needs {@code overrideReason}. */
	@PostMapping({ "/api/cases/{id}/triage/assign", "/api/cases/{id}/assignment" })
	OpinionRequestView assign(@PathVariable UUID id, @RequestBody Assignment body) {
		return caseTriage.assign(Actor.current(), new CaseId(id), body.specialtyCode(), body.urgency(), UserId.ofNullable(body.specialistId()), body.overrideReason());
	}
}
