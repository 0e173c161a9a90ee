package org.consilium.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns {@link ConsiliumProblem}s into answers: RFC 9457 problem details ({@code application/problem+json}) under
 * {@code /api}, an error page elsewhere. The body names the problem type and a message meant for the user, never a
 * stack trace, SQL or another person's data; a 404 is the same whether the thing is missing or not the user's.
 */
@ControllerAdvice
class ProblemResponses {

	static final String TYPE_PREFIX = "urn:consilium:problem:";

	@ExceptionHandler(ConsiliumProblem.class)
	Object handle(ConsiliumProblem problem, HttpServletRequest request, HttpServletResponse response) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(problem.status()).body(detail(problem.status(), problem.type(), problem.getMessage()));
		}
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(problem.status());
		page.addObject("status", problem.status().value());
		page.addObject("title", problem.status().getReasonPhrase());
		page.addObject("message", problem.getMessage());
		return page;
	}

	static ProblemDetail detail(HttpStatus status, String type, String message) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
		detail.setType(URI.create(TYPE_PREFIX + type));
		detail.setTitle(status.getReasonPhrase());
		detail.setProperty("code", type);
		return detail;
	}
}
