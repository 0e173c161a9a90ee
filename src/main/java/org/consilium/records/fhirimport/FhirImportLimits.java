package org.consilium.records.fhirimport;

/**
 * What one FHIR import may hold; beyond any of these the upload is rejected before validation, in bounded memory.
 * Configured as {@code consilium.records.fhir.max-bytes}, {@code consilium.records.fhir.max-entries} and
 * {@code consilium.records.fhir.max-nesting-depth}.
 *
 * @param maxBytes the largest file, in bytes (default 25 MiB; the largest Synthea patient Bundle here is about 9 MB)
 * @param maxEntries the most {@code Bundle.entry} elements at the top level (default 10,000)
 * @param maxNestingDepth the deepest JSON nesting of objects and arrays (default 100; real Bundles stay under 20),
 *        enforced by Jackson's {@code StreamReadConstraints.maxNestingDepth}
 */
record FhirImportLimits(long maxBytes, int maxEntries, int maxNestingDepth) {

	/** 25 MiB, 10,000 entries, depth 100. */
	public static final FhirImportLimits DEFAULT = new FhirImportLimits(25L * 1024 * 1024, 10_000, 100);

	public FhirImportLimits {
		if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE || maxEntries < 1 || maxNestingDepth < 10) {
			throw new IllegalArgumentException("FHIR import limits out of range: " + maxBytes + " bytes, " + maxEntries
					+ " entries, depth " + maxNestingDepth);
		}
	}
}
