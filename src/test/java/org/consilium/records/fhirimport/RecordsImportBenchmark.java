package org.consilium.records.fhirimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.consilium.ConsiliumApplication;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * The FHIR import benchmark ({@code bench/import.sh}); a separate program, never part of the build.
 * <p>
 * {@code all}: starts the application on a fresh embedded PostgreSQL, imports every Bundle of a folder (default
 * {@code ../shared/data/fhir/synthea-smart-r4-2019}) into its own case through {@link RecordsManagement#importFhirBundle},
 * the page's path, after one untimed warm-up; then the same Bundles with HAPI's validator step turned off, then HAPI's
 * {@code FhirValidator} alone (same support chain) on each whole Bundle, then the importer alone without the database.
 * Prints one line per phase and, last, one JSON object.
 * <p>
 * {@code large}: builds a Bundle of at most 10,000 entries and about 25 MB from Synthea entries (fresh UUIDs per copy,
 * one Patient), imports it with {@link FhirBundleImporter} and prints time and peak memory as JSON. Run it with -Xmx1536m.
 */
public final class RecordsImportBenchmark {

	private static final Path DATA = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));

	private RecordsImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("large")) {
			large();
			return;
		}
		Path folder = args.length > 1 ? Path.of(args[1]) : DATA.resolve("fhir/synthea-smart-r4-2019");
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
		}
		Map<Path, byte[]> bytes = new HashMap<>();
		long totalBytes = 0;
		for (Path f : files) {
			bytes.put(f, Files.readAllBytes(f));
			totalBytes += bytes.get(f).length;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsiliumApplication.class)
			.properties("consilium.database.embedded.ephemeral=true", "consilium.data-dir=target/bench-data", "consilium.fhir.warm-up=false",
					"consilium.admin-email=admin@bench.consilium.local", "server.port=0", "logging.level.root=WARN",
					"spring.main.banner-mode=off")
			.run()) {
			RecordsManagement records = context.getBean(RecordsManagement.class);
			IntakeManagement intake = context.getBean(IntakeManagement.class);
			TestAccounts accounts = context.getBean(TestAccounts.class);
			FhirBundleImporter importer = context.getBean(FhirBundleImporter.class);
			Actor patient = accounts.create(Role.PATIENT);

			long t0 = System.nanoTime();
			records.importFhirBundle(patient, new CaseId(newCase(intake, patient)), "warm-up.json", bytes.get(files.get(0)));
			System.out.printf(Locale.ROOT, "warm-up (first import, validator's first run): %d ms%n", (System.nanoTime() - t0) / 1_000_000);

			int failed = 0;
			long[] full = new long[files.size()];
			long fullTotal = 0;
			for (int i = 0; i < files.size(); i++) {
				long start = System.nanoTime();
				try {
					records.importFhirBundle(patient, new CaseId(newCase(intake, patient)), files.get(i).getFileName().toString(), bytes.get(files.get(i)));
				}
				catch (RuntimeException e) {
					failed++;
					System.out.println("failed: " + files.get(i).getFileName() + ": " + e.getClass().getSimpleName());
				}
				full[i] = System.nanoTime() - start;
				fullTotal += full[i];
			}
			long[] importerAlone = new long[files.size()];
			for (int i = 0; i < files.size(); i++) {
				long start = System.nanoTime();
				try {
					importer.importBundle(bytes.get(files.get(i)));
				}
				catch (FhirImportRejectedException e) {
					// counted above
				}
				importerAlone[i] = System.nanoTime() - start;
			}
			importer.validating(false);
			long[] withoutValidation = new long[files.size()];
			try {
				for (int i = 0; i < files.size(); i++) {
					long start = System.nanoTime();
					try {
						records.importFhirBundle(patient, new CaseId(newCase(intake, patient)), files.get(i).getFileName().toString(), bytes.get(files.get(i)));
					}
					catch (RuntimeException e) {
						// counted above
					}
					withoutValidation[i] = System.nanoTime() - start;
				}
			}
			finally {
				importer.validating(true);
			}
			long[] validatorAlone = new long[files.size()];
			for (int i = 0; i < files.size(); i++) {
				String text = new String(bytes.get(files.get(i)), StandardCharsets.UTF_8);
				long start = System.nanoTime();
				importer.validator().validateWithResult(text);
				validatorAlone[i] = System.nanoTime() - start;
			}
			double medianFull = median(full);
			System.out.printf(Locale.ROOT, "through RecordsManagement: median %.0f ms, p95 %.0f ms, %d bundles, %.1f MB%n", medianFull,
					percentile(full, 95), files.size(), totalBytes / 1e6);
			System.out.printf(Locale.ROOT, "importer alone (no database): median %.0f ms -> database and access checks %.0f ms%n",
					median(importerAlone), medianFull - median(importerAlone));
			System.out.printf(Locale.ROOT, "without the validator step: median %.0f ms -> validation %.0f ms%n", median(withoutValidation),
					medianFull - median(withoutValidation));
			System.out.printf(Locale.ROOT, "HAPI FhirValidator alone, whole bundles: median %.0f ms (ratio full/validator %.2f)%n",
					median(validatorAlone), medianFull / median(validatorAlone));
			System.out.printf(Locale.ROOT,
					"{\"bundles\":%d,\"failed\":%d,\"median_ms\":%.0f,\"p95_ms\":%.0f,\"mb_per_s\":%.2f,\"median_ms_without_validation\":%.0f,"
							+ "\"median_ms_validator_alone\":%.0f,\"peak_rss_mb\":%d}%n",
					files.size(), failed, medianFull, percentile(full, 95), totalBytes / 1e6 / (fullTotal / 1e9), median(withoutValidation),
					median(validatorAlone), peakRssMb());
		}
	}

	private static UUID newCase(IntakeManagement intake, Actor patient) {
		return intake.createDraft(patient, null, UUID.randomUUID(),
				new DraftContent("benchmark", "d", null, "", "", "", "", null, "", List.of("q?"), Urgency.ROUTINE, true,
						org.consilium.intake.PatientDetails.none())).id().value();
	}

	private static void large() throws Exception {
		Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		List<Path> sources;
		try (Stream<Path> list = Files.list(DATA.resolve("fhir/synthea-smart-r4-2019"))) {
			sources = list.filter(f -> f.getFileName().toString().matches("[A-Z].*_.*\\.json")).sorted().toList();
		}
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		StringBuilder entries = new StringBuilder();
		int count = 0;
		long limit = 25L * 1024 * 1024 - 4096;
		boolean patientTaken = false;
		outer:
		for (int copy = 0; ; copy++) {
			for (Path source : sources) {
				// fresh UUIDs per copy, the same within a copy, so that references still resolve inside each copy
				Map<String, String> fresh = new HashMap<>();
				Matcher m = uuid.matcher(Files.readString(source));
				StringBuilder renamed = new StringBuilder();
				while (m.find()) {
					m.appendReplacement(renamed, fresh.computeIfAbsent(m.group(), k -> UUID.randomUUID().toString()));
				}
				m.appendTail(renamed);
				for (com.fasterxml.jackson.databind.JsonNode entry : json.readTree(renamed.toString()).path("entry")) {
					boolean isPatient = "Patient".equals(entry.path("resource").path("resourceType").asText());
					if (isPatient && patientTaken) {
						continue;
					}
					String text = entry.toString();
					if (count == 10_000 || entries.length() + text.length() + 100 > limit) {
						break outer;
					}
					patientTaken |= isPatient;
					entries.append(count == 0 ? "" : ",").append(text);
					count++;
				}
			}
		}
		byte[] bundle = ("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}").getBytes(StandardCharsets.UTF_8);
		entries = null;
		FhirBundleImporter importer = new FhirBundleImporter();
		importer.warmUp();
		long start = System.nanoTime();
		String outcome;
		try {
			FhirImport result = importer.importBundle(bundle);
			outcome = "imported, " + result.warnings().size() + " warnings kept";
		}
		catch (FhirImportRejectedException e) {
			outcome = "rejected: " + e.problems().size() + " problems, first: " + e.problems().get(0).replace('"', '\'');
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		System.out.printf(Locale.ROOT, "{\"bytes\":%d,\"entries\":%d,\"ms\":%d,\"max_heap_mb\":%d,\"peak_rss_mb\":%d,\"outcome\":\"%s\"}%n",
				bundle.length, count, ms, Runtime.getRuntime().maxMemory() / (1024 * 1024), peakRssMb(), outcome);
	}

	private static double median(long[] nanos) {
		return percentile(nanos, 50);
	}

	private static double percentile(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	/** VmHWM of /proc/self/status: the peak resident set size, in MB. */
	private static long peakRssMb() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}
}
