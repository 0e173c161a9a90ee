package org.consilium.records;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code document-quarantined}, HTTP 409: the virus scanner found malware in this document, so it is kept
 * in quarantine and never served. The message names no signature and no content.
 */
class DocumentQuarantinedException extends ConsiliumProblem {

	public DocumentQuarantinedException() {
		super("document-quarantined", HttpStatus.CONFLICT,
				"This document was found infected by the virus scanner and is quarantined; it cannot be opened or downloaded.");
	}
}
