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
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

	static final String TYPE_PREFIX = "urn:consilium:problem:";

	@ExceptionHandler(ConsiliumProblem.class)
	Object handle(ConsiliumProblem problem, HttpServletRequest request, HttpServletResponse response) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail detail = detail(problem.status(), problem.type(), problem.getMessage());
			if (problem instanceof InvalidInputException invalid && invalid.field() != null) {
				detail.setProperty("field", invalid.field());
			}
			problem.properties().forEach(detail::setProperty);
			return ResponseEntity.status(problem.status()).body(detail);
		}
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(problem.status());
		page.addObject("status", problem.status().value());
		page.addObject("title", problem.status().getReasonPhrase());
		page.addObject("message", problem.getMessage());
		return page;
	}

	/** An unknown path, or an identifier that is not even a UUID, is simply not found (on pages: the error page, not JSON). */
	@ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
	Object unknownPath(HttpServletRequest request, HttpServletResponse response) {
		return handle(new NotFoundException(), request, response);
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	Object badArgument(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, HttpServletRequest request,
			HttpServletResponse response) {
		if (e.getName().equals("id") || e.getName().endsWith("Id") || e.getName().equals("fid")) {
			return handle(new NotFoundException(), request, response);
		}
		return handle(new InvalidInputException("The value of '" + e.getName() + "' is not valid."), request, response);
	}

	/**
	 * A body of a type the endpoint does not take, e.g. JSON sent to a file upload that takes {@code multipart/form-data}:
	 * 415, problem type {@code unsupported-media-type}, naming the types it takes.
	 */
	@ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
	Object unsupportedType(org.springframework.web.HttpMediaTypeNotSupportedException e, HttpServletRequest request,
			HttpServletResponse response) {
		String takes = e.getSupportedMediaTypes().stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct()
			.collect(java.util.stream.Collectors.joining(" or "));
		String message = "This address does not take a body of this type" + (takes.isEmpty() ? "." : "; send " + takes
				+ (takes.contains("multipart/form-data") ? " (a form with the file in the field 'file')." : "."));
		return handle(new ConsiliumProblem("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, message) {
		}, request, response);
	}

	/**
	 * A JSON body that cannot be read: 400, problem type {@code unreadable-body}, saying what is wrong in our words
	 * ({@link JsonBodyFaults}: the field, line and column), not only "Failed to read request" and never the parser's text. A request without a body gets "The request has no body; send a JSON
	 * object."; Spring's own messages (which name the handler's Java method) are never passed on.
	 */
	@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
	Object unreadable(org.springframework.http.converter.HttpMessageNotReadableException e, HttpServletRequest request,
			HttpServletResponse response) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimits.BodyTooLargeException tooLarge) {
				return handle(tooLarge.problem(), request, response);
			}
		}
		if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.body(detail(HttpStatus.BAD_REQUEST, "unreadable-body", "The request has no body; send a JSON object."));
		}
		String faults = JsonBodyFaults.describe(e);
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(detail(HttpStatus.BAD_REQUEST, "unreadable-body", "The request body could not be read." + (faults == null ? "" : " " + faults)));
	}

	static ProblemDetail detail(HttpStatus status, String type, String message) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
		detail.setType(URI.create(TYPE_PREFIX + type));
		detail.setTitle(status.getReasonPhrase());
		detail.setProperty("code", type);
		return detail;
	}
}
