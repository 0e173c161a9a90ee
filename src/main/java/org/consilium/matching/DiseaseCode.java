package org.consilium.matching;

import java.util.Locale;
import java.util.Optional;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;

/**
 * A disease or disease group, coded: {@code OMIM:230800}, {@code ORPHA:77259}, {@code MONDO:0009265},
 * {@code ICD-10-CM:E75} (a category, covering its subcodes such as {@code E75.22}), {@code SNOMED CT:190794006}.
 */
public record DiseaseCode(CodeSystem system, String code) implements Comparable<DiseaseCode> {

	/**
	 * Reads {@code PREFIX:code}; prefixes as in {@link CodeSystem} (also Mondo's {@code Orphanet}, {@code ICD10CM},
	 * {@code SCTID}); a bare ICD-10-CM code such as {@code E75.22} is accepted too.
	 * @throws InvalidInputException naming the text when the system is unknown or the code malformed for it
	 */
	public static DiseaseCode parse(String text) {
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
		return new DiseaseCode(system, code);
	}

	static InvalidInputException unknown(String raw) {
		return new InvalidInputException("Unknown disease code \"" + raw
				+ "\": write it as OMIM:230800, ORPHA:77259, MONDO:0009265, ICD-10-CM:E75.22 (or a category such as E75) or SNOMED CT:190794006.");
	}

	/** An ICD-10-CM category or code that is a strict prefix of {@code other}: E75 covers E75.22, E75.2 covers E75.22. */
	public boolean coversAsCategory(DiseaseCode other) {
		return system == CodeSystem.ICD_10_CM && other.system == CodeSystem.ICD_10_CM && other.code.length() > code.length()
				&& other.code.startsWith(code);
	}

	/** As written in Mondo's SSSOM files, e.g. {@code Orphanet:77259}. */
	String curie() {
		return system.sssomPrefix() + ":" + code;
	}

	/**
	 * The code of a CURIE as the Mondo crosswalk gives it ({@code MONDO:0009265}, {@code ORPHA:77259},
	 * {@code ICD10CM:E75.22}, ...); empty for another system (such as ICD-11) or a code malformed for its system.
	 */
	static Optional<DiseaseCode> ofCurie(String curie) {
		int colon = curie.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String code = curie.substring(colon + 1);
		return CodeSystem.ofPrefix(curie.substring(0, colon)).filter(s -> s.wellFormed(code)).map(s -> new DiseaseCode(s, code));
	}

	@Override
	public String toString() {
		return system.label() + ":" + code;
	}

	@Override
	public int compareTo(DiseaseCode o) {
		int bySystem = system.compareTo(o.system);
		return bySystem != 0 ? bySystem : code.compareTo(o.code);
	}
}
