package org.consilium.opinion.web;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.identity.StepUp;
import org.consilium.opinion.IntendsToFollow;
import org.consilium.opinion.OpinionManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;

/**
 * The delivered opinion page ({@code GET /cases/{id}/opinion}) with follow-up questions
 * ({@code POST /cases/{id}/opinion/follow-ups}), the specialist's answers
 * ({@code POST /cases/{id}/opinion/follow-ups/{fid}/answer}), the specialist's addendum, which signs a new version
 * ({@code POST /cases/{id}/opinion/addenda}, after a step-up like the first signature), an earlier signed version
 * ({@code GET /cases/{id}/opinion?version=n}) and closing with feedback ({@code POST /cases/{id}/opinion/feedback}).
 * Post/redirect/get; a failure re-renders the page with the message and what was typed. An opinion not visible to the
 * reader, or a version that does not exist, is a 404.
 */
@Controller
class OpinionController {

	private static final String ADDENDUM_DRAFT = "opinion.addendum-draft:";

	private final OpinionManagement opinions;

	private final StepUp stepUp;

	OpinionController(OpinionManagement opinions, StepUp stepUp) {
		this.opinions = opinions;
		this.stepUp = stepUp;
	}

	@GetMapping("/cases/{id}/opinion")
	String opinion(@PathVariable UUID id, @RequestParam(required = false) Integer version, Model model, HttpSession session) {
		if (session.getAttribute(ADDENDUM_DRAFT + id) instanceof String[] draft) {
			session.removeAttribute(ADDENDUM_DRAFT + id);
			model.addAttribute("addendumText", draft[0]);
			model.addAttribute("addendumReason", draft[1]);
		}
		return render(id, version, model, null);
	}

	/**
	 * The specialist adds an addendum, which signs the opinion's next version. When the sign-in is older than the
	 * step-up window ({@link StepUp}), what was typed is kept in the session, the specialist confirms who they are, and
	 * comes back to the form filled in.
	 */
	@PostMapping("/cases/{id}/opinion/addenda")
	String addendum(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String reason,
			Model model, RedirectAttributes redirect, HttpSession session) {
		return PageProblems.attempt(() -> {
			if (stepUp.isRequired()) {
				session.setAttribute(ADDENDUM_DRAFT + id, new String[] { text, reason });
				redirect.addFlashAttribute("message", "Confirm it is you, then add the addendum.");
				return "redirect:/account/confirm?continue=/cases/" + id + "/opinion";
			}
			int version = opinions.addAddendum(Actor.current(), new CaseId(id), text, reason).version();
			redirect.addFlashAttribute("done", "Your addendum is signed as version " + version + " of the opinion. Everyone it was sent to is told.");
			return "redirect:/cases/" + id + "/opinion#addenda";
		}, problem -> {
			model.addAttribute("addendumText", text);
			model.addAttribute("addendumReason", reason);
			return render(id, model, problem.getMessage());
		});
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
		return render(id, null, model, error);
	}

	private String render(UUID id, Integer version, Model model, String error) {
		model.addAttribute("v", version == null ? opinions.read(Actor.current(), new CaseId(id))
				: opinions.read(Actor.current(), new CaseId(id), version));
		model.addAttribute("dissents", opinions.dissents(Actor.current(), new CaseId(id)));
		model.addAttribute("intentions", IntendsToFollow.values());
		if (error != null) {
			model.addAttribute("error", error);
		}
		return "opinion/opinion";
	}
}
