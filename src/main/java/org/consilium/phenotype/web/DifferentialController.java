package org.consilium.phenotype.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.phenotype.CandidateGenes;
import org.consilium.phenotype.DifferentialDiagnoses;
import org.consilium.phenotype.DifferentialView;
import org.consilium.phenotype.UnexaminableTerms;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;

/**
 * The "Differential diagnosis (decision support)" panel of the review workspace: loaded into it by htmx
 * ({@code GET /cases/{id}/differential} with {@code HX-Request}), or as a page of its own; with "What to check next"
 * and the genes of the leading candidates. "Cannot be examined" ({@code POST /cases/{id}/differential/unexaminable})
 * goes back to the review workspace with its outcome as the flash attribute {@code phenotypeMessage} or
 * {@code phenotypeError}, as the phenotype's own one-click answers do.
 */
@Controller
class DifferentialController {

	private final DifferentialDiagnoses differential;

	private final CandidateGenes genes;

	private final UnexaminableTerms unexaminable;

	DifferentialController(DifferentialDiagnoses differential, CandidateGenes genes, UnexaminableTerms unexaminable) {
		this.differential = differential;
		this.genes = genes;
		this.unexaminable = unexaminable;
	}

	@GetMapping("/cases/{id}/differential")
	String panel(@PathVariable UUID id, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
		DifferentialView view = differential.differential(Actor.current(), new CaseId(id));
		model.addAttribute("d", view);
		model.addAttribute("next", differential.nextTerms(Actor.current(), new CaseId(id)));
		model.addAttribute("genes", genes.of(view));
		return htmx != null ? "phenotype/differential :: panel" : "phenotype/differential";
	}

	@PostMapping("/cases/{id}/differential/unexaminable")
	String cannotBeExamined(@PathVariable UUID id, @RequestParam(defaultValue = "") String term, RedirectAttributes redirect) {
		String back = "redirect:/cases/" + id + "/review#phenotype-outcome";
		return PageProblems.attempt(() -> {
			var noted = unexaminable.record(Actor.current(), new CaseId(id), term);
			redirect.addFlashAttribute("phenotypeMessage", "Noted that " + noted.label() + " (" + noted.id()
					+ ") cannot be examined; the phenotype and the ranking are unchanged, and it will not be suggested again for this case.");
			return back;
		}, problem -> {
			redirect.addFlashAttribute("phenotypeError", problem.getMessage());
			return back;
		});
	}
}
