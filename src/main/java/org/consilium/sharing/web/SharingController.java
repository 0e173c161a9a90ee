package org.consilium.sharing.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.records.DocumentView;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.InvalidInputException;
import org.consilium.sharing.ConsentChoice;
import org.consilium.sharing.Consents;
import org.consilium.sharing.PhysicianLinks;
import org.consilium.sharing.SendToPhysician;

/**
 * The patient's sharing page ({@code /cases/{id}/sharing}): the current consents with their history, revoking one
 * (the reviewers' during review only after a confirmation that this withdraws the case), agreeing to research, and
 * sending the delivered opinion with ticked documents to the treating physician (name, institution and e-mail, the
 * e-mail checked with a message on the field) or to the case's referring physician.
 */
@Controller
class SharingController {

	private final Consents consents;

	private final PhysicianLinks links;

	private final RecordsManagement records;

	SharingController(Consents consents, PhysicianLinks links, RecordsManagement records) {
		this.consents = consents;
		this.links = links;
		this.records = records;
	}

	@GetMapping("/cases/{id}/sharing")
	String page(@PathVariable UUID id, Model model) {
		if (!model.containsAttribute("physician")) {
			model.addAttribute("physician", new PhysicianForm());
		}
		return render(id, model);
	}

	@PostMapping("/cases/{id}/sharing/treating-physician")
	String sendToTreating(@PathVariable UUID id, @ModelAttribute("physician") PhysicianForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.getName() == null || form.getName().isBlank()) {
			errors.rejectValue("name", "required", "Enter your physician's name.");
		}
		try {
			PhysicianLinks.checkedAddress(form.getEmail());
		}
		catch (InvalidInputException e) {
			errors.rejectValue("email", "invalid", e.getMessage());
		}
		if (errors.hasErrors()) {
			return render(id, model);
		}
		return send(id, new SendToPhysician(ConsentChoice.TREATING_PHYSICIAN, form.getName(), form.getInstitution(), form.getEmail(),
				documents(form.getDocuments())), model, redirect);
	}

	@PostMapping("/cases/{id}/sharing/referring-physician")
	String sendToReferrer(@PathVariable UUID id, @RequestParam(required = false) List<UUID> documents, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("physician", new PhysicianForm());
		return send(id, new SendToPhysician(ConsentChoice.REFERRING_PHYSICIAN, null, null, null, documents(documents)), model, redirect);
	}

	@PostMapping("/cases/{id}/sharing/research")
	String research(@PathVariable UUID id, RedirectAttributes redirect) {
		consents.agreeToResearch(Actor.current(), new CaseId(id));
		redirect.addFlashAttribute("message", "Thank you: your data may be used for research without your name.");
		return "redirect:/cases/{id}/sharing";
	}

	@PostMapping("/cases/{id}/sharing/consents/{consentId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID consentId, @RequestParam(defaultValue = "false") boolean confirm, Model model,
			RedirectAttributes redirect) {
		Consents.Revocation result = consents.revoke(Actor.current(), new CaseId(id), consentId, confirm);
		if (result == Consents.Revocation.NEEDS_CONFIRMATION) {
			model.addAttribute("caseId", id);
			model.addAttribute("consentId", consentId);
			return "sharing/confirm-withdrawal";
		}
		redirect.addFlashAttribute("message", result == Consents.Revocation.REVOKED_AND_CASE_WITHDRAWN
				? "Your consent is withdrawn, and so is your request: the specialists can no longer see your records."
				: "Your consent is withdrawn. It takes effect at once.");
		return "redirect:/cases/{id}/sharing";
	}

	private String send(UUID id, SendToPhysician command, Model model, RedirectAttributes redirect) {
		try {
			links.send(Actor.current(), new CaseId(id), command);
		}
		catch (InvalidInputException e) {
			model.addAttribute("error", e.getMessage());
			return render(id, model);
		}
		redirect.addFlashAttribute("message", "Sent. Your physician gets an e-mail with a link, and a code when they open it.");
		return "redirect:/cases/{id}/sharing";
	}

	private String render(UUID id, Model model) {
		Actor actor = Actor.current();
		CaseId caseId = new CaseId(id);
		Consents.SharingChoices choices = consents.choices(actor, caseId);
		model.addAttribute("caseId", id);
		model.addAttribute("choices", choices);
		model.addAttribute("researchActive", choices.current().stream().anyMatch(c -> c.choice() == ConsentChoice.RESEARCH && c.active()));
		model.addAttribute("links", links.links(actor, caseId));
		model.addAttribute("hasReferrer", links.hasReferrer(actor, caseId));
		List<DocumentView> documents = records.records(actor, caseId).documents().stream().filter(d -> !d.quarantined()).toList();
		model.addAttribute("documents", documents);
		return "sharing/sharing";
	}

	private static Set<DocumentId> documents(List<UUID> ids) {
		return ids == null ? Set.of() : ids.stream().map(DocumentId::new).collect(Collectors.toSet());
	}
}
