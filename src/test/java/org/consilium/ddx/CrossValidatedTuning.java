package org.consilium.ddx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.consilium.ddx.DdxBenchmark.Case;
import org.consilium.ddx.DdxBenchmark.Tally;
import org.consilium.ddx.DifferentialDiagnosis.Blend;
import org.consilium.ddx.DifferentialDiagnosis.Settings;

/**
 * {@code bench/ddx.sh tune}: chooses the settings by k-fold cross-validation over the tuning cohorts only (every fifth
 * cohort, {@link DdxBenchmark#tuningCohorts}); the held-out cohorts are never read here.
 * <p>
 * The tuning cohorts are shuffled with a fixed seed and dealt into k folds, so a fold never splits a cohort. Every
 * setting of a grid around {@link Settings#DEFAULT} ranks every case once (full and leave-publication-out); for each
 * fold the setting with the best lpo MRR on the other folds is chosen and its figures on the fold itself are kept, and
 * the shown probability is fitted on the other folds' lpo rankings ({@link Calibration#fitWithRanks}, once per cohort
 * cap of {@link Calibration#COHORT_CAPS}) and measured on the fold; the cap with the lowest mean Brier over the folds is
 * kept. Prints the held-out folds' mean and spread (sample standard deviation), the choice over all tuning cohorts
 * (what {@link Settings#DEFAULT} should be), the shown probability fitted on all tuning cases for the scores of
 * {@link Settings#DEFAULT} as Java source ({@link ShownProbability#FITTED}), its runtime, and as its last line one JSON
 * object.
 */
final class CrossValidatedTuning {

	private CrossValidatedTuning() {
	}

	/** The grid: the defaults and one setting changed at a time (family weight and damping of excluded terms too). */
	static List<Settings> grid() {
		Settings d = Settings.DEFAULT;
		List<Settings> grid = new ArrayList<>(List.of(d));
		for (double inexact : java.util.stream.DoubleStream.of(0.25, 0.5, 1.0).filter(v -> v != d.inexactMatchFactor()).toArray()) {
			grid.add(new Settings(inexact, d.unrelatedTermRatio(), d.excludedTermFloor(), d.likelihoodWeight(), d.blend(), d.reverseWeight()).withFamilies(d.familyWeight(), d.excludedTermsDamped()));
		}
		for (double unrelated : new double[] { 0.02, 0.3 }) {
			grid.add(new Settings(d.inexactMatchFactor(), unrelated, d.excludedTermFloor(), d.likelihoodWeight(), d.blend(), d.reverseWeight()).withFamilies(d.familyWeight(), d.excludedTermsDamped()));
		}
		for (double excludedFloor : new double[] { 0.5, 0.95 }) {
			grid.add(new Settings(d.inexactMatchFactor(), d.unrelatedTermRatio(), excludedFloor, d.likelihoodWeight(), d.blend(), d.reverseWeight()).withFamilies(d.familyWeight(), d.excludedTermsDamped()));
		}
		for (double weight : new double[] { 0.1, 0.4 }) {
			grid.add(new Settings(d.inexactMatchFactor(), d.unrelatedTermRatio(), d.excludedTermFloor(), weight, d.blend(), d.reverseWeight()).withFamilies(d.familyWeight(), d.excludedTermsDamped()));
		}
		for (double reverse : new double[] { 0.1, 0.3 }) {
			grid.add(new Settings(d.inexactMatchFactor(), d.unrelatedTermRatio(), d.excludedTermFloor(), d.likelihoodWeight(), d.blend(), reverse).withFamilies(d.familyWeight(), d.excludedTermsDamped()));
		}
		grid.add(new Settings(d.inexactMatchFactor(), d.unrelatedTermRatio(), d.excludedTermFloor(), d.likelihoodWeight(), Blend.RANKS, d.reverseWeight()).withFamilies(d.familyWeight(), d.excludedTermsDamped()));
		for (double family : java.util.stream.DoubleStream.of(0.0, 0.5, 0.7, 0.85).filter(v -> v != d.familyWeight()).toArray()) {
			grid.add(d.withFamilies(family, d.excludedTermsDamped()));
		}
		grid.add(d.withFamilies(d.familyWeight(), !d.excludedTermsDamped()));
		return grid;
	}

