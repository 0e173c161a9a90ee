package org.consilium.records.fhirimport;

import java.util.List;

import org.consilium.records.ClinicalSummary;
import org.consilium.records.PatientDemographics;

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
 * @param identified the identifiers of the top-level entries of the types that later imports refer to
 *        conditionally ({@link #SHARED_TYPES}), one element per identifier
 * @param conditionalReferences conditional references ({@code Type?identifier=system|value}) that no entry of the
 *        Bundle matches; the case's earlier imports must resolve each, or the import is rejected
 */
public record FhirImport(ClinicalSummary summary, List<String> warnings, PatientDemographics patient,
		String bundleType, int entryCount, List<IdentifiedResource> identified,
		List<ConditionalReference> conditionalReferences, String contentSha256) {

	/**
	 * Resource types that several imports of one case share and that are found again by identifier: who and where
	 * (https://hl7.org/fhir/R4/administration-module.html) plus Medication and Device.
	 */
	public static final java.util.Set<String> SHARED_TYPES = java.util.Set.of("Patient", "Practitioner",
			"PractitionerRole", "Organization", "Location", "HealthcareService", "RelatedPerson", "Medication", "Device");

	public FhirImport {
		warnings = List.copyOf(warnings);
		identified = List.copyOf(identified);
		conditionalReferences = List.copyOf(conditionalReferences);
	}

	/**
	 * One {@code identifier} of an entry.
	 *
	 * @param resourceType e.g. {@code Organization}
	 * @param system the identifier's system URI, empty when it has none
	 * @param value the identifier's value
	 * @param fullUrl the entry's fullUrl, or {@code Type/id}, or null when it has neither
	 */
	public record IdentifiedResource(String resourceType, String system, String value, String fullUrl) {
	}

	/**
	 * A conditional reference by identifier (https://hl7.org/fhir/R4/bundle.html#references, search parameter
	 * {@code identifier} as token {@code [system]|[value]}).
	 *
	 * @param reference the reference as written, e.g. {@code Organization?identifier=http://x|42}
	 * @param resourceType the type searched
	 * @param system the system searched; empty for {@code |value} (no system), null for {@code value} (any system)
	 * @param value the value searched
	 * @param path where the reference stands, e.g. {@code Bundle.entry[3].resource.serviceProvider.reference}
	 */
	public record ConditionalReference(String reference, String resourceType, String system, String value, String path) {
	}
}
