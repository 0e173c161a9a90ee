package org.consilium.phenotype;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code hpo-unavailable}, HTTP 503: terms cannot be checked because the HPO release is still loading or
 * not installed; the message says which and where to get it. Nothing was changed.
 */
public class HpoUnavailableException extends ConsiliumProblem {

	HpoUnavailableException(String message) {
		super("hpo-unavailable", HttpStatus.SERVICE_UNAVAILABLE, message);
	}
}
