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
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.DeclineReason;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.matching.SpecialistMatching;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;
import org.consilium.shared.UserId;
import org.consilium.triage.CaseTriage;

/** The coordinator's queue and the triage page of one case. */
@Controller
class TriageController {

	private final CaseQueries queries;

	private final CaseTriage caseTriage;

	private final IdentityManagement identity;

	private final SpecialistMatching matching;

	private final TriagePageAdditions completeness;

	TriageController(CaseQueries queries, CaseTriage caseTriage, IdentityManagement identity, SpecialistMatching matching, TriagePageAdditions completeness) {
		this.queries = queries;
		this.caseTriage = caseTriage;
		this.identity = identity;
		this.matching = matching;
		this.completeness = completeness;
	}

	@GetMapping("/triage")
	String queue(@RequestParam(defaultValue = "0") int page, Model model) {
		var queue = queries.triageQueue(Actor.current(), page);
		model.addAttribute("cases", queue.cases());
		model.addAttribute("pageOf", queue);
		completeness.addToQueue(Actor.current(), model);
		return "triage/queue";
	}

	@GetMapping("/cases/{id}/triage")
	String triage(@PathVariable UUID id, @RequestParam(required = false) String specialtyCode, Model model) {
		OpinionRequestView c = queries.read(Actor.current(), new CaseId(id), AuditAction.TRIAGE_READ);
		String chosen = specialtyCode != null ? specialtyCode : c.specialtyCode();
		model.addAttribute("c", c);
		model.addAttribute("specialties", identity.specialties());
		model.addAttribute("specialtyCode", chosen);
		model.addAttribute("specialists", chosen == null || chosen.isBlank() ? List.<UserView>of() : identity.specialists(chosen));
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("declineReasons", DeclineReason.values());
		model.addAttribute("codeSystems", org.consilium.shared.CodeSystem.values());
		if (c.status() == OpinionRequestStatus.SUBMITTED || c.status() == OpinionRequestStatus.IN_TRIAGE) {
			model.addAttribute("matching", matching.candidates(Actor.current(), new CaseId(id), chosen));
		}
		completeness.addToCase(Actor.current(), id, model);
		return "triage/case";
	}

	@PostMapping("/cases/{id}/triage/start")
	String start(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> caseTriage.startTriage(Actor.current(), new CaseId(id)), "You are the coordinator of this case.");
	}

	@PostMapping("/cases/{id}/triage/decline")
	String decline(@PathVariable UUID id, @RequestParam(required = false) DeclineReason reason, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> caseTriage.decline(Actor.current(), new CaseId(id), reason, note), "The case is declined; the patient sees the reason.");
	}

	@PostMapping("/cases/{id}/triage/request-records")
	String requestRecords(@PathVariable UUID id, @RequestParam(defaultValue = "") String message, RedirectAttributes redirect) {
		return act(id, redirect, () -> caseTriage.requestRecords(Actor.current(), new CaseId(id), message), "The patient is asked for the records; the triage clock is paused.");
	}

	/** Codes a first diagnosis the patient gave in words (system and code, checked; see {@link CaseTriage#codeFirstDiagnosis}). */
	@PostMapping("/cases/{id}/triage/diagnosis-code")
	String codeDiagnosis(@PathVariable UUID id, @RequestParam(required = false) org.consilium.shared.CodeSystem firstDiagnosisSystem,
			@RequestParam(defaultValue = "") String firstDiagnosisCode, RedirectAttributes redirect) {
		return act(id, redirect, () -> caseTriage.codeFirstDiagnosis(Actor.current(), new CaseId(id), firstDiagnosisSystem, firstDiagnosisCode),
				"The diagnosis is coded; matching uses the code.");
	}

	/** Assigns through matching: a specialist outside the top suggestions needs {@code overrideReason}. */
	@PostMapping("/cases/{id}/triage/assign")
	String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String specialtyCode, @RequestParam(required = false) Urgency urgency,
			@RequestParam(required = false) UUID specialistId, @RequestParam(defaultValue = "") String overrideReason, RedirectAttributes redirect) {
		return act(id, redirect, () -> caseTriage.assign(Actor.current(), new CaseId(id), specialtyCode, urgency, UserId.ofNullable(specialistId), overrideReason),
				"Triage is complete and the specialist is assigned; the review clock runs.");
	}

	/** With the program's quality check on, a coordinator releases a signed opinion to the patient. */
	@PostMapping("/cases/{id}/triage/deliver")
	String deliver(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> caseTriage.deliver(Actor.current(), new CaseId(id)), "The opinion is delivered to the patient.");
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action, String success) {
		String back = "redirect:/cases/" + id + "/triage";
		return PageProblems.attempt(() -> {
			action.run();
			redirect.addFlashAttribute("message", success);
			return back;
		}, PageProblems.flashError(redirect, back));
	}
}
