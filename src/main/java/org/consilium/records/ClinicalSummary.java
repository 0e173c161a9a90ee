package org.consilium.records;

import java.util.List;

/**
 * What a second-opinion coordinator reads first about an uploaded FHIR record.
 * <p>
 * Every category holds one entry per validated source resource: in Bundle order as an import makes it, newest date
 * first as {@link RecordsManagement#records} reads it back. Observations keep every measurement (not only the latest
 * per code), so that repeated results can be shown as a trend. All lists are unmodifiable and never null.
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

	/** Every row, category by category. */
	public List<SummaryEntry> all() {
		return java.util.stream.Stream.of(conditions, medications, allergies, procedures, observations).flatMap(List::stream).toList();
	}
}