	static void run(HpoData data, List<Case> cases, List<String> cohorts, int folds, long seed, long startNanos) {
		List<String> shuffled = new ArrayList<>(cohorts);
		Collections.shuffle(shuffled, new Random(seed));
		Map<String, Integer> foldOf = new HashMap<>();
		for (int i = 0; i < shuffled.size(); i++) {
			foldOf.put(shuffled.get(i), i % folds);
		}
		int[] fold = cases.stream().mapToInt(c -> foldOf.get(c.cohort())).toArray();
		System.out.printf("cross-validation over %d tuning cohorts (%d cases), %d folds, seed %d%n", cohorts.size(), cases.size(), folds, seed);

		List<Settings> grid = grid();
		// per setting, per case: full rank, lpo rank
		double[][][] ranks = new double[grid.size()][cases.size()][];
		for (int g = 0; g < grid.size(); g++) {
			DifferentialDiagnosis engine = new DifferentialDiagnosis(data, grid.get(g));
			Tally lpo = new Tally();
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get(i);
				double full = DdxBenchmark.goldRank(engine.scores(DdxBenchmark.query(c), null, null).blended(), data.diseaseIndexOf(c.gold()));
				double leftOut = DdxBenchmark.lpoRank(data, engine, c);
				ranks[g][i] = new double[] { full, leftOut };
				lpo.add(leftOut);
			}
			System.out.printf(Locale.ROOT, "%s -> all tuning cases lpo %s (%.0f s)%n", grid.get(g), lpo.json(), (System.nanoTime() - startNanos) / 1e9);
		}

		Map<Integer, List<Calibration.Sample>> samplesBySetting = new LinkedHashMap<>();
		Tally[][] heldOut = new Tally[folds][];
		int[] caps = Calibration.COHORT_CAPS;
		Calibration.Result[][] calibrationByCap = new Calibration.Result[caps.length][folds];
		ShownProbability[][] fittedByCap = new ShownProbability[caps.length][folds];
		String[] chosenSettings = new String[folds];
		for (int k = 0; k < folds; k++) {
			int best = bestSetting(ranks, fold, k, false);
			chosenSettings[k] = grid.get(best).toString();
			heldOut[k] = new Tally[] { new Tally(), new Tally() };
			for (int i = 0; i < cases.size(); i++) {
				if (fold[i] == k) {
					heldOut[k][0].add(ranks[best][i][0]);
					heldOut[k][1].add(ranks[best][i][1]);
				}
			}
			List<Calibration.Sample> samples = samplesBySetting.computeIfAbsent(best, g -> samples(data, grid.get(g), cases));
			List<Calibration.Sample> train = new ArrayList<>();
			List<Calibration.Sample> test = new ArrayList<>();
			for (int i = 0; i < cases.size(); i++) {
				(fold[i] == k ? test : train).add(samples.get(i));
			}
			ShownProbability base = Calibration.fit(train);
			double[] rates = Calibration.hitRateByRank(train);
			for (int c = 0; c < caps.length; c++) {
				fittedByCap[c][k] = base.withRanks(Calibration.fitRanks(train, caps[c]));
				calibrationByCap[c][k] = Calibration.evaluate(test, fittedByCap[c][k], rates);
				System.out.printf(Locale.ROOT, "fold %d, cohort cap %d: calibration %s%n", k, caps[c], calibrationByCap[c][k].json());
			}
		}
		// the cohort cap of the per-rank calibration: the lowest mean Brier over the held-out folds
		int cap = 0;
		for (int c = 1; c < caps.length; c++) {
			if (meanBrier(calibrationByCap[c]) < meanBrier(calibrationByCap[cap])) {
				cap = c;
			}
		}
		Calibration.Result[] calibration = calibrationByCap[cap];
		System.out.printf(Locale.ROOT, "cohort cap of the shown probability's fit, by mean held-out-fold Brier: %d (%s)%n", caps[cap],
				java.util.stream.IntStream.range(0, caps.length).mapToObj(c -> String.format(Locale.ROOT, "%d: %.4f", caps[c], meanBrier(calibrationByCap[c]))).toList());
		for (int k = 0; k < folds; k++) {
			System.out.printf(Locale.ROOT, "fold %d: %d cases, chosen on the other folds %s; held-out fold full %s lpo %s calibration %s%n", k, heldOut[k][0].cases,
					chosenSettings[k], heldOut[k][0].json(), heldOut[k][1].json(), calibration[k].json());
		}

		System.out.println("held-out folds, mean (sd) over folds:");
		String[] names = { "full top1", "full top10", "full mrr", "lpo top1", "lpo top3", "lpo top10", "lpo mrr", "ece", "brier", "baseline brier" };
		double[][] values = new double[names.length][folds];
		for (int k = 0; k < folds; k++) {
			Tally f = heldOut[k][0];
			Tally l = heldOut[k][1];
			double[] v = { f.share(f.top1), f.share(f.top10), f.mrr(), l.share(l.top1), l.share(l.top3), l.share(l.top10), l.mrr(), calibration[k].ece(),
					calibration[k].brier(), calibration[k].baselineBrier() };
			for (int m = 0; m < names.length; m++) {
				values[m][k] = v[m];
			}
		}
		StringBuilder json = new StringBuilder();
		for (int m = 0; m < names.length; m++) {
			double mean = mean(values[m]);
			double sd = sd(values[m]);
			System.out.printf(Locale.ROOT, "  %s %.4f (%.4f)%n", names[m], mean, sd);
			json.append(String.format(Locale.ROOT, "%s\"%s\":{\"mean\":%.4f,\"sd\":%.4f}", m == 0 ? "" : ",", names[m].replace(' ', '_'), mean, sd));
		}

