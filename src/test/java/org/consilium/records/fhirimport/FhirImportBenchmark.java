package org.consilium.records.fhirimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long {@link FhirBundleImporter} takes: construction, warm-up, then repeated imports of one
 * Bundle. A separate program, never part of the build; it fails on nothing.
 * <p>
 * Run: {@code ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java
 * -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.consilium.records.FhirImportBenchmark
 * ../shared/data/fhir/synthea-smart-r4-2019/Latanya_Kohler_b1670114-0be0-40c5-8dab-81a4adbe1935.json 5}
 */
public final class FhirImportBenchmark {

	private FhirImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		byte[] bytes = Files.readAllBytes(file);

		long start = System.nanoTime();
		FhirBundleImporter importer = new FhirBundleImporter();
		long built = System.nanoTime();
		importer.warmUp();
		long warmed = System.nanoTime();
		System.out.printf("construction %d ms, warm-up %d ms%n", millis(start, built), millis(built, warmed));

		long[] times = new long[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			FhirImport result = importer.importBundle(bytes);
			times[i] = millis(t0, System.nanoTime());
			System.out.printf("import %d of %s (%d bytes, %d entries): %d ms, %d warnings%n", i + 1, file.getFileName(),
					bytes.length, result.entryCount(), times[i], result.warnings().size());
		}
		Arrays.sort(times);
		System.out.printf("median %d ms, min %d ms, max %d ms%n", times[runs / 2], times[0], times[runs - 1]);
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}
}
