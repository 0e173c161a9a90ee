package org.consilium.records.fhirimport;

import org.consilium.records.ClinicalSummary;

/** The importer for tests outside this package: a Bundle's clinical summary, validated as an import validates it. */
public final class TestImports {

	private static FhirBundleImporter importer;

	private TestImports() {
	}

	/** The summary of a valid Bundle (the validator starts once per test JVM). */
	public static synchronized ClinicalSummary summary(byte[] bundle) throws FhirImportRejectedException {
		if (importer == null) {
			importer = new FhirBundleImporter();
		}
		return importer.importBundle(bundle, FhirImportProgress.NONE).summary();
	}
}
