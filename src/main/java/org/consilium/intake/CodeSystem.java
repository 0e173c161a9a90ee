package org.consilium.intake;

import java.util.Arrays;
import java.util.Optional;

/** Code systems accepted for the first opinion's diagnosis, with their canonical FHIR URIs. */
public enum CodeSystem {
	ICD_10_CM("ICD-10-CM", "http://hl7.org/fhir/sid/icd-10-cm"),
	SNOMED_CT("SNOMED CT", "http://snomed.info/sct"),
	OMIM("OMIM", "https://omim.org"),
	ORPHA("ORPHA", "http://www.orpha.net");

	private final String label;

	private final String uri;

	CodeSystem(String label, String uri) {
		this.label = label;
		this.uri = uri;
	}

	public String label() {
		return label;
	}

	public String uri() {
		return uri;
	}

	public static Optional<CodeSystem> ofUri(String uri) {
		return Arrays.stream(values()).filter(s -> s.uri.equals(uri)).findFirst();
	}
}
