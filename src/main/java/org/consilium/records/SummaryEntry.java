package org.consilium.records;

import java.util.List;
import java.util.Set;
import java.util.UUID;

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
 * @param value observations only: the value as text with its unit as the source wrote it (e.g. {@code "7.2 %"},
 *        {@code "120 mm[Hg]"}), components joined with {@code "; "}; null for other categories
 * @param status the resource's status code (clinical status for conditions and allergies)
 * @param sourceEntry the Bundle entry's {@code fullUrl}, or {@code ResourceType/id} when it has none
 * @param kind observations only: the code of the first {@code Observation.category} (e.g. {@code vital-signs},
 *        {@code laboratory}, from {@code http://terminology.hl7.org/CodeSystem/observation-category}); null otherwise
 * @param measurements observations only: the quantities of the value, or of each component (a blood pressure's
 *        systolic and diastolic), in source order; empty when the value is not a quantity. Never null.
 * @param importId the import the row belongs to; null before it is stored
 * @param id the stored row's id, for the link to its source entry; null before it is stored
 */
public record SummaryEntry(SummaryCategory category, String system, String code, String display, String date,
		String value, String status, String sourceEntry, String kind, List<Measurement> measurements, UUID importId, Long id) {

	/**
	 * SNOMED CT situations that state the absence of allergies: no known allergy (716186003), no known drug allergy
	 * (409137002), no known food allergy (429625007), no known environmental allergy (428607008). Source: the IPS
	 * implementation guide's "Allergies and Intolerances" section, which codes an assertion of no known allergies so.
	 */
	private static final Set<String> NO_KNOWN_ALLERGY_SNOMED = Set.of("716186003", "409137002", "429625007", "428607008");

	/** The IPS code system for absent and unknown data ({@code no-known-allergies}, {@code no-allergy-info}). */
	private static final String IPS_ABSENT_UNKNOWN = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

	public SummaryEntry {
		measurements = measurements == null ? List.of() : List.copyOf(measurements);
	}

	/** A row as the importer makes it: no kind, no measurements, not stored yet. */
	public SummaryEntry(SummaryCategory category, String system, String code, String display, String date, String value,
			String status, String sourceEntry) {
		this(category, system, code, display, date, value, status, sourceEntry, null, List.of(), null, null);
	}

	/**
	 * Whether this allergy row is a coded statement that the patient has no known allergies (SNOMED CT situations
	 * 716186003, 409137002, 429625007, 428607008, or the IPS code {@code no-known-allergies}), which is something a
	 * clinician recorded: not the same as no allergy row at all ("none recorded").
	 */
	public boolean statesNoKnownAllergy() {
		if (category != SummaryCategory.ALLERGY || code == null) {
			return false;
		}
		return "http://snomed.info/sct".equals(system) && NO_KNOWN_ALLERGY_SNOMED.contains(code)
				|| IPS_ABSENT_UNKNOWN.equals(system) && "no-known-allergies".equals(code);
	}

	/**
	 * Whether this is a current problem or medication: a condition whose clinical status is active, recurrence or relapse
	 * (FHIR R4 condition-clinical, https://hl7.org/fhir/R4/valueset-condition-clinical.html); a medication whose status
	 * is active or intended (FHIR R4 MedicationRequest and MedicationStatement status); an allergy whose clinical status
	 * is active or not given. False for other categories.
	 */
	public boolean active() {
		return switch (category) {
			case CONDITION -> status != null && Set.of("active", "recurrence", "relapse").contains(status);
			case MEDICATION -> status != null && Set.of("active", "intended").contains(status);
			case ALLERGY -> status == null || "active".equals(status);
			default -> false;
		};
	}

	/** The same row as stored in an import, with its row id. */
	public SummaryEntry stored(UUID importId, Long id) {
		return new SummaryEntry(category, system, code, display, date, value, status, sourceEntry, kind, measurements, importId, id);
	}
}
