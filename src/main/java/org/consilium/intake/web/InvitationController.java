package org.consilium.intake.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientInvitations;
import org.consilium.shared.Actor;
import org.consilium.shared.PageProblems;

/**
 * The patient's page for invitations from a referring physician: the open ones addressed to the patient's own address
 * and a field for the code the physician handed over. The code travels in the form body, never in the URL.
 */
@Controller
class InvitationController {

	private final PatientInvitations invitations;

	InvitationController(PatientInvitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping(PatientInvitations.ACCEPT_PATH)
	String show(Model model) {
		return page(model, null);
	}

	@PostMapping(PatientInvitations.ACCEPT_PATH)
	String accept(@RequestParam(defaultValue = "") String code, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			OpinionRequestView accepted = invitations.accept(Actor.current(), code);
			redirect.addFlashAttribute("message", "Invitation accepted: this request is now yours. Check it and send it when it is complete.");
			return "redirect:/cases/" + accepted.id() + "/edit";
		}, problem -> page(model, problem.getMessage()));
	}

	private String page(Model model, String error) {
		model.addAttribute("pending", invitations.pendingFor(Actor.current()));
		model.addAttribute("error", error);
		return "intake/invitations";
	}
}
