package org.consilium.ddx;

import java.util.Locale;

/**
 * The code systems a submitted diagnosis can come in, with their FHIR system URIs
 * (https://terminology.hl7.org/external_terminologies.html) and the CURIE prefix that the Mondo SSSOM
 * crosswalks use for them.
 */
public enum DiagnosisCodeSystem {

	/** ICD-10-CM, e.g. {@code Q87.40}. */
	ICD10CM("http://hl7.org/fhir/sid/icd-10-cm", "ICD10CM"),
	/** SNOMED CT concept id, e.g. {@code 19346006}. */
	SNOMED_CT("http://snomed.info/sct", "SCTID"),
	/** Orphanet, e.g. {@code 558} or {@code ORPHA:558}. */
	ORPHA("http://www.orpha.net", "Orphanet"),
	/** OMIM phenotype entry, e.g. {@code 154700}. */
	OMIM("https://omim.org", "OMIM"),
	/** Mondo disease ontology, e.g. {@code MONDO:0007947}. */
	MONDO("http://purl.obolibrary.org/obo/mondo.owl", "MONDO");

	private final String fhirSystem;

	private final String sssomPrefix;

	DiagnosisCodeSystem(String fhirSystem, String sssomPrefix) {
		this.fhirSystem = fhirSystem;
		this.sssomPrefix = sssomPrefix;
	}

	public String fhirSystem() {
		return fhirSystem;
	}

	String sssomPrefix() {
		return sssomPrefix;
	}

	/**
	 * The system named by its FHIR URI, its constant name, or a usual short name ({@code ICD-10-CM},
	 * {@code SNOMED}, {@code SCTID}, {@code Orphanet}, {@code ORPHA}, {@code OMIM}, {@code MONDO}), case-insensitive.
	 *
	 * @throws IllegalArgumentException for any other name
	 */
	public static DiagnosisCodeSystem of(String name) {
		String n = name == null ? "" : name.strip();
		for (DiagnosisCodeSystem s : values()) {
			if (s.fhirSystem.equalsIgnoreCase(n) || s.name().equalsIgnoreCase(n) || s.sssomPrefix.equalsIgnoreCase(n)) {
				return s;
			}
		}
		return switch (n.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "")) {
			case "ICD10CM", "ICD10" -> ICD10CM;
			case "SNOMED", "SNOMEDCT", "SCT" -> SNOMED_CT;
			case "ORPHANET", "ORPHA", "ORDO" -> ORPHA;
			default -> throw new IllegalArgumentException("Unknown diagnosis code system '" + name + "': expected one of ICD-10-CM, SNOMED CT, ORPHA, OMIM, MONDO or their FHIR system URIs");
		};
	}
}