		int chosen = bestSetting(ranks, fold, -1, true);
		List<Calibration.Sample> all = samplesBySetting.computeIfAbsent(chosen, g -> samples(data, grid.get(g), cases));
		ShownProbability shown = Calibration.fitWithRanks(all, caps[cap]);
		Calibration.Result inSample = Calibration.evaluate(all, shown, Calibration.hitRateByRank(all));
		System.out.println("in-sample on all tuning cases (lpo), for comparison only:");
		System.out.println(inSample.table());
		Settings ship = grid.get(chosen).withShownProbability(shown);
		double runtime = (System.nanoTime() - startNanos) / 1e9;
		System.out.printf(Locale.ROOT, "chosen on all %d tuning cases: %s; %d settings tried; runtime %.0f s (one core)%n", cases.size(), ship, grid.size(), runtime);
		// the shown probability ships for the scores of the shipped settings, which need not be the grid's choice
		ShownProbability forDefault = chosen == 0 ? shown : Calibration.fitWithRanks(samplesBySetting.computeIfAbsent(0, g -> samples(data, grid.get(g), cases)), caps[cap]);
		System.out.println("the shown probability fitted on all tuning cases ranked by the shipped settings (Settings.DEFAULT's scoring), as its constant:");
		System.out.println(javaConstant(forDefault));
		System.out.printf(Locale.ROOT, "{\"folds\":%d,\"seed\":%d,\"cohorts\":%d,\"cases\":%d,\"settings_tried\":%d,\"shown_probability_cohort_cap\":%d,\"held_out_folds\":{%s},\"chosen\":\"%s\",\"runtime_s\":%.0f}%n",
				folds, seed, cohorts.size(), cases.size(), grid.size(), caps[cap], json, ship, runtime);
	}

	/** The setting with the best lpo MRR over the cases outside fold {@code k} (all cases when k is -1). */
	private static int bestSetting(double[][][] ranks, int[] fold, int k, boolean all) {
		int best = 0;
		double bestMrr = -1;
		for (int g = 0; g < ranks.length; g++) {
			Tally t = new Tally();
			for (int i = 0; i < fold.length; i++) {
				if (all || fold[i] != k) {
					t.add(ranks[g][i][1]);
				}
			}
			if (t.mrr() > bestMrr) {
				bestMrr = t.mrr();
				best = g;
			}
		}
		return best;
	}

	private static List<Calibration.Sample> samples(HpoData data, Settings settings, List<Case> cases) {
		DifferentialDiagnosis engine = new DifferentialDiagnosis(data, settings);
		List<Calibration.Sample> samples = new ArrayList<>(cases.size());
		for (Case c : cases) {
			samples.add(Calibration.Sample.of(DdxBenchmark.lpoScores(engine, c).blended(), data.diseaseIndexOf(c.gold()), c.cohort()));
		}
		return samples;
	}

	private static double meanBrier(Calibration.Result[] results) {
		return java.util.Arrays.stream(results).mapToDouble(Calibration.Result::brier).average().orElse(Double.NaN);
	}

	/** The shown probability as Java source, to paste into {@link Settings#DEFAULT}. */
	static String javaConstant(ShownProbability shown) {
		StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "new ShownProbability(%s, List.of(%s), List.of(%n", shown.scale(),
				String.join(", ", shown.rankOffsets().stream().map(String::valueOf).toList())));
		for (int r = 0; r < shown.ranks().size(); r++) {
			ShownProbability.Rank k = shown.ranks().get(r);
			b.append(String.format(Locale.ROOT, "\t\tnew ShownProbability.Rank(%s, %s, %s, %s, %s)%s%n", k.intercept(), k.perScore(), k.perGapToNext(), k.perGapFromTop(),
					k.perGapToFifthBelow(), r + 1 < shown.ranks().size() ? "," : "))"));
		}
		return b.toString();
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double x : v) {
			s += x;
		}
		return s / v.length;
	}

	private static double sd(double[] v) {
		if (v.length < 2) {
			return 0;
		}
		double m = mean(v);
		double s = 0;
		for (double x : v) {
			s += (x - m) * (x - m);
		}
		return Math.sqrt(s / (v.length - 1));
	}
}
