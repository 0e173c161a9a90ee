package org.consilium.shared;

import org.springframework.http.HttpStatus;

/**
 * A failure a user can act on. Each subclass has a stable problem type slug; the JSON API answers it as an
 * RFC 9457 problem detail ({@code type = "urn:consilium:problem:<slug>"}) and pages show its message.
 * Messages never contain another person's data.
 */
public abstract class ConsiliumProblem extends RuntimeException {

	private final String type;

	private final HttpStatus status;

	protected ConsiliumProblem(String type, HttpStatus status, String message) {
		super(message);
		this.type = type;
		this.status = status;
	}

	/** The stable slug, e.g. {@code not-found}. */
	public String type() {
		return type;
	}

	public HttpStatus status() {
		return status;
	}

	/** Further members of the problem detail, for a client to act on (e.g. the replacement of an obsolete term); none by default. */
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of();
	}
}
