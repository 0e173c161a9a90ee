package org.consilium.review;

import org.consilium.shared.InvalidInputException;

/**
 * A clinical trial registry id that is not a ClinicalTrials.gov NCT number. Problem type {@code invalid-input}, 422;
 * pages show the message on the trial ids field.
 */
public class InvalidTrialIdException extends InvalidInputException {

	public InvalidTrialIdException(String given) {
		super("\"" + given + "\" is not a ClinicalTrials.gov id. Write NCT followed by 8 digits, for example NCT01234567.");
	}
}
