package org.consilium.phenotype.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
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
import org.consilium.phenotype.AddPhenotypicFeature;
import org.consilium.phenotype.ObsoleteTermException;
import org.consilium.phenotype.PhenotypeManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.PageProblems;

/**
 * The phenotype section of a case: loaded into the case page by htmx ({@code GET /cases/{id}/phenotype} with
 * {@code HX-Request}), or as a page of its own. Term suggestions fill a {@code datalist} as the user types
 * ({@code GET /cases/{id}/phenotype/terms}); adding, removing and importing post and redirect back to the page, with
 * the outcome as a flash message.
 * <p>
 * Loaded into the specialist's review workspace ({@code HX-Current-URL} is {@code /cases/{id}/review}), the section's
 * forms carry {@code returnTo=review}, and the posts then redirect back to the workspace
 * ({@code /cases/{id}/review#phenotype-outcome}) with the outcome as the flash attributes {@code phenotypeMessage} or
 * {@code phenotypeError}, which the workspace shows right above the section (the section itself is fetched by a second
 * request, which would not see a flash attribute). Any other {@code returnTo} is ignored.
 * <p>
 * An obsolete HPO id is not recorded: the page (or the workspace, as {@code phenotypeReplacement}) shows its
 * replacement with a button that records the replacement instead ({@link ReplacementOffer}).
 */
@Controller
class PhenotypeController {

	private static final Pattern HPO_ID = Pattern.compile("HP:\\d{7}", Pattern.CASE_INSENSITIVE);

	/** The only {@code returnTo} value honoured: back to the case's review workspace. */
	static final String REVIEW = "review";

	private final PhenotypeManagement phenotype;

	PhenotypeController(PhenotypeManagement phenotype) {
		this.phenotype = phenotype;
	}

	@GetMapping("/cases/{id}/phenotype")
	String page(@PathVariable UUID id, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-Current-URL", required = false) String currentUrl, HttpServletRequest request) {
		model.addAttribute("p", phenotype.phenotype(Actor.current(), new CaseId(id)));
		model.addAttribute("plain", plainWords(Actor.current()));
		if (htmx != null && isReviewWorkspace(currentUrl, request.getContextPath() + "/cases/" + id + "/review")) {
			model.addAttribute("returnTo", REVIEW);
		}
		return htmx != null ? "phenotype/phenotype :: section" : "phenotype/phenotype";
	}

