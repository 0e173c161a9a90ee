package org.consilium.opinion.web;

import java.security.Principal;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.opinion.DocumentChecks;
import org.consilium.opinion.OpinionDocuments;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;

/**
 * The opinion's PDF ({@code GET /cases/{id}/opinion.pdf}, {@code ?version=n} for an earlier signed version: an
 * attachment named without health data, never cached; 409 while unsigned), the case's code for checking documents
 * ({@code POST /cases/{id}/opinion/verification-code}, shown once on the opinion page) and the verification page
 * ({@code GET} and {@code POST /opinions/verify}, open without signing in; the fingerprint and code in the form body,
 * never in the URL). Signed in without a code, the check runs with the user's access to the case; otherwise it needs
 * the case's code ({@link DocumentChecks}).
 */
@Controller
class OpinionDocumentController {

	private final OpinionDocuments documents;

	private final DocumentChecks checks;

	OpinionDocumentController(OpinionDocuments documents, DocumentChecks checks) {
		this.documents = documents;
		this.checks = checks;
	}

	@GetMapping("/cases/{id}/opinion.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
		byte[] pdf = documents.document(Actor.current(), new CaseId(id), version).pdf();
		String name = version == null ? "second-opinion.pdf" : "second-opinion-version-" + version + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(pdf);
	}

	@PostMapping("/cases/{id}/opinion/verification-code")
	String newCode(@PathVariable UUID id, RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			redirect.addFlashAttribute("verificationCode", checks.newCode(Actor.current(), new CaseId(id)));
			return "redirect:/cases/" + id + "/opinion#documents";
		}, PageProblems.flashError(redirect, "redirect:/cases/" + id + "/opinion#documents"));
	}

	@GetMapping(OpinionDocuments.VERIFY_PATH)
	String verifyForm(Principal principal, Model model) {
		model.addAttribute("signedIn", principal != null);
		return "opinion/verify";
	}

	@PostMapping(OpinionDocuments.VERIFY_PATH)
	String verify(@RequestParam(defaultValue = "") String fingerprint, @RequestParam(defaultValue = "") String code, Principal principal,
			HttpServletRequest request, Model model) {
		model.addAttribute("fingerprint", fingerprint);
		model.addAttribute("signedIn", principal != null);
		return PageProblems.attempt(() -> {
			model.addAttribute("result", principal != null && code.isBlank() ? documents.verify(Actor.current(), fingerprint)
					: checks.check(fingerprint, code, request.getRemoteAddr()));
			return "opinion/verify";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return "opinion/verify";
		});
	}
}
