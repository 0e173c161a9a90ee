package org.consilium.shared;

import org.springframework.http.HttpStatus;

/** Problem type {@code illegal-transition}, HTTP 409: the case is not in a state that allows the action. */
public class IllegalTransitionException extends ConsiliumProblem {

	public IllegalTransitionException(String message) {
		super("illegal-transition", HttpStatus.CONFLICT, message);
	}
}
