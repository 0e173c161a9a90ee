package org.consilium.records;

import java.util.List;
import java.util.UUID;

/**
 * Where a background FHIR import stands, for its progress page: counts, the outcome, and (only when it waits for a
 * confirmation) the two patients. Shown only to people with access to the case.
 *
 * @param jobId the import's job id (random; names no patient)
 * @param state queued, validating, awaiting confirmation of a different patient, imported, rejected or expired
 * @param validatedEntries entries validated so far
 * @param totalEntries the Bundle's entries, 0 until the file has been read
 * @param message the outcome in one sentence once finished (rejection reason, or what was imported), else null
 * @param problems the numbered problems of a rejection, else empty
 * @param imported the stored import once {@link State#IMPORTED}, else null
 * @param onFile the case's patient when {@link State#AWAITING_CONFIRMATION}, else null
 * @param inBundle the Bundle's patient when {@link State#AWAITING_CONFIRMATION}, else null
 */
public record FhirImportStatus(UUID jobId, State state, int validatedEntries, int totalEntries, String message, List<String> problems,
		FhirImportView imported, PatientDemographics onFile, PatientDemographics inBundle) {

	public enum State {
		QUEUED, VALIDATING, AWAITING_CONFIRMATION, IMPORTED, REJECTED, EXPIRED;

		/** Whether the page keeps polling. */
		public boolean running() {
			return this == QUEUED || this == VALIDATING;
		}
	}

	/** Validated entries in percent, 0-100. */
	public int percent() {
		return totalEntries == 0 ? 0 : (int) (100L * validatedEntries / totalEntries);
	}
}
