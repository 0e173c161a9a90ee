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
 * Ranks every phenopacket of {@code ../shared/data/phenopackets/<cohort>/*.json} (GA4GH Phenopacket v2, one
 * OMIM diagnosis each) and prints accuracy and timing. A separate program, never part of the build.
 * <p>
 * Protocol: candidates are the OMIM diseases with phenotypic-abnormality annotations; a case is
 * <em>unrankable</em> when its OMIM disease is no candidate or it has no observed phenotypic-abnormality
 * term. The gold's rank is 1 + the candidates scoring strictly higher + half the other candidates scoring the
 * same; top-k means rank &le; k; MRR is the mean of 1/rank over the ranked cases. {@code full} ranks against
 * the annotations as released; {@code lpo} (leave-publication-out) first removes the gold disease's annotation
 * lines that cite one of the case's PMIDs ({@code metaData.externalReferences}), everything else staying as
 * computed from the full file, and a gold left without positive annotation counts as the last rank.
 * <p>
 * Each OMIM candidate carries the annotation lines of its exact-match Orphanet disease as well (through the Mondo
 * crosswalks in {@code ../shared/data/mondo}, {@link HpoData#load(Path, Path, MondoCrosswalk)}); those lines cite
 * {@code ORPHA:} codes, not the case's publication, so lpo keeps them. The candidates linked to one gene in
 * {@code ../shared/data/hpo/genes_to_disease.txt.gz} form families ({@link DiseaseFamilies}); lpo removes the lines
 * citing the case's publications from the gold's family members as well, since their scores lift the gold
 * ({@link DifferentialDiagnosis#rankLeavingOut}).
 * {@code --no-orphanet} ranks without the Orphanet lines and without families.
 * <p>
 * Every case is also ranked by <em>plain Resnik</em>, the baseline of the Phenomizer (Köhler et al., AJHG 2009,
 * doi:10.1016/j.ajhg.2009.09.003): the information content of the most informative common ancestor, averaged over the
 * patient's observed terms (patient-to-disease best-match average), no frequencies, no excluded terms; the same
 * candidates, annotation lines, tie rule and lpo rule as the product. It is printed beside the product per split, the
 * cohorts where the product's MRR is lower are listed ({@code behind ...} lines), and the JSON line carries it as
 * {@code "resnik":{"full":{...},"lpo":{...}}}.
 * <p>
 * Cohorts (gene folders) are split by alphabetical position: every fifth (0th, 5th, ...) is a <em>tuning</em>
 * cohort, on which the default settings were chosen ({@code tune} mode, {@link CrossValidatedTuning}: cross-validated over
 * those cohorts only); the others are <em>held out</em>.
 * <p>
 * The shown probability ({@link RankedDisease#postTestProbability()}) is measured under lpo on the held-out cohorts
 * ({@link Calibration}): a reliability table of the top candidate's probability, the expected calibration error and
 * the Brier score over ranks 1-10 against a baseline giving each rank its hit rate on the tuning cohorts.
 * <p>
 * {@code recommend} runs {@link RecommenderSimulation} instead; {@code --losses COHORT,...} prints, per gold disease of
 * those cohorts, which disease ranks first when the gold does not.
 * <p>
 * Run: {@code bench/ddx.sh [tune|recommend] [--annotations FILE] [--cases DIR] [--per-cohort N] [--sample N] [--folds N] [--seed N] [--losses COHORT,...] [--no-orphanet]};
 * {@code --sample N} takes N cases per cohort chosen with the seed (quick runs). The last line is one
 * JSON object: {@code {"cases":N,"unrankable":N,"ranked":N,"full":{...},"lpo":{...},"resnik":{"full":{...},"lpo":{...}},"calibration_lpo_held_out":{...},"median_ms":X,"load_s":X,"heap_mb":X}}.
 * {@code median_ms} is the CPU time of the ranking thread for one full {@link DifferentialDiagnosis#rank} (all
 * candidates, top 50 explained), so a machine shared with other jobs does not inflate it; the wall-clock median
 * is printed on the line before.
 */
public final class DdxBenchmark {

	static final String USAGE = "Usage: bench/ddx.sh [tune|recommend] [--annotations FILE] [--cases DIR] [--per-cohort N] [--sample N] [--folds N] [--seed N] [--losses COHORT,...] [--no-orphanet]";

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

		void add(double rank) {
			cases++;
			top1 += rank <= 1 ? 1 : 0;
			top3 += rank <= 3 ? 1 : 0;
			top10 += rank <= 10 ? 1 : 0;
			reciprocal += 1.0 / rank;
		}

		String json() {
			return String.format(Locale.ROOT, "{\"top1\":%.4f,\"top3\":%.4f,\"top10\":%.4f,\"mrr\":%.4f}", share(top1), share(top3), share(top10), mrr());
		}

		double mrr() {
			return cases == 0 ? 0 : reciprocal / cases;
		}

		double share(int n) {
			return cases == 0 ? 0 : (double) n / cases;
		}

		static Tally[] four() {
			return new Tally[] { new Tally(), new Tally(), new Tally(), new Tally() };
		}

		static void addAll(Tally[] tallies, double[] ranks) {
			for (int i = 0; i < tallies.length; i++) {
				tallies[i].add(ranks[i]);
			}
		}
	}

	public static void main(String[] args) throws IOException {
		Path shared = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));
		Path hpoa = shared.resolve("hpo/phenotype.v2025-05-06.hpoa.gz");
		Path casesDir = shared.resolve("phenopackets");
		int perCohort = Integer.MAX_VALUE;
		int sample = 0;
		int folds = 5;
		long seed = 13;
		boolean tune = false;
		boolean recommend = false;
		Set<String> lossCohorts = Set.of();
		boolean orphanet = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--annotations" -> hpoa = Path.of(args[++i]);
				case "--cases" -> casesDir = Path.of(args[++i]);
				case "--per-cohort" -> perCohort = Integer.parseInt(args[++i]);
				case "--sample" -> sample = Integer.parseInt(args[++i]);
				case "--folds" -> folds = Integer.parseInt(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--losses" -> lossCohorts = Set.of(args[++i].split(","));
				case "tune" -> tune = true;
				case "recommend" -> recommend = true;
				case "all" -> tune = false;
				case "--no-orphanet" -> orphanet = false;
				default -> throw new IllegalArgumentException(USAGE + "; unknown: " + args[i]);
			}
		}

		System.gc();
		long t0 = System.nanoTime();
		Path ontology = shared.resolve("hpo/hp.v2025-05-06.json.gz");
		HpoData data = orphanet ? HpoData.load(ontology, hpoa, MondoCrosswalk.load(shared.resolve("mondo")), shared.resolve("hpo/genes_to_disease.txt.gz")) : HpoData.load(ontology, hpoa);
		double loadSeconds = (System.nanoTime() - t0) / 1e9;
		System.gc();
		Runtime rt = Runtime.getRuntime();
		long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
		System.out.printf(Locale.ROOT, "loaded %s: %d candidates in %.1f s, heap after load %d MB%n", data.release(), data.candidateCount(), loadSeconds, heapMb);

		List<String> cohorts;
		try (Stream<Path> s = Files.list(casesDir)) {
			cohorts = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
		}
		Set<String> tuning = tuningCohorts(cohorts);
		List<Case> cases = new ArrayList<>();
		Map<String, Integer> unrankable = new TreeMap<>();
		int total = 0;
		ObjectMapper json = new ObjectMapper();
		for (String cohort : cohorts) {
			List<Path> files;
			try (Stream<Path> s = Files.list(casesDir.resolve(cohort))) {
				files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
			}
			if (sample > 0) {
				java.util.Collections.shuffle(files, new java.util.Random(seed * 31 + cohort.hashCode()));
				files = files.subList(0, Math.min(sample, files.size())).stream().sorted().toList();
			}
			files = files.subList(0, Math.min(perCohort, files.size()));
			for (Path file : files) {
				total++;
				Case c = read(json, data, cohort, file);
				String reason = unrankableReason(data, c);
				if (reason != null) {
					unrankable.merge(reason, 1, Integer::sum);
				}
				else {
					cases.add(c);
				}
			}
		}
		int unrankableCount = unrankable.values().stream().mapToInt(Integer::intValue).sum();
		System.out.printf("%d cases, %d ranked, %d unrankable %s%n", total, cases.size(), unrankableCount, unrankable);

		if (recommend) {
			RecommenderSimulation.run(data, cases, seed, t0);
			return;
		}
		if (tune) {
			List<String> tuningCohorts = cohorts.stream().filter(tuning::contains).toList();
			CrossValidatedTuning.run(data, cases.stream().filter(c -> tuning.contains(c.cohort())).toList(), tuningCohorts, folds, seed, t0);
			return;
		}

		DifferentialDiagnosis engine = new DifferentialDiagnosis(data);
		for (int i = 0; i < Math.min(100, cases.size()); i++) {
			engine.rank(query(cases.get(i))); // warm-up
		}
		Tally full = new Tally();
		Tally lpo = new Tally();
		Tally resnikFull = new Tally();
		Tally resnikLpo = new Tally();
		// per cohort: product full, product lpo, plain Resnik full, plain Resnik lpo
		Map<String, Tally[]> byCohort = new TreeMap<>();
		// per split (tuning, held-out): product full, product lpo, plain Resnik full, plain Resnik lpo
		Tally[][] bySplit = { Tally.four(), Tally.four() };
		long[] times = new long[cases.size()];
		long[] wallTimes = new long[cases.size()];
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		int emptied = 0;
		Map<String, Map<String, Integer>> winners = new TreeMap<>();
		Map<String, int[]> losses = new TreeMap<>();
		List<Calibration.Sample> tuningSamples = new ArrayList<>();
		List<Calibration.Sample> heldOutSamples = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			PhenotypeQuery q = query(c);
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			Ranking ranking = engine.rank(q);
			times[i] = threads.getCurrentThreadCpuTime() - cpuStart;
			wallTimes[i] = System.nanoTime() - start;
			double fullRank = goldRank(ranking, c.gold(), RankedDisease::score);
			double resnikFullRank = goldRank(ranking, c.gold(), RankedDisease::resnikSimilarity);
			if (lossCohorts.contains(c.cohort())) {
				countWinners(ranking, c, winners, losses);
			}
			DifferentialDiagnosis.Scores lpoScores = lpoScores(engine, c);
			double[] lpoRanks = lpoRanks(data, lpoScores, c);
			(tuning.contains(c.cohort()) ? tuningSamples : heldOutSamples).add(Calibration.Sample.of(lpoScores.blended(), data.diseaseIndexOf(c.gold()), c.cohort()));
			emptied += lpoRanks[0] == data.candidateCount() ? 1 : 0;
			double[] ranks = { fullRank, lpoRanks[0], resnikFullRank, lpoRanks[1] };
			full.add(ranks[0]);
			lpo.add(ranks[1]);
			resnikFull.add(ranks[2]);
			resnikLpo.add(ranks[3]);
			Tally.addAll(byCohort.computeIfAbsent(c.cohort(), k -> Tally.four()), ranks);
			Tally.addAll(bySplit[tuning.contains(c.cohort()) ? 0 : 1], ranks);
		}
		Arrays.sort(times);
		Arrays.sort(wallTimes);
		double median = times.length == 0 ? 0 : times[times.length / 2] / 1e6;
		double p95 = times.length == 0 ? 0 : times[(int) Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] / 1e6;
		double wallMedian = wallTimes.length == 0 ? 0 : wallTimes[wallTimes.length / 2] / 1e6;

		System.out.println("cohort cases full_top1 full_top10 lpo_top1 lpo_top10 lpo_mrr");
		List<Double> lpoTop10 = new ArrayList<>();
		byCohort.forEach((cohort, t) -> {
			System.out.printf(Locale.ROOT, "%s%s %d %.2f %.2f %.2f %.2f %.3f%n", cohort, tuning.contains(cohort) ? "*" : "", t[0].cases, t[0].share(t[0].top1),
					t[0].share(t[0].top10), t[1].share(t[1].top1), t[1].share(t[1].top10), t[1].mrr());
			if (t[1].cases >= 5) {
				lpoTop10.add(t[1].share(t[1].top10));
			}
		});
		double[] q = lpoTop10.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (q.length > 0) {
			System.out.printf(Locale.ROOT, "per-cohort lpo top-10 over %d cohorts with >= 5 ranked cases: min %.2f, q1 %.2f, median %.2f, q3 %.2f, max %.2f; %d cohorts at 0%n",
					q.length, q[0], q[q.length / 4], q[q.length / 2], q[3 * q.length / 4], q[q.length - 1], Arrays.stream(q).filter(v -> v == 0).count());
		}
		System.out.println("cohorts where the product is behind plain Resnik (lower MRR, full or lpo): cohort cases full_mrr resnik_full_mrr lpo_mrr resnik_lpo_mrr lpo_top10 resnik_lpo_top10");
		int[] behind = new int[2];
		byCohort.forEach((cohort, t) -> {
			boolean fullBehind = t[0].mrr() < t[2].mrr();
			boolean lpoBehind = t[1].mrr() < t[3].mrr();
			behind[0] += fullBehind ? 1 : 0;
			behind[1] += lpoBehind ? 1 : 0;
			if (fullBehind || lpoBehind) {
				System.out.printf(Locale.ROOT, "behind %s%s %d %.3f %.3f %.3f %.3f %.2f %.2f%n", cohort, tuning.contains(cohort) ? "*" : "", t[0].cases, t[0].mrr(), t[2].mrr(),
						t[1].mrr(), t[3].mrr(), t[1].share(t[1].top10), t[3].share(t[3].top10));
			}
		});
		System.out.printf("product behind plain Resnik in %d of %d cohorts (full MRR) and %d (lpo MRR)%n", behind[0], byCohort.size(), behind[1]);
		winners.forEach((key, counts) -> {
			int[] l = losses.get(key);
			System.out.printf("losses %s: gold top-1 in %d of %d cases; ranked first instead: %s%n", key, l[1] - l[0], l[1],
					counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6).map(e -> e.getKey() + " x" + e.getValue()).toList());
		});
		String[] splitNames = { String.format("tuning cohorts (%d, marked *, %d cases)", tuning.size(), bySplit[0][0].cases),
				String.format("held-out cohorts (%d, %d cases)", cohorts.size() - tuning.size(), bySplit[1][0].cases) };
		for (int split = 0; split < 2; split++) {
			Tally[] t = bySplit[split];
			System.out.printf("%s: full %s lpo %s%n", splitNames[split], t[0].json(), t[1].json());
			System.out.printf("%s, plain Resnik: full %s lpo %s%n", splitNames[split], t[2].json(), t[3].json());
		}
		System.out.printf("all cases, plain Resnik: full %s lpo %s%n", resnikFull.json(), resnikLpo.json());
		ShownProbability shown = engine.settings().shownProbability();
		Calibration.Result calibration = Calibration.evaluate(heldOutSamples, shown, Calibration.hitRateByRank(tuningSamples));
		System.out.printf(Locale.ROOT, "shown probability %s on the held-out cohorts under lpo, per-rank baseline from the tuning cohorts:%n", shown);
		System.out.println(calibration.table());
		System.out.printf(Locale.ROOT,
				"gold left without positive annotation after lpo: %d cases; ranking CPU time of the ranking thread median %.2f ms, p95 %.2f ms (wall clock median %.2f ms on this machine's load); annotations %s%n",
				emptied, median, p95, wallMedian, hpoa.getFileName() + (orphanet ? " with exact-match Orphanet lines" : ""));
		System.out.printf(Locale.ROOT,
				"{\"cases\":%d,\"unrankable\":%d,\"ranked\":%d,\"full\":%s,\"lpo\":%s,\"resnik\":{\"full\":%s,\"lpo\":%s},\"calibration_lpo_held_out\":%s,\"median_ms\":%.2f,\"load_s\":%.1f,\"heap_mb\":%d}%n",
				total, unrankableCount, cases.size(), full.json(), lpo.json(), resnikFull.json(), resnikLpo.json(), calibration.json(), median, loadSeconds, heapMb);
	}

	/** For {@code --losses}: per cohort and gold, which disease ranks first when the gold does not (full annotations). */
	private static void countWinners(Ranking ranking, Case c, Map<String, Map<String, Integer>> winners, Map<String, int[]> losses) {
		RankedDisease gold = ranking.find(c.gold()).orElseThrow();
		String key = c.cohort() + " " + gold.diseaseId() + " " + gold.name();
		int[] l = losses.computeIfAbsent(key, k -> new int[2]);
		l[1]++;
		Map<String, Integer> counts = winners.computeIfAbsent(key, k -> new TreeMap<>());
		if (gold.rank() > 1) {
			l[0]++;
			RankedDisease first = ranking.diseases().get(0);
			counts.merge(first.diseaseId() + " " + first.name(), 1, Integer::sum);
		}
	}

	static Set<String> tuningCohorts(List<String> sortedCohorts) {
		Set<String> tuning = new LinkedHashSet<>();
		for (int i = 0; i < sortedCohorts.size(); i += 5) {
			tuning.add(sortedCohorts.get(i));
		}
		return tuning;
	}

	static String unrankableReason(HpoData data, Case c) {
		return c.gold() == null ? "no OMIM diagnosis"
				: !data.isCandidate(c.gold()) ? "gold disease has no phenotypic-abnormality annotation"
						: c.observed().isEmpty() ? "no observed phenotypic-abnormality term" : null;
	}

	/** 1 + the candidates scoring strictly higher + half the other candidates scoring the same, by the given score. */
	static double goldRank(Ranking ranking, String gold, java.util.function.ToDoubleFunction<RankedDisease> score) {
		List<RankedDisease> all = ranking.diseases();
		double[] scores = new double[all.size()];
		int g = -1;
		for (int i = 0; i < scores.length; i++) {
			scores[i] = score.applyAsDouble(all.get(i));
			g = all.get(i).diseaseId().equals(gold) ? i : g;
		}
		return goldRank(scores, g);
	}

	static double goldRank(double[] scores, int gold) {
		int higher = 0;
		int same = 0;
		for (int d = 0; d < scores.length; d++) {
			if (d != gold) {
				higher += scores[d] > scores[gold] ? 1 : 0;
				same += scores[d] == scores[gold] ? 1 : 0;
			}
		}
		return 1 + higher + same / 2.0;
	}

	/** The scores of every candidate with the gold disease's lines citing the case's publications left out. */
	static DifferentialDiagnosis.Scores lpoScores(DifferentialDiagnosis engine, Case c) {
		return engine.scores(query(c), c.gold(), c.pmids());
	}

	/** Leave-publication-out rank of the gold disease, the last rank when it loses every positive annotation. */
	static double lpoRank(HpoData data, DifferentialDiagnosis engine, Case c) {
		return lpoRanks(data, lpoScores(engine, c), c)[0];
	}

	/**
	 * Leave-publication-out ranks of the gold disease by the product's score and by plain Resnik (the
	 * patient-to-disease best-match average alone, no frequencies, no excluded terms), both the last rank when the
	 * gold loses every positive annotation.
	 */
	static double[] lpoRanks(HpoData data, DifferentialDiagnosis.Scores scores, Case c) {
		int g = data.diseaseIndexOf(c.gold());
		if (data.diseases[g].withoutReferences(c.pmids(), data.ancestorsSorted, new float[data.termIds.length]).closureTerms.length == 0) {
			return new double[] { data.candidateCount(), data.candidateCount() };
		}
		return new double[] { goldRank(scores.blended(), g), goldRank(scores.resnik(), g) };
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
