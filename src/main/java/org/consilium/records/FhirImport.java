package org.consilium.records;

import java.util.List;

/**
 * The outcome of accepting an uploaded FHIR R4 Bundle. Nothing is stored by producing it.
 *
 * @param summary the clinical summary
 * @param warnings findings that did not stop the import: terminology that cannot be checked offline (unknown
 *        code systems, displays, UCUM units, non-required value sets), unknown profiles, and references to
 *        resources outside the Bundle; deduplicated, unmodifiable
 * @param patient the demographics of the single Patient entry, null when the Bundle has no Patient
 * @param bundleType the Bundle's {@code type} code: transaction, collection, batch or document
 * @param entryCount the number of entries in the Bundle
 */
public record FhirImport(ClinicalSummary summary, List<String> warnings, PatientDemographics patient,
		String bundleType, int entryCount) {

	public FhirImport {
		warnings = List.copyOf(warnings);
	}
}
