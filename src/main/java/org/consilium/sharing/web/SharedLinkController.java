package org.consilium.sharing.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.io.InputStreamResource;
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

import org.consilium.records.DocumentContent;
import org.consilium.shared.DocumentId;
import org.consilium.shared.NotFoundException;
import org.consilium.sharing.LinkReading;

/**
 * The physician's pages, without an account: {@code GET /shared/{token}} sends the one-time code and asks for it;
 * {@code POST /shared/{token}} checks it and, when right, binds the reading to this browser session (a new session id)
 * and leads to {@code /shared/reading}, where the opinion's PDF and the ticked documents are read and downloaded. A
 * link that is unknown, used, expired, revoked or locked, and a reading no longer allowed, get the same page that says
 * so and shows nothing (HTTP 410, or 404 for an unknown link).
 */
@Controller
class SharedLinkController {

	/** The session attribute that holds the reading's id. */
	static final String READING = "consilium.sharing.reading";

	private final LinkReading reading;

	SharedLinkController(LinkReading reading) {
		this.reading = reading;
	}

	@GetMapping("/shared/{token}")
	String open(@PathVariable String token, Model model, HttpServletResponse response) {
		LinkReading.Opening opening = reading.open(token);
		if (opening.refusal().isPresent()) {
			return closed(opening.refusal().get(), model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("attemptsLeft", opening.attemptsLeft());
		return "sharing/code";
	}

	@PostMapping("/shared/{token}")
	String code(@PathVariable String token, @RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		LinkReading.CodeOutcome outcome = reading.enterCode(token, code);
		if (outcome.reading().isPresent()) {
			request.getSession(true);
			request.changeSessionId();
			request.getSession().setAttribute(READING, outcome.reading().get());
			return "redirect:/shared/reading";
		}
		if (outcome.refusal().isPresent()) {
			return closed(outcome.refusal().get(), model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("attemptsLeft", outcome.attemptsLeft());
		model.addAttribute("error", "This code is not right. Check the second e-mail and try again.");
		response.setStatus(422);
		return "sharing/code";
	}

	@GetMapping("/shared/reading")
	String page(HttpSession session, Model model, HttpServletResponse response) {
		UUID id = readingOf(session);
		if (id == null) {
			return closed(LinkReading.Refusal.EXPIRED, model, response);
		}
		try {
			model.addAttribute("shared", reading.read(id));
		}
		catch (NotFoundException e) {
			return closed(LinkReading.Refusal.EXPIRED, model, response);
		}
		return "sharing/shared";
	}

	@GetMapping("/shared/reading/opinion.pdf")
	Object pdf(HttpSession session, Model model, HttpServletResponse response) {
		UUID id = readingOf(session);
		try {
			if (id == null) {
				throw new NotFoundException();
			}
			byte[] pdf = reading.pdf(id);
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("second-opinion.pdf").build().toString())
				.body(pdf);
		}
		catch (NotFoundException e) {
			return closed(LinkReading.Refusal.EXPIRED, model, response);
		}
	}

	@GetMapping("/shared/reading/documents/{documentId}")
	Object document(@PathVariable UUID documentId, HttpSession session, Model model, HttpServletResponse response) throws IOException {
		UUID id = readingOf(session);
		try {
			if (id == null) {
				throw new NotFoundException();
			}
			DocumentContent content = reading.document(id, new DocumentId(documentId));
			InputStream stream = content.content();
			return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.document().mediaType()))
				.cacheControl(CacheControl.noStore()).contentLength(content.document().sizeBytes())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(content.document().fileName(),
						java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.body(new InputStreamResource(stream));
		}
		catch (NotFoundException e) {
			return closed(LinkReading.Refusal.EXPIRED, model, response);
		}
	}

	private static UUID readingOf(HttpSession session) {
		return session == null ? null : (UUID) session.getAttribute(READING);
	}

	private static String closed(LinkReading.Refusal why, Model model, HttpServletResponse response) {
		response.setStatus(why == LinkReading.Refusal.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
		model.addAttribute("why", why.name());
		return "sharing/closed";
	}
}
