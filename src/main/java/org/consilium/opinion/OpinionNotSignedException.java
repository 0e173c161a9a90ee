package org.consilium.opinion;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code opinion-not-signed}, HTTP 409: a document of the opinion (PDF) was asked for before the opinion
 * is signed, or, for the patient's side, before it is released to them.
 */
public class OpinionNotSignedException extends ConsiliumProblem {

	public OpinionNotSignedException() {
		super("opinion-not-signed", HttpStatus.CONFLICT,
				"The opinion is not signed yet (or not yet released to you). Its PDF can be downloaded once it is.");
	}
}
