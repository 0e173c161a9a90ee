package org.consilium.intake.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.audit.AuditAction;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientInvitations;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.PageProblems;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;

/**
 * The patient's (or referring physician's) pages: the list of cases, the request form with autosave, submission,
 * withdrawal, and the case page with its timeline and deadline. Case ids appear in URLs; health data never does.
 */
@Controller
class CaseController {

	private final IntakeManagement intake;

	private final CaseAccess access;

	private final CaseQueries queries;

	private final ProgramSettings program;

	private final PatientInvitations invitations;

	CaseController(IntakeManagement intake, CaseAccess access, CaseQueries queries, ProgramSettings program, PatientInvitations invitations) {
		this.intake = intake;
		this.access = access;
		this.queries = queries;
		this.program = program;
		this.invitations = invitations;
	}

	@GetMapping("/")
	String home() {
		Actor actor = Actor.current();
		return switch (actor.role()) {
			case COORDINATOR -> "redirect:/triage";
			case SPECIALIST -> "redirect:/review";
			case ADMIN -> "redirect:/admin/users";
			default -> "redirect:/cases";
		};
	}

	@GetMapping("/cases")
	String list(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = Actor.current();
		if (actor.is(Role.COORDINATOR)) {
			var cases = queries.afterTriage(actor, page);
			model.addAttribute("cases", cases.cases());
			model.addAttribute("pageOf", cases);
		}
		else {
			model.addAttribute("cases", queries.myCases(actor));
		}
		model.addAttribute("zone", program.zone());
		return "intake/cases";
	}

	@GetMapping("/cases/new")
	String newForm(Model model) {
		DraftForm form = new DraftForm();
		form.setRequestToken(UUID.randomUUID());
		return form(model, form.padded(), null, null);
	}

	@PostMapping("/cases")
	String create(@ModelAttribute("form") DraftForm form, Model model) {
		return PageProblems.attempt(() -> {
			OpinionRequestView draft = intake.createDraft(Actor.current(), form.getPatientEmail(), form.getRequestToken(), form.content());
			return "redirect:/cases/" + draft.id() + "/edit";
		}, problem -> formWith(model, form.padded(), null, problem));
	}

	@GetMapping("/cases/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Actor actor = Actor.current();
		OpinionRequestView view = queries.read(actor, new CaseId(id), AuditAction.CASE_READ);
		boolean ownDraft = view.status() == org.consilium.intake.OpinionRequestStatus.DRAFT
				&& (actor.id().equals(view.patientId()) || actor.id().equals(view.referrerId()));
		if (!ownDraft) {
			return "redirect:/cases/" + id;
		}
		return form(model, DraftForm.of(view).padded(), view, null);
	}

	/** Saves the draft; from htmx (autosave) it answers a small status fragment, otherwise it redirects back. */
	@PostMapping("/cases/{id}/draft")
	String save(@PathVariable UUID id, @ModelAttribute("form") DraftForm form, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			OpinionRequestView saved = intake.updateDraft(Actor.current(), new CaseId(id), version(form), form.getEditSession(), form.content());
			if (htmx != null) {
				model.addAttribute("saved", saved);
				return "intake/draft-status :: saved";
			}
			redirect.addFlashAttribute("message", "Draft saved.");
			return "redirect:/cases/" + id + "/edit";
		}, problem -> {
			if (htmx != null) {
				model.addAttribute("error", problem.getMessage());
				return "intake/draft-status :: saveError";
			}
			return formWith(model, form.padded(), queries.read(Actor.current(), new CaseId(id), AuditAction.CASE_READ), problem);
		});
	}

	/** Saves the form's content and submits the case in one step. Submitting twice is harmless. */
	@PostMapping("/cases/{id}/submit")
	String submit(@PathVariable UUID id, @ModelAttribute("form") DraftForm form, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		return PageProblems.attempt(() -> {
			if (access.requireAccess(actor, new CaseId(id), AuditAction.CASE_SUBMIT).status() == org.consilium.intake.OpinionRequestStatus.DRAFT) {
				intake.saveAndSubmit(actor, new CaseId(id), version(form), form.getEditSession(), form.content());
			}
			else {
				intake.submit(actor, new CaseId(id));
			}
			redirect.addFlashAttribute("message", "Your request is submitted. A coordinator will look at it; the due date is shown below.");
			return "redirect:/cases/" + id;
		}, problem -> {
			OpinionRequestView view = queries.read(actor, new CaseId(id), AuditAction.CASE_READ);
			if (problem instanceof EditConflictException || codeField(problem) != null) {
				return formWith(model, form.padded(), view, problem);
			}
			if (view.status() != org.consilium.intake.OpinionRequestStatus.DRAFT) {
				redirect.addFlashAttribute("error", problem.getMessage());
				return "redirect:/cases/" + id;
			}
			return form(model, DraftForm.of(view).padded(), view, problem.getMessage());
		});
	}

	@PostMapping("/cases/{id}/withdraw")
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		intake.withdraw(Actor.current(), new CaseId(id));
		redirect.addFlashAttribute("message", "Your request is withdrawn.");
		return "redirect:/cases/" + id;
	}

	@PostMapping("/cases/{id}/records-received")
	String recordsReceived(@PathVariable UUID id, RedirectAttributes redirect) {
		intake.recordsReceived(Actor.current(), new CaseId(id));
		redirect.addFlashAttribute("message", "Thank you. The case is back with the coordinator.");
		return "redirect:/cases/" + id;
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable UUID id, Model model) {
		OpinionRequestView view = queries.read(Actor.current(), new CaseId(id), AuditAction.CASE_READ);
		model.addAttribute("c", view);
		model.addAttribute("zone", program.zone());
		model.addAttribute("invitation", invitations.of(Actor.current(), view.id()).orElse(null));
		return "intake/case";
	}

	private static Integer version(DraftForm form) {
		return form.getExpectedVersion();
	}

	/** The form again with the problem: its message on top, and beside the code field when the code is at fault. */
	private String formWith(Model model, DraftForm form, OpinionRequestView view, RuntimeException problem) {
		model.addAttribute("codeError", codeField(problem));
		return form(model, form, view, problem.getMessage());
	}

	/** The message of a problem with the first diagnosis code, or null. */
	private static String codeField(RuntimeException problem) {
		return problem instanceof InvalidInputException invalid && "firstDiagnosisCode".equals(invalid.field()) ? invalid.getMessage() : null;
	}

	private String form(Model model, DraftForm form, OpinionRequestView view, String error) {
		model.addAttribute("form", form);
		model.addAttribute("c", view);
		model.addAttribute("invitation", view == null ? null : invitations.of(Actor.current(), view.id()).orElse(null));
		model.addAttribute("error", error);
		model.addAttribute("codeSystems", CodeSystem.values());
		model.addAttribute("urgencies", Urgency.values());
		return "intake/draft-form";
	}
}
