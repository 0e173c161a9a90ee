package org.consilium.shared;

import org.springframework.http.HttpStatus;

/**
 * Problem type {@code invalid-input}, HTTP 422: the input breaks a rule; the message says which. Nothing was changed.
 * When one field is at fault, {@link #field()} names it (the JSON field or form field, e.g. {@code firstDiagnosisCode}),
 * and the problem detail carries it as {@code field}.
 */
public class InvalidInputException extends ConsiliumProblem {

	private final String field;

	public InvalidInputException(String message) {
		this(message, null);
	}

	/** @param field the field at fault, or null */
	public InvalidInputException(String message, String field) {
		super("invalid-input", HttpStatus.UNPROCESSABLE_CONTENT, message);
		this.field = field;
	}

	/** The field at fault, or null when the problem is not one field's. */
	public String field() {
		return field;
	}
}
