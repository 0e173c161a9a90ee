package org.consilium.review.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.consilium.review.Clarification;

/** Stands in for the intake case page that includes the patient's clarifications fragment ({@link ReviewPagesTests}). */
@Controller
public class CasePageStandIn {

	static List<Clarification> clarifications = List.of();

	@GetMapping("/test/case-page")
	String page(Model model) {
		model.addAttribute("caseId", ReviewPagesTests.CASE);
		model.addAttribute("clarifications", clarifications);
		return "review/clarifications :: patient(caseId=${caseId}, clarifications=${clarifications})";
	}
}
