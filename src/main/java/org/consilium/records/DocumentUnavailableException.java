package org.consilium.records;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code document-unavailable}, HTTP 500: the document's record exists but its stored content cannot be
 * served, because it is missing from the document store or fails its integrity check. The record stays listed; the
 * message tells the user what happened, and the server log names the document by its identifiers only.
 */
public class DocumentUnavailableException extends ConsiliumProblem {

	DocumentUnavailableException(String message) {
		super("document-unavailable", HttpStatus.INTERNAL_SERVER_ERROR, message);
	}

	static DocumentUnavailableException missing() {
		return new DocumentUnavailableException("The stored content of this document is missing. Its record is kept; an administrator"
				+ " has to restore the content from a backup. Please tell the program's coordinator.");
	}

	static DocumentUnavailableException failedCheck() {
		return new DocumentUnavailableException("The stored content of this document failed its integrity check and is not shown."
				+ " An administrator has to restore it from a backup. Please tell the program's coordinator.");
	}
}