	/** Whether the page that loaded the section is exactly the case's review workspace (query and fragment aside). */
	private static boolean isReviewWorkspace(String currentUrl, String workspacePath) {
		if (currentUrl == null || currentUrl.isBlank()) {
			return false;
		}
		try {
			return workspacePath.equals(URI.create(currentUrl.strip()).getPath());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * Where a post goes back to, with its outcome: the review workspace for {@code returnTo=review}, else the phenotype
	 * page.
	 */
	private static String back(UUID caseId, String returnTo, RedirectAttributes redirect, String message, String error) {
		boolean review = REVIEW.equals(returnTo);
		if (message != null) {
			redirect.addFlashAttribute(review ? "phenotypeMessage" : "message", message);
		}
		if (error != null) {
			redirect.addFlashAttribute(review ? "phenotypeError" : "error", error);
		}
		return review ? "redirect:/cases/" + caseId + "/review#phenotype-outcome" : "redirect:/cases/" + caseId + "/phenotype";
	}

	/** Options for the term field's datalist: {@code term} (phenotypic abnormality) or {@code onsetTerm} (onset). */
	@GetMapping("/cases/{id}/phenotype/terms")
	String terms(@PathVariable UUID id, @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "") String onsetTerm,
			@RequestParam(defaultValue = "PHENOTYPIC_ABNORMALITY") Branch branch, Model model) {
		String query = branch == Branch.ONSET ? onsetTerm : term;
		model.addAttribute("suggestions", phenotype.suggest(Actor.current(), new CaseId(id), query, branch));
		model.addAttribute("plain", plainWords(Actor.current()));
		return "phenotype/phenotype :: suggestions";
	}

	@PostMapping("/cases/{id}/phenotype/features")
	String add(@PathVariable UUID id, @RequestParam(defaultValue = "") String term, @RequestParam(defaultValue = "observed") String status,
			@RequestParam(defaultValue = "") String onsetTerm, @RequestParam(defaultValue = "") String onsetAge,
			@RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		return PageProblems.attempt(() -> {
			String hpoId = idOf(actor, id, term, Branch.PHENOTYPIC_ABNORMALITY, "Choose a term from the suggestions, or type its HPO id (HP:0001250).");
			String onsetId = onsetTerm.isBlank() ? null : idOf(actor, id, onsetTerm, Branch.ONSET, "Choose an onset from the suggestions, or leave it empty.");
			var added = phenotype.addFeature(actor, new CaseId(id), new AddPhenotypicFeature(hpoId, "excluded".equals(status), onsetId, onsetAge));
			String message = plainWords(actor) ? "Added " + added.label() + (added.excluded() ? ", as something you do not have." : ".")
					: "Added " + added.label() + " (" + added.hpoId() + ") as " + (added.excluded() ? "excluded." : "observed.");
			return back(id, returnTo, redirect, message, null);
		}, problem -> {
			redirect.addFlashAttribute("term", term);
			if (problem instanceof ObsoleteTermException obsolete) {
				// nothing recorded: the page asks to confirm the replacement, which posts it with the same status and onset
				redirect.addFlashAttribute(REVIEW.equals(returnTo) ? "phenotypeReplacement" : "replacement", new ReplacementOffer(obsolete.obsoleteId(),
						obsolete.replacement().id(), obsolete.replacement().label(), "excluded".equals(status) ? "excluded" : "observed", onsetTerm, onsetAge));
				return back(id, returnTo, redirect, null, null);
			}
			return back(id, returnTo, redirect, null, problem.getMessage());
		});
	}

	@PostMapping("/cases/{id}/phenotype/features/{featureId}/remove")
	String remove(@PathVariable UUID id, @PathVariable UUID featureId, @RequestParam(defaultValue = "") String returnTo,
			RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			phenotype.removeFeature(Actor.current(), new CaseId(id), featureId,
					REVIEW.equals(returnTo) ? "removed in the review workspace" : "removed on the phenotype page");
			return back(id, returnTo, redirect, "Removed the term.", null);
		}, problem -> back(id, returnTo, redirect, null, problem.getMessage()));
	}

	@PostMapping("/cases/{id}/phenotype/phenopackets")
	String importPhenopacket(@PathVariable UUID id, @RequestParam("phenopacket") MultipartFile file, @RequestParam(defaultValue = "") String returnTo,
			RedirectAttributes redirect) throws IOException {
		byte[] phenopacket = file.getBytes();
		return PageProblems.attempt(() -> {
			var imported = phenotype.importPhenopacket(Actor.current(), new CaseId(id), phenopacket);
			return back(id, returnTo, redirect, "Imported " + imported.observed() + " observed and " + imported.excluded() + " excluded terms of phenopacket "
					+ imported.phenopacketId() + (imported.diagnosisId() == null ? "." : ", with the diagnosis " + imported.diagnosisLabel() + " (" + imported.diagnosisId() + ").")
					+ (imported.replaced().isEmpty() ? "" : " " + String.join(" ", imported.replaced())), null);
		}, problem -> back(id, returnTo, redirect, null, problem.getMessage()));
	}

	/**
	 * Whether the page speaks plain words: to patients, who describe signs and symptoms in everyday words (HPO's
	 * labels and layperson synonyms, no ids, onset terms, ISO 8601 ages or phenopacket import); clinicians get the
	 * formal editor.
	 */
	static boolean plainWords(Actor actor) {
		return actor.is(org.consilium.shared.Role.PATIENT);
	}

	/** The HPO id in the text ("Seizure (HP:0001250)", "HP:0001250"), else the term whose name is exactly the text. */
	private String idOf(Actor actor, UUID caseId, String text, Branch branch, String otherwise) {
		Matcher m = HPO_ID.matcher(text);
		if (m.find()) {
			return m.group().toUpperCase(Locale.ROOT);
		}
		List<TermSuggestion> found = phenotype.suggest(actor, new CaseId(caseId), text, branch);
		if (!found.isEmpty() && found.get(0).matchedName().equalsIgnoreCase(text.strip())) {
			return found.get(0).term().id();
		}
		throw new InvalidInputException(text.isBlank() ? otherwise : "No HPO term is called '" + text.strip() + "'. " + otherwise);
	}
}
