package org.consilium.ddx.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.consilium.ddx.DiagnosisSearch;

/**
 * Diagnosis search for every signed-in user: the options of the draft form's diagnosis combobox (a fragment, when the
 * page's script asks with {@code X-Requested-With: fetch}), or, without JavaScript, a page with a search field and a
 * table of the codes found. Searches code lists only, never a case: nothing to audit, and the query is not logged.
 */
@Controller
class DiagnosisSearchController {

	/** The most suggestions one answer lists. */
	static final int LIMIT = 12;

	private final DiagnosisSearch search;

	DiagnosisSearchController(DiagnosisSearch search) {
		this.search = search;
	}

	@GetMapping("/diagnoses/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestHeader(value = "X-Requested-With", required = false) String requestedWith,
			Model model) {
		String query = q.length() > 200 ? q.substring(0, 200) : q;
		model.addAttribute("q", query);
		model.addAttribute("matches", search.search(query, LIMIT));
		return "fetch".equals(requestedWith) ? "ddx/diagnosis-search :: options" : "ddx/diagnosis-search";
	}
}
