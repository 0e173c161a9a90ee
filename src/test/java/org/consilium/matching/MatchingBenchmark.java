package org.consilium.matching;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.consilium.ddx.MondoCrosswalk;
import org.consilium.matching.SpecialistRanking.Candidate;
import org.consilium.shared.Coding;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;
import org.consilium.shared.UserId;

/**
 * Prints how long matching takes: loading Mondo's crosswalks, then ranking a directory of generated specialists
 * (fixed seed) for cases with real OMIM, Orphanet and ICD-10-CM diagnoses. A separate program, never part of the
 * build; it fails on nothing.
 * <p>
 * Run: {@code ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) org.consilium.matching.MatchingBenchmark ../shared/data/mondo 1000 200}
 */
public final class MatchingBenchmark {

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/mondo");
		int specialists = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		int cases = args.length > 2 ? Integer.parseInt(args[2]) : 200;

		long t0 = System.nanoTime();
		MondoCrosswalk mondo = MondoCrosswalk.load(dir);
		System.out.printf("crosswalk: %d codes from %d files in %d ms%n", mondo.size(), mondo.files().size(), (System.nanoTime() - t0) / 1_000_000);

		List<String> pool = List.of("OMIM:230800", "ORPHA:77259", "ORPHA:355", "ICD-10-CM:E75", "ICD-10-CM:E75.22", "OMIM:230900",
				"ORPHA:77260", "ICD-10-CM:C50", "ICD-10-CM:C50.912", "ORPHA:227535", "MONDO:0009265", "ICD-10-CM:I42", "OMIM:610539");
		Random random = new Random(42);
		List<Candidate> directory = new ArrayList<>();
		for (int i = 0; i < specialists; i++) {
			List<Coding> diseases = new ArrayList<>();
			for (int d = 0; d < 5; d++) {
				diseases.add(Coding.parse(pool.get(random.nextInt(pool.size()))));
			}
			UUID id = new UUID(0, i + 1);
			directory.add(new Candidate(id, "Dr. " + i, "207SG0201X", new SpecialistProfile(new UserId(id), 1, List.of("207SG0201X"), diseases.stream().distinct().sorted().toList(),
					List.of(random.nextBoolean() ? "de" : "en"), "Clinic " + random.nextInt(50), List.of(random.nextBoolean() ? "DE" : "US-CA"), 5,
					List.of()), random.nextInt(6)));
		}
		SpecialistRanking ranking = new SpecialistRanking(mondo, Map.of("207SG0201X", "Clinical Genetics (M.D.)"));
		long[] times = new long[cases];
		for (int i = 0; i < cases; i++) {
			CaseFacts facts = new CaseFacts("207SG0201X", Coding.parse(pool.get(i % pool.size())), LanguageTag.parse("de"),
					Jurisdiction.parse("DE-BY"), "Clinic 7", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 10));
			long start = System.nanoTime();
			ranking.rank(facts, directory);
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		System.out.printf("ranking %d specialists, %d cases: median %.1f ms, p95 %.1f ms, max %.1f ms%n", specialists, cases,
				times[cases / 2] / 1e6, times[(int) (cases * 0.95)] / 1e6, times[cases - 1] / 1e6);
	}
}
