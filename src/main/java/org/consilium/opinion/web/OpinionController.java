package org.consilium.opinion.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.opinion.IntendsToFollow;
import org.consilium.opinion.OpinionManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;

/**
 * The delivered opinion page ({@code GET /cases/{id}/opinion}) with follow-up questions
 * ({@code POST /cases/{id}/opinion/follow-ups}), the specialist's addenda
 * ({@code POST /cases/{id}/opinion/follow-ups/{fid}/answer}) and closing with feedback
 * ({@code POST /cases/{id}/opinion/feedback}). Post/redirect/get; a failure re-renders the page with the message and
 * what was typed. An opinion not visible to the reader is a 404.
 */
@Controller
class OpinionController {

	private final OpinionManagement opinions;

	OpinionController(OpinionManagement opinions) {
		this.opinions = opinions;
	}

	@GetMapping("/cases/{id}/opinion")
	String opinion(@PathVariable UUID id, Model model) {
		return render(id, model, null);
	}

	@PostMapping("/cases/{id}/opinion/follow-ups")
	String ask(@PathVariable UUID id, @RequestParam(defaultValue = "") String question, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			opinions.askFollowUp(Actor.current(), new CaseId(id), question);
			redirect.addFlashAttribute("done", "Your question was sent to the specialist.");
			return "redirect:/cases/" + id + "/opinion#follow-ups";
		}, problem -> {
			model.addAttribute("question", question);
			return render(id, model, problem.getMessage());
		});
	}

	@PostMapping("/cases/{id}/opinion/follow-ups/{fid}/answer")
	String answer(@PathVariable UUID id, @PathVariable UUID fid, @RequestParam(defaultValue = "") String answer, Model model,
			RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			opinions.answerFollowUp(Actor.current(), new CaseId(id), fid, answer);
			redirect.addFlashAttribute("done", "Your answer is added to the opinion.");
			return "redirect:/cases/" + id + "/opinion#follow-ups";
		}, problem -> {
			model.addAttribute("answer", answer);
			model.addAttribute("answerFor", fid);
			return render(id, model, problem.getMessage());
		});
	}

	@PostMapping("/cases/{id}/opinion/feedback")
	String feedback(@PathVariable UUID id, @RequestParam(required = false) Integer satisfaction,
			@RequestParam(required = false) IntendsToFollow intendsToFollow, @RequestParam(defaultValue = "") String comment, Model model,
			RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			opinions.giveFeedback(Actor.current(), new CaseId(id), satisfaction, intendsToFollow, comment);
			redirect.addFlashAttribute("done", "Thank you for your feedback. The case is closed.");
			return "redirect:/cases/" + id + "/opinion";
		}, problem -> {
			model.addAttribute("satisfaction", satisfaction);
			model.addAttribute("intendsToFollow", intendsToFollow);
			model.addAttribute("comment", comment);
			return render(id, model, problem.getMessage());
		});
	}

	private String render(UUID id, Model model, String error) {
		model.addAttribute("v", opinions.read(Actor.current(), new CaseId(id)));
		model.addAttribute("dissents", opinions.dissents(Actor.current(), new CaseId(id)));
		model.addAttribute("intentions", IntendsToFollow.values());
		if (error != null) {
			model.addAttribute("error", error);
		}
		return "opinion/opinion";
	}
}
