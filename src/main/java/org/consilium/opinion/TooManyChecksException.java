package org.consilium.opinion;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code too-many-checks}, HTTP 429: too many checks of documents without signing in, from one origin or
 * with wrong codes against one case, within the last hour ({@link DocumentChecks}).
 */
public class TooManyChecksException extends ConsiliumProblem {

	public TooManyChecksException() {
		super("too-many-checks", HttpStatus.TOO_MANY_REQUESTS,
				"Too many checks in the last hour. Please try again later, or sign in to check the document.");
	}
}
