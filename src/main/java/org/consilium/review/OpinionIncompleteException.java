package org.consilium.review;

import java.util.List;

import org.springframework.http.HttpStatus;

import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code opinion-incomplete}, HTTP 409: the opinion cannot be signed yet; {@link #missing()} (and the
 * message) name each missing part. The draft is unchanged.
 */
public class OpinionIncompleteException extends ConsiliumProblem {

	private final List<String> missing;

	public OpinionIncompleteException(List<String> missing) {
		super("opinion-incomplete", HttpStatus.CONFLICT, "The opinion cannot be signed yet. Missing: " + String.join("; ", missing) + ".");
		this.missing = List.copyOf(missing);
	}

	/** What the opinion still lacks, in the words the specialist reads, in form order. */
	public List<String> missing() {
		return missing;
	}
}
