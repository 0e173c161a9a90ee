package org.consilium.records;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/** Problem type {@code imports-busy}, HTTP 503: every background import slot is taken; nothing was stored. Try again shortly. */
public class ImportsBusyException extends ConsiliumProblem {

	private static final long serialVersionUID = 1L;

	ImportsBusyException(int slots) {
		super("imports-busy", HttpStatus.SERVICE_UNAVAILABLE,
				"The server is importing " + slots + " other FHIR files right now. Try again in a minute; nothing was stored.");
	}
}
