package org.consilium.records;

/**
 * One row of a {@link ClinicalSummary}, taken from one FHIR R4 resource of an imported Bundle.
 *
 * @param category the clinical area
 * @param system the code system URI of the resource's first coding (e.g. {@code http://snomed.info/sct}),
 *        null when the concept is only text
 * @param code the code of the first coding, null when the concept is only text
 * @param display the first coding's display, else the concept's text; null when neither is given
 * @param date the clinically relevant date exactly as written in the source, ISO-8601 with the source's
 *        precision: onset (else recorded date) for conditions and allergies, authoredOn or effective for
 *        medications, performed for procedures, effective (else issued) for observations; null if none
 * @param value observations only: the value as text with its unit (e.g. {@code "7.2 %"},
 *        {@code "120 mm[Hg]"}), components joined with {@code "; "}; null for other categories
 * @param status the resource's status code (clinical status for conditions and allergies)
 * @param sourceEntry the Bundle entry's {@code fullUrl}, or {@code ResourceType/id} when it has none
 */
public record SummaryEntry(SummaryCategory category, String system, String code, String display, String date,
		String value, String status, String sourceEntry) {
}
