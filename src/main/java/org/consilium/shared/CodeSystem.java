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
	/** SNOMED CT concept id, e.g. {@code 19346006}. */
	SNOMED_CT("SNOMED CT", "http://snomed.info/sct", "SCTID", "\\d{6,18}", List.of("SNOMED", "SNOMEDCT", "SNOMED CT", "SCTID", "SCT")),
	/** OMIM phenotype entry, e.g. {@code 154700}. */
	OMIM("OMIM", "https://omim.org", "OMIM", "\\d{6}", List.of("OMIM", "MIM")),
	/** Orphanet, e.g. {@code 558}. */
	ORPHA("ORPHA", "http://www.orpha.net", "Orphanet", "\\d{1,7}", List.of("ORPHA", "ORPHANET", "ORDO")),
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

	/** Whether {@code code} (without prefix, upper case for ICD-10-CM) has this system's form. */
	public boolean wellFormed(String code) {
		return code != null && form.matcher(code).matches();
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
