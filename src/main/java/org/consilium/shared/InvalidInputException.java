package org.consilium.shared;

import org.springframework.http.HttpStatus;

/** Problem type {@code invalid-input}, HTTP 422: the input breaks a rule; the message says which. Nothing was changed. */
public class InvalidInputException extends ConsiliumProblem {

	public InvalidInputException(String message) {
		super("invalid-input", HttpStatus.UNPROCESSABLE_CONTENT, message);
	}
}
