package org.consilium.ddx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ranks every phenopacket of {@code ../shared/data/phenopackets/<cohort>/*.json} and prints accuracy and
 * timing. A separate program, never part of the build; it fails on nothing.
 * <p>
 * Cohorts are split by their position in alphabetical order: every fifth cohort (0th, 5th, 10th, ...) is a
 * <em>tuning</em> cohort, on which the blend's settings were chosen ({@code tune} mode); all others are
 * <em>held out</em> and their figures are not tuned. Two figures per split: against the full annotations,
 * and leave-publication-out (the gold disease without the annotation lines that cite the case's own
 * PMIDs, which is the honest figure, see {@code ../shared/data/README.md}).
 * <p>
 * Run: {@code bench/ddx.sh [all|tune] [hpoa file] [max cases per cohort]}.
 */
public final class DdxBenchmark {

	private DdxBenchmark() {
	}

	record Case(String cohort, String file, String gold, List<String> observed, List<String> excluded, Set<String> pmids, int droppedTerms) {
	}

	static final class Tally {

		int cases;
		int top1;
		int top3;
		int top10;
		double reciprocal;

		void add(int rank) {
			cases++;
			top1 += rank == 1 ? 1 : 0;
			top3 += rank >= 1 && rank <= 3 ? 1 : 0;
			top10 += rank >= 1 && rank <= 10 ? 1 : 0;
			reciprocal += rank >= 1 ? 1.0 / rank : 0;
		}

		String json() {
			return String.format(Locale.ROOT, "{\"cases\":%d,\"top1\":%.4f,\"top3\":%.4f,\"top10\":%.4f,\"mrr\":%.4f}", cases, share(top1), share(top3), share(top10),
					cases == 0 ? 0 : reciprocal / cases);
		}

		double mrr() {
			return cases == 0 ? 0 : reciprocal / cases;
		}

		private double share(int n) {
			return cases == 0 ? 0 : (double) n / cases;
		}
	}

	public static void main(String[] args) throws IOException {
		String mode = args.length > 0 ? args[0] : "all";
		Path shared = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));
		Path hpoa = args.length > 1 ? Path.of(args[1]) : shared.resolve("hpo/phenotype.v2025-05-06.hpoa.gz");
		int perCohort = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;

		System.gc();
		long t0 = System.nanoTime();
		HpoData data = HpoData.load(shared.resolve("hpo/hp.v2025-05-06.json.gz"), hpoa);
		long loadMs = (System.nanoTime() - t0) / 1_000_000;
		System.gc();
		Runtime rt = Runtime.getRuntime();
		long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
		System.out.printf("loaded %s: %d candidates in %d ms, heap after load %d MB%n", data.release(), data.candidateCount(), loadMs, heapMb);

		List<String> cohorts;
		try (Stream<Path> s = Files.list(shared.resolve("phenopackets"))) {
			cohorts = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
		}
		Set<String> tuning = new LinkedHashSet<>();
		for (int i = 0; i < cohorts.size(); i += 5) {
			tuning.add(cohorts.get(i));
		}

		ObjectMapper json = new ObjectMapper();
		List<Case> cases = new ArrayList<>();
		Map<String, Integer> unrankable = new TreeMap<>();
		int total = 0;
		int droppedTerms = 0;
		for (String cohort : cohorts) {
			List<Path> files;
			try (Stream<Path> s = Files.list(shared.resolve("phenopackets").resolve(cohort))) {
				files = s.filter(p -> p.toString().endsWith(".json")).sorted().limit(perCohort).toList();
			}
			for (Path file : files) {
				total++;
				Case c = read(json, data, cohort, file);
				droppedTerms += c.droppedTerms();
				String reason = c.gold() == null ? "no OMIM diagnosis" : !data.isCandidate(c.gold()) ? "gold disease has no phenotypic-abnormality annotation in this release"
						: c.observed().isEmpty() ? "no observed phenotypic-abnormality term known to this release" : null;
				if (reason != null) {
					unrankable.merge(reason, 1, Integer::sum);
				}
				else {
					cases.add(c);
				}
			}
		}
		System.out.printf("%d cases, %d rankable, unrankable %s, %d term ids unknown to this release dropped%n", total, cases.size(), unrankable, droppedTerms);

		if (mode.equals("tune")) {
			tune(data, cases.stream().filter(c -> tuning.contains(c.cohort())).toList());
			return;
		}

		DifferentialDiagnosis engine = new DifferentialDiagnosis(data);
		for (int i = 0; i < Math.min(200, cases.size()); i++) {
			engine.rank(query(cases.get(i)));
		}
		Tally heldOut = new Tally();
		Tally heldOutLpo = new Tally();
		Tally tuned = new Tally();
		Tally tunedLpo = new Tally();
		long[] times = new long[cases.size()];
		int goldLostAllAnnotations = 0;
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			PhenotypeQuery q = query(c);
			long start = System.nanoTime();
			Ranking full = engine.rank(q);
			times[i] = System.nanoTime() - start;
			Ranking lpo = engine.rankLeavingOut(q, c.gold(), c.pmids());
			boolean isTuning = tuning.contains(c.cohort());
			(isTuning ? tuned : heldOut).add(full.rankOf(c.gold()));
			(isTuning ? tunedLpo : heldOutLpo).add(lpo.rankOf(c.gold()));
			if (lpo.find(c.gold()).map(d -> d.resnikSimilarity() == 0).orElse(false)) {
				goldLostAllAnnotations++;
			}
		}
		Arrays.sort(times);
		double median = times.length == 0 ? 0 : times[times.length / 2] / 1e6;
		double p95 = times.length == 0 ? 0 : times[(int) Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] / 1e6;
		System.out.printf("held-out cohorts (%d):       %s%n", cohorts.size() - tuning.size(), heldOut.json());
		System.out.printf("held-out, leave-publication-out: %s%n", heldOutLpo.json());
		System.out.printf("tuning cohorts (%d):         %s%n", tuning.size(), tuned.json());
		System.out.printf("tuning, leave-publication-out:   %s%n", tunedLpo.json());
		System.out.printf("gold disease left with no annotation after leave-publication-out: %d cases%n", goldLostAllAnnotations);
		System.out.printf(Locale.ROOT, "ranking time per case: median %.2f ms, p95 %.2f ms%n", median, p95);
		StringBuilder reasons = new StringBuilder("{");
		unrankable.forEach((k, v) -> reasons.append(reasons.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
		reasons.append('}');
		System.out.printf(Locale.ROOT,
				"{\"release\":\"%s\",\"hpoa\":\"%s\",\"cases\":%d,\"rankable\":%d,\"unrankable\":%s,\"heldOut\":%s,\"heldOutLeavePublicationOut\":%s,\"tuning\":%s,\"tuningLeavePublicationOut\":%s,\"medianMs\":%.3f,\"p95Ms\":%.3f,\"loadMs\":%d,\"heapAfterLoadMb\":%d}%n",
				data.release(), hpoa.getFileName(), total, cases.size(), reasons, heldOut.json(), heldOutLpo.json(), tuned.json(), tunedLpo.json(), median, p95, loadMs, heapMb);
	}

	/** Grid search on the tuning cohorts only, scored by leave-publication-out mean reciprocal rank. */
	private static void tune(HpoData data, List<Case> cases) {
		System.out.printf("tuning on %d cases%n", cases.size());
		for (DifferentialDiagnosis.Blend blend : DifferentialDiagnosis.Blend.values()) {
			for (double inexact : new double[] { 0.5, 1.0 }) {
				for (double unrelated : new double[] { 0.1, 0.3 }) {
					for (double excludedFloor : new double[] { 0.05, 0.2, 0.5 }) {
						for (double weight : new double[] { 0.0, 0.25, 0.5, 0.75 }) {
							DifferentialDiagnosis.Settings settings = new DifferentialDiagnosis.Settings(inexact, unrelated, excludedFloor, weight, blend);
							DifferentialDiagnosis engine = new DifferentialDiagnosis(data, settings);
							Tally lpo = new Tally();
							for (Case c : cases) {
								lpo.add(engine.rankLeavingOut(query(c), c.gold(), c.pmids()).rankOf(c.gold()));
							}
							System.out.printf(Locale.ROOT, "%s -> LPO %s%n", settings, lpo.json());
						}
					}
				}
			}
		}
	}

	static PhenotypeQuery query(Case c) {
		return new PhenotypeQuery(c.observed(), c.excluded());
	}

	static Case read(ObjectMapper json, HpoData data, String cohort, Path file) throws IOException {
		JsonNode root = json.readTree(file.toFile());
		String gold = null;
		for (JsonNode interpretation : root.path("interpretations")) {
			String id = interpretation.path("diagnosis").path("disease").path("id").asText(null);
			if (id != null && id.startsWith("OMIM:")) {
				gold = id;
				break;
			}
		}
		if (gold == null) {
			for (JsonNode disease : root.path("diseases")) {
				String id = disease.path("term").path("id").asText(null);
				if (id != null && id.startsWith("OMIM:")) {
					gold = id;
					break;
				}
			}
		}
		List<String> observed = new ArrayList<>();
		List<String> excluded = new ArrayList<>();
		int dropped = 0;
		for (JsonNode feature : root.path("phenotypicFeatures")) {
			String id = feature.path("type").path("id").asText();
			if (!data.isPhenotypicAbnormality(id)) {
				dropped++;
				continue;
			}
			(feature.path("excluded").asBoolean(false) ? excluded : observed).add(id);
		}
		Set<String> pmids = new LinkedHashSet<>();
		for (JsonNode ref : root.path("metaData").path("externalReferences")) {
			String id = ref.path("id").asText("");
			if (id.startsWith("PMID:")) {
				pmids.add(id);
			}
		}
		return new Case(cohort, file.getFileName().toString(), gold, observed, excluded, pmids, dropped);
	}

}
