package org.consilium.triage.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;
import org.consilium.triage.CaseTriage;
import org.consilium.triage.Checklist;
import org.consilium.triage.TriageManagement;
import org.consilium.triage.TurnaroundReport;
import org.consilium.triage.UrgentFinding;

/** Completeness checklist, urgent findings, panels at triage and the turnaround report as JSON. */
@RestController
class CompletenessApiController {

	private final TriageManagement triage;

	private final CaseTriage caseTriage;

	CompletenessApiController(TriageManagement triage, CaseTriage caseTriage) {
		this.triage = triage;
		this.caseTriage = caseTriage;
	}

	/** {@code specialtyCode}: NUCC code whose list applies until triage names one (optional); {@code present}: item names. */
	record ChecklistUpdate(String specialtyCode, List<String> present) {
	}

	record ItemsRequest(List<String> items, String note) {
	}

	record FindingText(String finding) {
	}

	/** A chair holding {@code specialtyCode} (NUCC) and 2–5 other specialists. */
	record PanelAssignment(String specialtyCode, Urgency urgency, UserId chairId, List<UserId> memberIds) {
	}

	@GetMapping("/api/cases/{id}/checklist")
	Checklist checklist(@PathVariable UUID id) {
		return triage.checklist(Actor.current(), new CaseId(id));
	}

	@PutMapping("/api/cases/{id}/checklist")
	Checklist update(@PathVariable UUID id, @RequestBody ChecklistUpdate body) {
		return triage.recordPresent(Actor.current(), new CaseId(id), body.specialtyCode(), body.present());
	}

	/** Asks the patient for the items with the request-records step (the triage clock pauses). */
	@PostMapping("/api/cases/{id}/checklist/requests")
	Checklist request(@PathVariable UUID id, @RequestBody ItemsRequest body) {
		return triage.requestFromPatient(Actor.current(), new CaseId(id), body.items(), body.note());
	}

	/** Newest first; for the patient without the text. */
	@GetMapping("/api/cases/{id}/urgent-findings")
	List<UrgentFinding> findings(@PathVariable UUID id) {
		return triage.urgentFindings(Actor.current(), new CaseId(id));
	}

	@PostMapping("/api/cases/{id}/urgent-findings")
	UrgentFinding mark(@PathVariable UUID id, @RequestBody FindingText body) {
		return triage.markUrgentFinding(Actor.current(), new CaseId(id), body.finding());
	}

	@PostMapping("/api/cases/{id}/urgent-findings/{findingId}/acknowledge")
	UrgentFinding acknowledge(@PathVariable UUID id, @PathVariable UUID findingId) {
		return triage.acknowledge(Actor.current(), new CaseId(id), findingId);
	}

	/** Unacknowledged urgent findings of all cases, oldest first (coordinators). */
	@GetMapping("/api/triage/urgent-findings")
	List<UrgentFinding> open() {
		return triage.openUrgentFindings(Actor.current());
	}

	@PostMapping("/api/cases/{id}/triage/panel")
	OpinionRequestView panel(@PathVariable UUID id, @RequestBody PanelAssignment body) {
		Actor actor = Actor.current();
		return caseTriage.assignPanel(actor, new CaseId(id), body.specialtyCode(), body.urgency(), body.chairId(), body.memberIds());
	}

	/** Per month of delivery: delivered, on time, on-time %, median business days (coordinators and administrators). */
	@GetMapping("/api/reports/turnaround")
	TurnaroundReport turnaround() {
		return triage.turnaround(Actor.current());
	}
}
