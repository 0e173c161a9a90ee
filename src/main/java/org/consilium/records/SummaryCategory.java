package org.consilium.records;

/**
 * The clinical area a {@link SummaryEntry} belongs to, each fed by one or two FHIR R4 resource types.
 */
public enum SummaryCategory {
	/** From {@code Condition}. */
	CONDITION,
	/** From {@code MedicationRequest} and {@code MedicationStatement}. */
	MEDICATION,
	/** From {@code AllergyIntolerance}. */
	ALLERGY,
	/** From {@code Procedure}. */
	PROCEDURE,
	/** From {@code Observation}: every observation is kept; imports made before V6 of the records schema kept only the latest per code (see {@link FhirImportView#partial()}). */
	OBSERVATION
}
