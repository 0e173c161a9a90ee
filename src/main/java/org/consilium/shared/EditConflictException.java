package org.consilium.shared;

import org.springframework.http.HttpStatus;

/**
 * Problem type {@code edit-conflict}, HTTP 409: someone else saved the same thing since it was loaded.
 * Nothing was overwritten; reload and apply the change again.
 */
public class EditConflictException extends ConsiliumProblem {

	public EditConflictException() {
		super("edit-conflict", HttpStatus.CONFLICT,
				"Someone else saved this since you opened it. Nothing was overwritten: reload the page to see their changes, then apply yours again.");
	}
}
