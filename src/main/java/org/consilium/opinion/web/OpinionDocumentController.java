package org.consilium.opinion.web;

import java.util.UUID;

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

import org.consilium.opinion.OpinionDocuments;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * The opinion's PDF ({@code GET /cases/{id}/opinion.pdf}: an attachment named without health data, never cached; 409
 * while unsigned) and the verification page ({@code GET} and {@code POST /opinions/verify}, a fingerprint in the form
 * body, never in the URL).
 */
@Controller
class OpinionDocumentController {

	private final OpinionDocuments documents;

	OpinionDocumentController(OpinionDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/cases/{id}/opinion.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		byte[] pdf = documents.pdf(Actor.current(), new CaseId(id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("second-opinion.pdf").build().toString())
			.body(pdf);
	}

	@GetMapping(OpinionDocuments.VERIFY_PATH)
	String verifyForm() {
		return "opinion/verify";
	}

	@PostMapping(OpinionDocuments.VERIFY_PATH)
	String verify(@RequestParam(defaultValue = "") String fingerprint, Model model) {
		model.addAttribute("fingerprint", fingerprint);
		model.addAttribute("result", documents.verify(Actor.current(), fingerprint));
		return "opinion/verify";
	}
}
