package org.consilium.shared;

import org.springframework.http.HttpStatus;

/**
 * Problem type {@code forbidden-action}, HTTP 403: the user may see the case but their role cannot take this action
 * on it (for example a patient trying to sign an opinion).
 */
public class ForbiddenActionException extends ConsiliumProblem {

	public ForbiddenActionException(String message) {
		super("forbidden-action", HttpStatus.FORBIDDEN, message);
	}
}
