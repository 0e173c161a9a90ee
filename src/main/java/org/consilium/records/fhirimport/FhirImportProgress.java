package org.consilium.records.fhirimport;

/**
 * Told how far the validation of one Bundle has come: counts only, never content. Called from the validating
 * threads, possibly concurrently; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface FhirImportProgress {

	FhirImportProgress NONE = (validated, total) -> {
	};

	/**
	 * @param validatedEntries entries whose validation has finished so far
	 * @param totalEntries the Bundle's top-level entries
	 */
	void validated(int validatedEntries, int totalEntries);
}
