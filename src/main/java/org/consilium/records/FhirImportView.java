package org.consilium.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One FHIR bundle import of a case, with its warnings (shown to the coordinator) and the patient it names. */
public record FhirImportView(UUID id, String fileName, String bundleType, int entryCount, List<String> warnings, String patientFamily,
		String patientGiven, LocalDate patientBirthDate, Instant importedAt) {
}
