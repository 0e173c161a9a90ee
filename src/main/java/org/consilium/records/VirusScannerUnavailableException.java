package org.consilium.records;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code virus-scanner-unavailable}, HTTP 503: a virus scanner is configured but gave no verdict (down,
 * too slow, or the file exceeds its {@code StreamMaxLength}); nothing was stored, the upload can be tried again later.
 */
public class VirusScannerUnavailableException extends ConsiliumProblem {

	public VirusScannerUnavailableException(String message) {
		super("virus-scanner-unavailable", HttpStatus.SERVICE_UNAVAILABLE, message);
	}
}
