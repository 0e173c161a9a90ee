package org.consilium.review.web;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.audit.AuditAction;
import org.consilium.identity.StepUp;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CasePanel;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.review.ClarifyingQuestions;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionIncompleteException;
import org.consilium.review.PanelDissent;
import org.consilium.review.PanelOpinion;
import org.consilium.review.PanelReview;
import org.consilium.review.InvalidTrialIdException;
import org.consilium.review.ReportAssistance;
import org.consilium.review.ReportSections;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentReview;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.PageProblems;

/**
 * The specialist's pages: the list of assigned cases ({@code GET /review}) and the workspace of one case
 * ({@code GET /cases/{id}/review}) with accept/decline, the blinded-first impression, clarifying questions and the
 * opinion form (save draft, sign). Also the patient's answer to a clarifying question
 * ({@code POST /cases/{id}/clarifications/{clarificationId}/answer}), which returns to the case page
 * {@code /cases/{id}} with flash attribute {@code clarificationError} on failure, {@code clarificationAnswered} on
 * success. Post/redirect/get; a failure re-renders the workspace with the message and keeps what was typed.
 */
@Controller
class ReviewController {

	private static final EnumSet<OpinionRequestStatus> REVIEWING = EnumSet.of(OpinionRequestStatus.IN_REVIEW,
			OpinionRequestStatus.AWAITING_PATIENT);

	private final ReviewManagement review;

	private final ClarifyingQuestions clarifying;

	private final PanelReview panels;

	private final CaseAccess access;

	private final CaseQueries queries;

	private final ReportAssistance assistance;

	private final StepUp stepUp;

	ReviewController(ReviewManagement review, ClarifyingQuestions clarifying, PanelReview panels, CaseAccess access, CaseQueries queries,
			ReportAssistance assistance, StepUp stepUp) {
		this.assistance = assistance;
		this.stepUp = stepUp;
		this.review = review;
		this.clarifying = clarifying;
		this.panels = panels;
		this.access = access;
		this.queries = queries;
	}

	@GetMapping("/review")
	String cases(Model model) {
		model.addAttribute("cases", review.assignedCases(Actor.current()));
		return "review/cases";
	}

	@GetMapping("/cases/{id}/review")
	String workspace(@PathVariable UUID id, Model model) {
		return render(id, model, null, null);
	}

