package org.consilium.phenotype.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.ddx.HpoTerms.Branch;
import org.consilium.ddx.TermSuggestion;
import org.consilium.identity.Actor;
import org.consilium.phenotype.AddPhenotypicFeature;
import org.consilium.phenotype.PhenotypeManagement;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * The phenotype section of a case: loaded into the case page by htmx ({@code GET /cases/{id}/phenotype} with
 * {@code HX-Request}), or as a page of its own. Term suggestions fill a {@code datalist} as the user types
 * ({@code GET /cases/{id}/phenotype/terms}); adding, removing and importing post and redirect back to the page, with
 * the outcome as a flash message.
 */
@Controller
class PhenotypeController {

	private static final Pattern HPO_ID = Pattern.compile("HP:\\d{7}", Pattern.CASE_INSENSITIVE);

	private final PhenotypeManagement phenotype;

	PhenotypeController(PhenotypeManagement phenotype) {
		this.phenotype = phenotype;
	}

	@GetMapping("/cases/{id}/phenotype")
	String page(@PathVariable UUID id, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
		model.addAttribute("p", phenotype.phenotype(Actor.current(), id));
		return htmx != null ? "phenotype/phenotype :: section" : "phenotype/phenotype";
	}

	/** Options for the term field's datalist: {@code term} (phenotypic abnormality) or {@code onsetTerm} (onset). */
	@GetMapping("/cases/{id}/phenotype/terms")
	String terms(@PathVariable UUID id, @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "") String onsetTerm,
			@RequestParam(defaultValue = "PHENOTYPIC_ABNORMALITY") Branch branch, Model model) {
		String query = branch == Branch.ONSET ? onsetTerm : term;
		model.addAttribute("suggestions", phenotype.suggest(Actor.current(), id, query, branch));
		return "phenotype/phenotype :: suggestions";
	}

	@PostMapping("/cases/{id}/phenotype/features")
	String add(@PathVariable UUID id, @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "observed") String status,
			@RequestParam(defaultValue = "") String onsetTerm, @RequestParam(defaultValue = "") String onsetAge, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		try {
			String hpoId = idOf(actor, id, term, Branch.PHENOTYPIC_ABNORMALITY, "Choose a term from the suggestions, or type its HPO id (HP:0001250).");
			String onsetId = onsetTerm.isBlank() ? null : idOf(actor, id, onsetTerm, Branch.ONSET, "Choose an onset from the suggestions, or leave it empty.");
			var added = phenotype.addFeature(actor, id, new AddPhenotypicFeature(hpoId, "excluded".equals(status), onsetId, onsetAge));
			redirect.addFlashAttribute("message", "Added " + added.label() + " (" + added.hpoId() + ") as " + (added.excluded() ? "excluded." : "observed."));
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (ConsiliumProblem e) {
			redirect.addFlashAttribute("error", e.getMessage());
			redirect.addFlashAttribute("term", term);
		}
		return "redirect:/cases/" + id + "/phenotype";
	}

	@PostMapping("/cases/{id}/phenotype/features/{featureId}/remove")
	String remove(@PathVariable UUID id, @PathVariable UUID featureId, RedirectAttributes redirect) {
		try {
			phenotype.removeFeature(Actor.current(), id, featureId, "removed on the phenotype page");
			redirect.addFlashAttribute("message", "Removed the term.");
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (ConsiliumProblem e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/cases/" + id + "/phenotype";
	}

	@PostMapping("/cases/{id}/phenotype/phenopackets")
	String importPhenopacket(@PathVariable UUID id, @RequestParam("phenopacket") MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			var imported = phenotype.importPhenopacket(Actor.current(), id, file.getBytes());
			redirect.addFlashAttribute("message", "Imported " + imported.observed() + " observed and " + imported.excluded() + " excluded terms of phenopacket "
					+ imported.phenopacketId() + (imported.diagnosisId() == null ? "." : ", with the diagnosis " + imported.diagnosisLabel() + " (" + imported.diagnosisId() + ")."));
		}
		catch (NotFoundException e) {
			throw e;
		}
		catch (ConsiliumProblem e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/cases/" + id + "/phenotype";
	}

	/** The HPO id in the text ("Seizure (HP:0001250)", "HP:0001250"), else the term whose name is exactly the text. */
	private String idOf(Actor actor, UUID caseId, String text, Branch branch, String otherwise) {
		Matcher m = HPO_ID.matcher(text);
		if (m.find()) {
			return m.group().toUpperCase(Locale.ROOT);
		}
		List<TermSuggestion> found = phenotype.suggest(actor, caseId, text, branch);
		if (!found.isEmpty() && found.get(0).matchedName().equalsIgnoreCase(text.strip())) {
			return found.get(0).term().id();
		}
		throw new InvalidInputException(text.isBlank() ? otherwise : "No HPO term is called '" + text.strip() + "'. " + otherwise);
	}
}
