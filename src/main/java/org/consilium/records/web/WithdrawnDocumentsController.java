package org.consilium.records.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.consilium.records.DocumentWithdrawals;
import org.consilium.shared.Actor;

/** Administrators' list of the documents withdrawn as another person's (which case, file name, who, when, why; never the content). */
@Controller
class WithdrawnDocumentsController {

	private final DocumentWithdrawals withdrawals;

	WithdrawnDocumentsController(DocumentWithdrawals withdrawals) {
		this.withdrawals = withdrawals;
	}

	@GetMapping("/admin/withdrawn-documents")
	String list(Model model) {
		model.addAttribute("rows", withdrawals.withdrawnAsAnotherPersons(Actor.current()));
		return "records/withdrawn-documents";
	}
}
