package org.consilium.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A coded concept, as FHIR's {@code Coding}: the code system (its FHIR URI is {@link CodeSystem#uri()}), the code, and
 * optionally the text a person reads. Two codings are equal when system and code are; the display is only for reading.
 * The case's first diagnosis, the written opinion's diagnoses, a specialist's diseases and the differential diagnosis's
 * diseases all use it.
 *
 * @param system the code system, never null
 * @param code the code without prefix, e.g. {@code E75.22}, {@code 230800}; never null
 * @param display the text a person reads, or null
 */
public record Coding(CodeSystem system, String code, String display) implements Comparable<Coding> {

	public Coding {
		Objects.requireNonNull(system, "system");
		Objects.requireNonNull(code, "code");
	}

	/** A coding without display text. */
	public Coding(CodeSystem system, String code) {
		this(system, code, null);
	}

	/**
	 * Reads {@code PREFIX:code}; prefixes as in {@link CodeSystem#ofPrefix(String)} (also Mondo's {@code Orphanet},
	 * {@code ICD10CM}, {@code SCTID}); a bare ICD-10-CM code such as {@code E75.22} is accepted too.
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422) naming the text when the system is unknown
	 *         or the code malformed for it
	 */
	public static Coding parse(String text) {
		String raw = text == null ? "" : text.strip();
		int colon = raw.indexOf(':');
		CodeSystem system;
		String code;
		if (colon < 0) {
			system = CodeSystem.ICD_10_CM;
			code = raw.toUpperCase(Locale.ROOT);
		}
		else {
			system = CodeSystem.ofPrefix(raw.substring(0, colon)).orElseThrow(() -> unknown(raw));
			code = raw.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
		}
		if (!system.wellFormed(code)) {
			throw unknown(raw);
		}
		return new Coding(system, code);
	}

	/**
	 * The coding of a system and a code as stored or typed (trimmed, upper case), or empty when either is missing.
	 * @throws InvalidInputException when the code is malformed for the system
	 */
	public static Optional<Coding> of(CodeSystem system, String code, String display) {
		if (system == null || code == null || code.isBlank()) {
			return Optional.empty();
		}
		String c = code.strip().toUpperCase(Locale.ROOT);
		if (!system.wellFormed(c)) {
			throw unknown(system.label() + ":" + code.strip());
		}
		return Optional.of(new Coding(system, c, display));
	}

	/**
	 * The coding of a CURIE as Mondo's crosswalks give it ({@code MONDO:0009265}, {@code Orphanet:77259},
	 * {@code ICD10CM:E75.22}, ...); empty for another system (such as ICD-11) or a code malformed for its system.
	 */
	public static Optional<Coding> ofCurie(String curie) {
		int colon = curie.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String code = curie.substring(colon + 1);
		return CodeSystem.ofPrefix(curie.substring(0, colon)).filter(s -> s.wellFormed(code)).map(s -> new Coding(s, code));
	}

	private static InvalidInputException unknown(String raw) {
		return new InvalidInputException("Unknown disease code \"" + raw
				+ "\": write it as OMIM:230800, ORPHA:77259, MONDO:0009265, ICD-10-CM:E75.22 (or a category such as E75) or SNOMED CT:190794006.");
	}

	/** As written in Mondo's SSSOM files, e.g. {@code Orphanet:77259}. */
	public String curie() {
		return system.sssomPrefix() + ":" + code;
	}

	/** An ICD-10-CM category or code that is a strict prefix of {@code other}: E75 covers E75.22, E75.2 covers E75.22. */
	public boolean coversAsCategory(Coding other) {
		return system == CodeSystem.ICD_10_CM && other.system == CodeSystem.ICD_10_CM && other.code.length() > code.length()
				&& other.code.startsWith(code);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Coding other && system == other.system && code.equals(other.code);
	}

	@Override
	public int hashCode() {
		return Objects.hash(system, code);
	}

	/** {@code label:code}, e.g. {@code ICD-10-CM:E75.22}, as people write it. */
	@Override
	public String toString() {
		return system.label() + ":" + code;
	}

	@Override
	public int compareTo(Coding o) {
		int bySystem = system.compareTo(o.system);
		return bySystem != 0 ? bySystem : code.compareTo(o.code);
	}
}