	@PostMapping("/cases/{id}/review/accept")
	String accept(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			review.acceptAssignment(Actor.current(), new CaseId(id));
			redirect.addFlashAttribute("done", "You accepted the case. Write your impression before you see the first opinion.");
			return "redirect:/cases/" + id + "/review";
		}, problem -> render(id, model, null, problem.getMessage()));
	}

	@PostMapping("/cases/{id}/review/decline")
	String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			review.declineAssignment(Actor.current(), new CaseId(id), reason);
			redirect.addFlashAttribute("done", "You declined the case; it went back to the coordinators.");
			return "redirect:/review";
		}, problem -> {
			model.addAttribute("declineReason", reason);
			return render(id, model, null, problem.getMessage());
		});
	}

	@PostMapping("/cases/{id}/review/impression")
	String impression(@PathVariable UUID id, @RequestParam(defaultValue = "") String impression,
			@RequestParam(defaultValue = "") String diagnosisText, @RequestParam(required = false) CodeSystem diagnosisSystem,
			@RequestParam(defaultValue = "") String diagnosisCode, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			Diagnosis working = diagnosisText.isBlank() && diagnosisCode.isBlank() ? null
					: new Diagnosis(diagnosisText, diagnosisSystem, diagnosisCode);
			review.recordImpression(Actor.current(), new CaseId(id), impression, working);
			redirect.addFlashAttribute("done", "Your impression is recorded. The first opinion is now shown below.");
			return "redirect:/cases/" + id + "/review#first-opinion";
		}, problem -> {
			model.addAttribute("impressionText", impression);
			model.addAttribute("diagnosisText", diagnosisText);
			model.addAttribute("diagnosisSystem", diagnosisSystem);
			model.addAttribute("diagnosisCode", diagnosisCode);
			return render(id, model, null, problem.getMessage());
		});
	}

	@PostMapping("/cases/{id}/review/clarifications")
	String ask(@PathVariable UUID id, @RequestParam(defaultValue = "") String question, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			clarifying.ask(Actor.current(), new CaseId(id), question);
			redirect.addFlashAttribute("done", "Your question was sent to the patient. The review clock pauses until it is answered.");
			return "redirect:/cases/" + id + "/review#clarifications";
		}, problem -> {
			model.addAttribute("question", question);
			return render(id, model, null, problem.getMessage());
		});
	}

	/** Saves the draft; from htmx (autosave) it answers a small status fragment, otherwise it redirects back. */
	@PostMapping("/cases/{id}/review/opinion")
	String save(@PathVariable UUID id, @ModelAttribute("form") OpinionForm form, Model model, RedirectAttributes redirect,
			@org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx) {
		Actor actor = Actor.current();
		return PageProblems.attempt(() -> {
			int questions = access.requireAccess(actor, new CaseId(id), AuditAction.REVIEW_OPINION_SAVE).questions().size();
			var saved = review.saveDraft(actor, new CaseId(id), form.getVersion(), form.getEditSession(), form.content(questions));
			if (htmx != null) {
				model.addAttribute("saved", saved);
				return "review/opinion-status :: saved";
			}
			redirect.addFlashAttribute("done", "Draft saved.");
			return "redirect:/cases/" + id + "/review#opinion";
		}, problem -> {
			if (htmx != null) {
				model.addAttribute("error", problem.getMessage());
				return "review/opinion-status :: error";
			}
			trialIdsError(problem, model);
			return render(id, model, form, problem.getMessage());
		});
	}

	/**
	 * Saves what is on the form, then signs; an incomplete opinion stays saved as a draft and the gaps are listed. When the
	 * sign-in is older than the step-up window ({@link StepUp}), only the draft is saved and the specialist confirms who
	 * they are first, then signs again.
	 */
	@PostMapping("/cases/{id}/review/opinion/sign")
	String sign(@PathVariable UUID id, @ModelAttribute("form") OpinionForm form, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		return PageProblems.attempt(() -> {
			int questions = access.requireAccess(actor, new CaseId(id), AuditAction.REVIEW_OPINION_SIGN).questions().size();
			if (stepUp.isRequired()) {
				review.saveDraft(actor, new CaseId(id), form.getVersion(), form.getEditSession(), form.content(questions));
				redirect.addFlashAttribute("message", "Your draft is saved. Confirm it is you, then sign it.");
				return "redirect:/account/confirm?continue=/cases/" + id + "/review";
			}
			review.saveAndSign(actor, new CaseId(id), form.getVersion(), form.getEditSession(), form.content(questions));
			redirect.addFlashAttribute("done", "The opinion is signed.");
			return "redirect:/cases/" + id + "/review";
		}, problem -> {
			if (problem instanceof OpinionIncompleteException incomplete) {
				review.draft(actor, new CaseId(id)).ifPresent(saved -> form.setVersion(saved.version()));
				model.addAttribute("missing", incomplete.missing());
				return render(id, model, form, "Your draft is saved, but it cannot be signed yet.");
			}
			trialIdsError(problem, model);
			return render(id, model, form, problem.getMessage());
		});
	}

	/** The plain-language summary's reading level, as the specialist types (htmx fragment beside the summary). */
	@PostMapping("/cases/{id}/review/reading-level")
	String readingLevel(@PathVariable UUID id, @RequestParam(defaultValue = "") String plainSummary, Model model) {
		model.addAttribute("level", assistance.readingLevel(Actor.current(), new CaseId(id), plainSummary));
		return "review/opinion-status :: reading-level";
	}

	/** A panel member's independent opinion (saved once, after their impression). */
	@PostMapping("/cases/{id}/review/panel-opinion")
	String panelOpinion(@PathVariable UUID id, @RequestParam(required = false) Concordance concordance,
			@RequestParam(defaultValue = "") String panelOpinion, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			panels.savePanelOpinion(Actor.current(), new CaseId(id), concordance, panelOpinion);
			redirect.addFlashAttribute("done", "Your panel opinion is saved. The other members' opinions are shown below.");
			return "redirect:/cases/" + id + "/review#panel";
		}, problem -> {
			model.addAttribute("panelOpinionText", panelOpinion);
			return render(id, model, null, problem.getMessage());
		});
	}

	/** A panel member's dissent from the consensus; the patient reads it with the delivered opinion. */
	@PostMapping("/cases/{id}/review/dissent")
	String dissent(@PathVariable UUID id, @RequestParam(defaultValue = "") String dissent, Model model, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			panels.recordDissent(Actor.current(), new CaseId(id), dissent);
			redirect.addFlashAttribute("done", "Your dissent is recorded; it will be shown with the delivered opinion.");
			return "redirect:/cases/" + id + "/review#panel";
		}, problem -> {
			model.addAttribute("dissentText", dissent);
			return render(id, model, null, problem.getMessage());
		});
	}

	/** The patient's (or referrer's) answer to a clarifying question, from the case page's clarifications fragment. */
	@PostMapping("/cases/{id}/clarifications/{clarificationId}/answer")
	String answer(@PathVariable UUID id, @PathVariable UUID clarificationId, @RequestParam(defaultValue = "") String answer,
			RedirectAttributes redirect) {
		String casePage = "redirect:/cases/" + id + "#clarifications";
		return PageProblems.attempt(() -> {
			clarifying.answer(Actor.current(), new CaseId(id), clarificationId, answer);
			redirect.addFlashAttribute("clarificationAnswered", true);
			return casePage;
		}, problem -> {
			redirect.addFlashAttribute("clarificationError", problem.getMessage());
			redirect.addFlashAttribute("clarificationDraft", answer);
			redirect.addFlashAttribute("clarificationDraftId", clarificationId);
			return casePage;
		});
	}

	private String render(UUID id, Model model, OpinionForm form, String error) {
		Actor actor = Actor.current();
		OpinionRequestView c = queries.read(actor, new CaseId(id), AuditAction.REVIEW_WORKSPACE);
		WrittenOpinionView draft = review.draft(actor, new CaseId(id)).orElse(null);
		int questions = c.questions() == null ? 0 : c.questions().size();
		model.addAttribute("c", c);
		model.addAttribute("impression", review.impression(actor, new CaseId(id)).orElse(null));
		model.addAttribute("clarifications", clarifying.list(actor, new CaseId(id)));
		model.addAttribute("opinion", draft);
		boolean writing = REVIEWING.contains(c.status()) && (draft == null || !draft.signed());
		List<ReportSections.MaterialReviewed> suggested = form == null && writing && (draft == null || draft.report().materials().isEmpty())
				&& actor.id().equals(c.specialistId()) ? assistance.openedMaterials(actor, new CaseId(id)) : List.of();
		model.addAttribute("form", form != null ? form.padded(questions) : OpinionForm.of(draft, questions, suggested));
		model.addAttribute("rereadKinds", ReportSections.RereadKind.values());
		if (writing) {
			String summary = form != null ? form.getPlainSummary() : draft == null ? "" : draft.plainSummary();
			model.addAttribute("level", assistance.readingLevel(actor, new CaseId(id), summary));
		}
		model.addAttribute("reviewing", REVIEWING.contains(c.status()));
		model.addAttribute("concordances", Concordance.values());
		model.addAttribute("treatmentReviews", TreatmentReview.values());
		model.addAttribute("invasiveness", Invasiveness.values());
		model.addAttribute("codeSystems", CodeSystem.values());
		CasePanel panel = queries.panel(actor, new CaseId(id));
		boolean chair = panel.isChair(actor.id());
		model.addAttribute("panel", panel);
		model.addAttribute("chair", chair);
		if (panel.isPanel()) {
			boolean member = panel.isMember(actor.id());
			List<PanelOpinion> opinions = panelOpinionsIfVisible(actor, id);
			model.addAttribute("panelOpinions", opinions);
			model.addAttribute("myPanelOpinion", opinions == null ? null
					: opinions.stream().filter(o -> o.memberId().equals(actor.id())).findFirst().orElse(null));
			List<PanelDissent> dissents = panels.dissents(actor, new CaseId(id));
			model.addAttribute("dissents", dissents);
			model.addAttribute("member", member);
			model.addAttribute("myDissent", dissents.stream().anyMatch(d -> d.memberId().equals(actor.id())));
		}
		if (error != null) {
			model.addAttribute("error", error);
		}
		return "review/workspace";
	}

	/** A registry id that is not an NCT number is shown on the trial ids field too. */
	private static void trialIdsError(org.consilium.shared.ConsiliumProblem problem, Model model) {
		if (problem instanceof InvalidTrialIdException) {
			model.addAttribute("trialIdsError", problem.getMessage());
		}
	}

	/** The members' opinions, or null while the blinded-panel rule still hides them from this reader. */
	private List<PanelOpinion> panelOpinionsIfVisible(Actor actor, UUID id) {
		try {
			return panels.panelOpinions(actor, new CaseId(id));
		}
		catch (ForbiddenActionException e) {
			return null;
		}
	}
}
