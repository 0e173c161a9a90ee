package org.consilium.matching;

/**
 * One thing matching weighed about a specialist, in words.
 *
 * @param points   what it added to (or, negative, took from) the score
 * @param excludes true when it makes the specialist ineligible (conflict of interest, no licence, no capacity, ...)
 */
public record Reason(Kind kind, String text, int points, boolean excludes) {

	/** What a reason is about. */
	public enum Kind {
		PROFILE, SPECIALTY, DISEASE, LANGUAGE, JURISDICTION, LOAD, ABSENCE, CONFLICT
	}

	static Reason plus(Kind kind, int points, String text) {
		return new Reason(kind, text, points, false);
	}

	static Reason excluding(Kind kind, String text) {
		return new Reason(kind, text, 0, true);
	}
}
