package org.consilium.triage.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.audit.AuditAction;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;
import org.consilium.triage.CaseTriage;
import org.consilium.triage.TriageManagement;

/**
 * Completeness and the clock on pages: the case notices fragment ({@code GET /cases/{id}/completeness}, loaded into the
 * case page and the review workspace: urgent findings, what is still missing, the specialist's urgent-finding form),
 * the coordinator's checklist, request and panel forms on the triage page, acknowledging an urgent finding, and the
 * turnaround report ({@code GET /reports/turnaround}). Post/redirect/get; a failure returns with flash {@code error}.
 */
@Controller
class CompletenessController {

	private final TriageManagement triage;

	private final CaseAccess access;

	private final CaseTriage caseTriage;

	CompletenessController(TriageManagement triage, CaseAccess access, CaseTriage caseTriage) {
		this.triage = triage;
		this.access = access;
		this.caseTriage = caseTriage;
	}

	@GetMapping("/cases/{id}/completeness")
	String notices(@PathVariable UUID id, Model model) {
		Actor actor = Actor.current();
		AccessibleCase c = access.requireAccess(actor, new CaseId(id), AuditAction.TRIAGE_NOTICES_READ);
		model.addAttribute("c", c);
		model.addAttribute("checklist", triage.checklist(actor, new CaseId(id)));
		model.addAttribute("findings", triage.urgentFindings(actor, new CaseId(id)));
		model.addAttribute("forPatient", c.actsForPatient());
		model.addAttribute("isPatient", actor.id().equals(c.patientId()));
		model.addAttribute("specialist", actor.is(Role.SPECIALIST));
		model.addAttribute("beforeAssignment", List.of("SUBMITTED", "IN_TRIAGE", "AWAITING_RECORDS").contains(c.status().name()));
		return "triage/completeness :: notices";
	}

	@PostMapping("/cases/{id}/checklist")
	String record(@PathVariable UUID id, @RequestParam(defaultValue = "") String checklistSpecialty,
			@RequestParam(name = "present", required = false) List<String> present, RedirectAttributes redirect) {
		return act(id, redirect, "/triage", () -> triage.recordPresent(Actor.current(), new CaseId(id), checklistSpecialty, present == null ? List.of() : present),
				"The checklist is saved.");
	}

	@PostMapping("/cases/{id}/checklist/request")
	String request(@PathVariable UUID id, @RequestParam(name = "item", required = false) List<String> items,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		return act(id, redirect, "/triage", () -> triage.requestFromPatient(Actor.current(), new CaseId(id), items == null ? List.of() : items, note),
				"The patient is asked for the missing items; the triage clock is paused.");
	}

	@PostMapping("/cases/{id}/urgent-findings")
	String mark(@PathVariable UUID id, @RequestParam(defaultValue = "") String finding, RedirectAttributes redirect) {
		return act(id, redirect, "/review", () -> triage.markUrgentFinding(Actor.current(), new CaseId(id), finding),
				"The urgent finding is recorded; the coordinators are alerted and the patient is told to contact their physician.", "done");
	}

	@PostMapping("/cases/{id}/urgent-findings/{findingId}/acknowledge")
	String acknowledge(@PathVariable UUID id, @PathVariable UUID findingId, RedirectAttributes redirect) {
		return act(id, redirect, "/triage", () -> triage.acknowledge(Actor.current(), new CaseId(id), findingId), "The urgent finding is acknowledged.");
	}

	/** Completes triage with a panel: a chair (holding the specialty) and 2–5 other specialists. */
	@PostMapping("/cases/{id}/triage/panel")
	String panel(@PathVariable UUID id, @RequestParam(defaultValue = "") String panelSpecialty, @RequestParam(required = false) Urgency panelUrgency,
			@RequestParam(required = false) UserId chairId, @RequestParam(name = "memberId", required = false) List<UserId> memberIds,
			RedirectAttributes redirect) {
		return act(id, redirect, "/triage", () -> caseTriage.assignPanel(Actor.current(), new CaseId(id), panelSpecialty, panelUrgency, chairId, memberIds), "Triage is complete and the case is sent to the panel; the review clock runs.");
	}

	@GetMapping("/reports/turnaround")
	String turnaround(Model model) {
		model.addAttribute("report", triage.turnaround(Actor.current()));
		return "triage/turnaround";
	}

	private String act(UUID id, RedirectAttributes redirect, String page, Runnable action, String success) {
		return act(id, redirect, page, action, success, "message");
	}

	/** {@code successAttribute}: the flash name the target page shows ({@code message} on triage, {@code done} in review). */
	private String act(UUID id, RedirectAttributes redirect, String page, Runnable action, String success, String successAttribute) {
		String back = "redirect:/cases/" + id + page;
		return PageProblems.attempt(() -> {
			action.run();
			redirect.addFlashAttribute(successAttribute, success);
			return back;
		}, PageProblems.flashError(redirect, back));
	}
}
