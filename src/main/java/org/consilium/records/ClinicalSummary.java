package org.consilium.records;

import java.util.List;

/**
 * What a second-opinion coordinator reads first about an uploaded FHIR record.
 * <p>
 * Conditions, medications, allergies and procedures hold one entry per source resource, in Bundle order.
 * Observations hold only the latest observation per code (by effective date/time), in order of the code's
 * first appearance. All lists are unmodifiable and never null.
 */
public record ClinicalSummary(List<SummaryEntry> conditions, List<SummaryEntry> medications,
		List<SummaryEntry> allergies, List<SummaryEntry> procedures, List<SummaryEntry> observations) {

	public ClinicalSummary {
		conditions = List.copyOf(conditions);
		medications = List.copyOf(medications);
		allergies = List.copyOf(allergies);
		procedures = List.copyOf(procedures);
		observations = List.copyOf(observations);
	}
}
