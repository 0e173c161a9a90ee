package org.consilium.records;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code already-imported}, HTTP 409: the case already holds an import of the same Bundle (the same
 * SHA-256 of its canonical JSON: keys sorted, no white space), which is not voided. Nothing was stored again and the
 * earlier import is unchanged; the message says when it was imported.
 */
class AlreadyImportedException extends ConsiliumProblem {

	private static final long serialVersionUID = 1L;

	AlreadyImportedException(Instant importedAt) {
		super("already-imported", HttpStatus.CONFLICT, "This FHIR Bundle is already in the records of this case (imported on "
				+ importedAt.atOffset(ZoneOffset.UTC).toLocalDate() + "). Nothing was stored again.");
	}
}
