package org.consilium.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One FHIR bundle import of a case, with its warnings (shown to the coordinator) and the patient it names.
 *
 * @param sharedResourcesAdded shared resources (Organization, Practitioner, ...; see
 *        {@link org.consilium.records.fhirimport.FhirImport#SHARED_TYPES}) this import added to the case
 * @param sharedResourcesKnown shared resources of the Bundle the case already held from an earlier import (by identifier),
 *        not stored again
 * @param patientMismatchConfirmed whether the uploader confirmed that this Bundle belongs to the case although its
 *        Patient differs from the case's records
 * @param partial whether the import was stored before every resource was kept (records schema V6): its summary holds
 *        only the latest observation per code, and importing the same Bundle again replaces it with a complete one
 */
public record FhirImportView(UUID id, String fileName, String bundleType, int entryCount, List<String> warnings, String patientFamily,
		String patientGiven, LocalDate patientBirthDate, Instant importedAt, int sharedResourcesAdded, int sharedResourcesKnown,
		boolean patientMismatchConfirmed, boolean partial) {
}
