package org.consilium.shared;

import org.springframework.http.HttpStatus;

/**
 * Problem type {@code not-found}, HTTP 404. Also the answer for anything the user has no relation to: it is
 * deliberately indistinguishable from a missing resource.
 */
public class NotFoundException extends ConsiliumProblem {

	public static final String MESSAGE = "Not found.";

	public NotFoundException() {
		super("not-found", HttpStatus.NOT_FOUND, MESSAGE);
	}
}
