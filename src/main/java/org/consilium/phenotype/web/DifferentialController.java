package org.consilium.phenotype.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import org.consilium.phenotype.DifferentialDiagnoses;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * The "Differential diagnosis (decision support)" panel of the review workspace: loaded into it by htmx
 * ({@code GET /cases/{id}/differential} with {@code HX-Request}), or as a page of its own.
 */
@Controller
class DifferentialController {

	private final DifferentialDiagnoses differential;

	DifferentialController(DifferentialDiagnoses differential) {
		this.differential = differential;
	}

	@GetMapping("/cases/{id}/differential")
	String panel(@PathVariable UUID id, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
		model.addAttribute("d", differential.differential(Actor.current(), new CaseId(id)));
		model.addAttribute("next", differential.nextTerms(Actor.current(), new CaseId(id)));
		return htmx != null ? "phenotype/differential :: panel" : "phenotype/differential";
	}
}
