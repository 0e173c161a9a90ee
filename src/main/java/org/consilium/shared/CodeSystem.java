package org.consilium.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code systems of diagnoses and diseases, one list for the case (the first opinion's diagnosis), the written
 * opinion, specialist matching and the differential diagnosis. Each has its FHIR system URI
 * (https://terminology.hl7.org/external_terminologies.html), the CURIE prefix Mondo's SSSOM crosswalks use for it
 * (https://github.com/monarch-initiative/mondo, {@code src/ontology/mappings/}), the form its codes take, and the
 * prefixes people write. The constant names are stored in the database (the case's first diagnosis, a specialist's
 * diseases) and never change.
 */
public enum CodeSystem {

	/** ICD-10-CM, e.g. {@code E75.22} or {@code Q87.40}. */
	ICD_10_CM("ICD-10-CM", "http://hl7.org/fhir/sid/icd-10-cm", "ICD10CM", "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?",
			List.of("ICD-10-CM", "ICD10CM", "ICD10", "ICD-10")),
	/**
	 * SNOMED CT concept id, e.g. {@code 254837009}: 6 to 18 digits without a leading zero, a concept's partition
	 * identifier ({@code 00} or {@code 10} as the second and third digits from the right) and a Verhoeff check digit
	 * last (SNOMED CT Technical Implementation Guide, 6.1 SCTID Data Type, 6.6 Partition Identifier and 6.7 Check-digit:
	 * https://confluence.ihtsdotools.org/display/DOCTIG/6.1+SCTID+Data+Type).
	 */
	SNOMED_CT("SNOMED CT", "http://snomed.info/sct", "SCTID", "[1-9]\\d{5,17}", List.of("SNOMED", "SNOMEDCT", "SNOMED CT", "SCTID", "SCT")),
	/** OMIM phenotype entry, e.g. {@code 154700}. */
	OMIM("OMIM", "https://omim.org", "OMIM", "\\d{6}", List.of("OMIM", "MIM")),
	/** Orphanet, e.g. {@code 558}: 1 to 7 digits without a leading zero. */
	ORPHA("ORPHA", "http://www.orpha.net", "Orphanet", "[1-9]\\d{0,6}", List.of("ORPHA", "ORPHANET", "ORDO")),
	/** Mondo Disease Ontology, e.g. {@code 0007947}. */
	MONDO("Mondo", "http://purl.obolibrary.org/obo/mondo.owl", "MONDO", "\\d{7}", List.of("MONDO"));

	private final String label;

	private final String uri;

	private final String sssomPrefix;

	private final Pattern form;

	private final List<String> prefixes;

	CodeSystem(String label, String uri, String sssomPrefix, String form, List<String> prefixes) {
		this.label = label;
		this.uri = uri;
		this.sssomPrefix = sssomPrefix;
		this.form = Pattern.compile(form);
		this.prefixes = prefixes;
	}

	/** The name people read, e.g. {@code ICD-10-CM}. */
	public String label() {
		return label;
	}

	/** The FHIR system URI, e.g. {@code http://hl7.org/fhir/sid/icd-10-cm}. */
	public String uri() {
		return uri;
	}

	/** The prefix in Mondo's SSSOM files, e.g. {@code Orphanet}, {@code ICD10CM}. */
	public String sssomPrefix() {
		return sssomPrefix;
	}

	/** Whether {@code code} (without prefix, upper case for ICD-10-CM) has this system's form (and, for SNOMED CT, its check digit). */
	public boolean wellFormed(String code) {
		return malformation(code).isEmpty();
	}

	/**
	 * Why {@code code} (without prefix, upper case for ICD-10-CM) is not a code of this system, in words for the person
	 * who typed it, or empty when it is well formed. Only the form is checked, not whether the code exists.
	 */
	public Optional<String> malformation(String code) {
		if (code == null || !form.matcher(code).matches()) {
			return Optional.of("\"" + code + "\" is not " + ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label + " code: " + formHint());
		}
		if (this == SNOMED_CT) {
			String partition = code.substring(code.length() - 3, code.length() - 1);
			if (!partition.equals("00") && !partition.equals("10")) {
				return Optional.of("\"" + code + "\" is not a SNOMED CT concept id: its partition identifier (the second and third digits from the right) is "
						+ partition + ", a concept's is 00 or 10.");
			}
			if (!org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(code)) {
				return Optional.of("\"" + code + "\" is not a SNOMED CT concept id: its last digit is not the Verhoeff check digit of the others; check for a typing error.");
			}
		}
		return Optional.empty();
	}

	/**
	 * The code as entered, trimmed, in upper case and without a prefix of this system ({@code ORPHA:558} → {@code 558},
	 * {@code icd-10-cm: c50.911} → {@code C50.911}); {@code ""} for null. Does not check the form.
	 */
	public String bare(String code) {
		String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		int colon = c.indexOf(':');
		if (colon > 0) {
			String prefix = c.substring(0, colon).strip();
			if (prefixes.contains(prefix) || prefix.equals(label.toUpperCase(java.util.Locale.ROOT)) || prefix.equals(name())) {
				return c.substring(colon + 1).strip();
			}
		}
		return c;
	}

	/** How this system's codes are written, e.g. for ICD-10-CM "a letter, a digit, a digit or A/B, then optionally a dot and up to four characters (C50.911)". */
	public String formHint() {
		return switch (this) {
			case ICD_10_CM -> "a letter, a digit, a digit or A or B, then optionally a dot and up to four letters or digits (C50.911, E75.22).";
			case SNOMED_CT -> "6 to 18 digits, not starting with 0, ending in a check digit (254837009).";
			case OMIM -> "6 digits (154700).";
			case ORPHA -> "1 to 7 digits, not starting with 0 (558).";
			case MONDO -> "7 digits (0007947).";
		};
	}

	/** The system of a FHIR system URI. */
	public static Optional<CodeSystem> ofUri(String uri) {
		return Arrays.stream(values()).filter(s -> s.uri.equals(uri)).findFirst();
	}

	/** The system of a written prefix ({@code ORPHA}, {@code Orphanet}, {@code ICD10CM}, {@code SCTID}, ...), ignoring case. */
	public static Optional<CodeSystem> ofPrefix(String prefix) {
		String p = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(s -> s.prefixes.contains(p) || s.sssomPrefix.equalsIgnoreCase(p)).findFirst();
	}

	/**
	 * The system named by its FHIR URI, its constant name or a written prefix, ignoring case, spaces, dashes and
	 * underscores.
	 * @throws IllegalArgumentException for any other name
	 */
	public static CodeSystem of(String name) {
		String n = name == null ? "" : name.strip();
		for (CodeSystem s : values()) {
			if (s.uri.equalsIgnoreCase(n) || s.name().equalsIgnoreCase(n)) {
				return s;
			}
		}
		return ofPrefix(n).or(() -> ofPrefix(n.replace("-", "").replace("_", "").replace(" ", ""))).orElseThrow(() -> new IllegalArgumentException(
				"Unknown code system '" + name + "': expected one of ICD-10-CM, SNOMED CT, ORPHA, OMIM, MONDO or their FHIR system URIs"));
	}
}
