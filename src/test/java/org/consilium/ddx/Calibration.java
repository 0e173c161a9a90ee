package org.consilium.ddx;

import java.util.List;
import java.util.Locale;

/**
 * Calibration of the shown probability for the benchmark: fitting {@link ShownProbability} (its base, temperature
 * scaling with per-rank offsets, by the negative log-likelihood of the gold disease; then a penalised logistic model per
 * rank with cohort weights) and measuring it.
 * <p>
 * Measures: a reliability table of the top candidate's shown probability in ten bins of width 0.1 against how often the
 * top candidate is the gold disease; the expected calibration error (ECE, the bins' case-weighted mean absolute gap,
 * Naeini, Cooper and Hauskrecht, AAAI 2015); and the Brier score over the ten best ranks (per case the sum over ranks
 * 1..10 of (p - 1 when the gold is at that rank else 0)^2, averaged; Brier, Monthly Weather Review 1950), against a
 * baseline that gives each rank the hit rate that rank had in the fitting cases.
 */
final class Calibration {

	static final int RANKS = 10;

	private static final int HEAD = 500;

	private static final int TAIL_BINS = 100;

	private Calibration() {
	}

	/** One case: the gold's 0-based position in the engine's order (descending score, ties by index) and all scores, descending. */
	record Sample(int goldPosition, float[] scoresDescending, String cohort) {

		static Sample of(double[] scores, int gold) {
			return of(scores, gold, "");
		}

		static Sample of(double[] scores, int gold, String cohort) {
			int position = 0;
			float[] sorted = new float[scores.length];
			for (int d = 0; d < scores.length; d++) {
				if (scores[d] > scores[gold] || (scores[d] == scores[gold] && d < gold)) {
					position++;
				}
				sorted[d] = (float) -scores[d];
			}
			java.util.Arrays.sort(sorted);
			for (int d = 0; d < sorted.length; d++) {
				sorted[d] = -sorted[d];
			}
			return new Sample(position, sorted, cohort);
		}

		/** Shown probabilities by position, the first {@code n}. */
		double[] top(ShownProbability shown, int n) {
			double[] scores = new double[scoresDescending.length];
			int[] order = new int[scores.length];
			for (int i = 0; i < scores.length; i++) {
				scores[i] = scoresDescending[i];
				order[i] = i;
			}
			return java.util.Arrays.copyOf(shown.probabilities(scores, order), n);
		}
	}

	/**
	 * The scale and rank offsets with the lowest mean negative log-likelihood, over the samples, of where the gold is
	 * among the events shown and measured: at rank 1, ..., at rank 10, or below rank 10 (a deep gold does not pull the
	 * fit towards explaining ranks nobody reads). Projected
	 * gradient descent (Adam, Kingma and Ba 2015; the offsets projected onto non-increasing, non-negative values after
	 * each step by pooling adjacent violators). The objective is convex in the parameters.
	 */
	static ShownProbability fit(List<Sample> samples) {
		int k = RANKS;
		// the fit sees each case's best HEAD scores exactly and the rest as TAIL_BINS equal-count bins at their mean
		float[][] values = new float[samples.size()][];
		float[][] weights = new float[samples.size()][];
		for (int c = 0; c < samples.size(); c++) {
			float[] x = samples.get(c).scoresDescending();
			int head = Math.min(HEAD, x.length);
			int bins = Math.min(TAIL_BINS, x.length - head);
			values[c] = new float[head + bins];
			weights[c] = new float[head + bins];
			for (int j = 0; j < head; j++) {
				values[c][j] = x[j];
				weights[c][j] = 1;
			}
			for (int b = 0; b < bins; b++) {
				int from = head + (int) ((long) (x.length - head) * b / bins);
				int to = head + (int) ((long) (x.length - head) * (b + 1) / bins);
				double sum = 0;
				for (int j = from; j < to; j++) {
					sum += x[j];
				}
				values[c][head + b] = (float) (sum / Math.max(to - from, 1));
				weights[c][head + b] = to - from;
			}
		}
		double[] theta = new double[k + 1]; // scale, then offsets
		theta[0] = 1.0;
		double[] m = new double[k + 1];
		double[] v = new double[k + 1];
		double rate = 0.05;
		for (int step = 1; step <= 300; step++) {
			double[] grad = new double[k + 1];
			for (int c = 0; c < samples.size(); c++) {
				float[] x = values[c];
				float[] w = weights[c];
				int gold = samples.get(c).goldPosition();
				double max = Double.NEGATIVE_INFINITY;
				for (int j = 0; j < x.length; j++) {
					max = Math.max(max, theta[0] * x[j] + (j < k ? theta[1 + j] : 0));
				}
				double z = 0;
				double expectedScore = 0;
				double tailZ = 0;
				double tailScore = 0;
				double[] head = new double[k];
				for (int j = 0; j < x.length; j++) {
					double e = w[j] * Math.exp(theta[0] * x[j] + (j < k ? theta[1 + j] : 0) - max);
					z += e;
					expectedScore += e * x[j];
					if (j < k) {
						head[j] = e;
					}
					else {
						tailZ += e;
						tailScore += e * x[j];
					}
				}
				// the events are "gold at rank r" for r = 1..10 and "gold below rank 10"
				boolean inHead = gold < k;
				grad[0] += expectedScore / z - (inHead ? samples.get(c).scoresDescending()[gold] : tailScore / tailZ);
				for (int j = 0; j < k; j++) {
					grad[1 + j] += head[j] / z - (gold == j ? 1 : 0);
				}
			}
			for (int i = 0; i <= k; i++) {
				double g = grad[i] / Math.max(samples.size(), 1);
				m[i] = 0.9 * m[i] + 0.1 * g;
				v[i] = 0.999 * v[i] + 0.001 * g * g;
				double mh = m[i] / (1 - Math.pow(0.9, step));
				double vh = v[i] / (1 - Math.pow(0.999, step));
				theta[i] -= rate * mh / (Math.sqrt(vh) + 1e-8);
			}
			theta[0] = Math.max(theta[0], 1e-3);
			double[] offsets = nonIncreasing(java.util.Arrays.copyOfRange(theta, 1, k + 1));
			for (int j = 0; j < k; j++) {
				theta[1 + j] = Math.max(offsets[j], 0);
			}
		}
		List<Double> offsets = new java.util.ArrayList<>();
		for (int j = 0; j < k; j++) {
			offsets.add(Math.round(theta[1 + j] * 1000) / 1000.0);
		}
		return new ShownProbability(Math.round(theta[0] * 1000) / 1000.0, offsets);
	}

	/** The cohort caps {@code bench/ddx.sh tune} chooses among (cases per cohort at most; 0 for no cap). */
	static final int[] COHORT_CAPS = { 0, 50, 20, 10 };

	/** L2 penalty on the per-rank models' slopes (not the intercepts). */
	static final double PENALTY = 1.0;

	/**
	 * The base ({@link #fit}) with a per-rank logistic model ({@link ShownProbability.Rank}) for each of the ten best
	 * ranks, fitted by penalised maximum likelihood (Newton-Raphson) on the samples; each case weighs 1, or cap / n in
	 * a cohort of n &gt; cap cases, so that a few large cohorts do not set the average.
	 */
	static ShownProbability fitWithRanks(List<Sample> samples, int cohortCap) {
		return fit(samples).withRanks(fitRanks(samples, cohortCap));
	}

	static List<ShownProbability.Rank> fitRanks(List<Sample> samples, int cohortCap) {
		java.util.Map<String, Integer> perCohort = new java.util.HashMap<>();
		for (Sample s : samples) {
			perCohort.merge(s.cohort(), 1, Integer::sum);
		}
		double[] weight = new double[samples.size()];
		for (int c = 0; c < samples.size(); c++) {
			int n = perCohort.get(samples.get(c).cohort());
			weight[c] = cohortCap > 0 && n > cohortCap ? (double) cohortCap / n : 1;
		}
		List<ShownProbability.Rank> ranks = new java.util.ArrayList<>();
		int f = ShownProbability.Rank.FEATURES;
		double[][][] x = new double[RANKS][samples.size()][];
		for (int c = 0; c < samples.size(); c++) {
			double[] descending = descending(samples.get(c), RANKS + 6);
			for (int r = 0; r < RANKS; r++) {
				x[r][c] = ShownProbability.Rank.features(descending, r);
			}
		}
		for (int r = 0; r < RANKS; r++) {
			double[] beta = new double[f];
			for (int iteration = 0; iteration < 50; iteration++) {
				double[] gradient = new double[f];
				double[][] hessian = new double[f][f];
				for (int j = 1; j < f; j++) {
					gradient[j] = PENALTY * beta[j];
					hessian[j][j] = PENALTY;
				}
				for (int c = 0; c < samples.size(); c++) {
					double[] xc = x[r][c];
					double z = 0;
					for (int j = 0; j < f; j++) {
						z += beta[j] * xc[j];
					}
					double p = 1 / (1 + Math.exp(-z));
					double y = samples.get(c).goldPosition() == r ? 1 : 0;
					for (int j = 0; j < f; j++) {
						gradient[j] += weight[c] * (p - y) * xc[j];
						for (int i = 0; i < f; i++) {
							hessian[j][i] += weight[c] * p * (1 - p) * xc[j] * xc[i];
						}
					}
				}
				double[] step = solve(hessian, gradient);
				double size = 0;
				for (int j = 0; j < f; j++) {
					beta[j] -= step[j];
					size = Math.max(size, Math.abs(step[j]));
				}
				if (size < 1e-9) {
					break;
				}
			}
			for (int j = 0; j < f; j++) {
				beta[j] = Math.round(beta[j] * 10000) / 10000.0;
			}
			ranks.add(ShownProbability.Rank.of(beta));
		}
		return ranks;
	}

	private static double[] descending(Sample s, int n) {
		double[] d = new double[Math.min(n, s.scoresDescending().length)];
		for (int i = 0; i < d.length; i++) {
			d[i] = s.scoresDescending()[i];
		}
		return d;
	}

	/** Gaussian elimination with partial pivoting (the systems are 5 x 5 and positive definite). */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
			m[i][i] += 1e-9;
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
					pivot = row;
				}
			}
			double[] t = m[col];
			m[col] = m[pivot];
			m[pivot] = t;
			for (int row = col + 1; row < n; row++) {
				double factor = m[row][col] / m[col][col];
				for (int k = col; k <= n; k++) {
					m[row][k] -= factor * m[col][k];
				}
			}
		}
		double[] out = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double sum = m[i][n];
			for (int k = i + 1; k < n; k++) {
				sum -= m[i][k] * out[k];
			}
			out[i] = sum / m[i][i];
		}
		return out;
	}

	/** The closest non-increasing sequence in least squares (pool adjacent violators). */
	static double[] nonIncreasing(double[] values) {
		int n = values.length;
		double[] level = new double[n];
		int[] size = new int[n];
		int blocks = 0;
		for (double value : values) {
			level[blocks] = value;
			size[blocks] = 1;
			blocks++;
			while (blocks > 1 && level[blocks - 2] < level[blocks - 1]) {
				double merged = (level[blocks - 2] * size[blocks - 2] + level[blocks - 1] * size[blocks - 1]) / (size[blocks - 2] + size[blocks - 1]);
				size[blocks - 2] += size[blocks - 1];
				level[blocks - 2] = merged;
				blocks--;
			}
		}
		double[] out = new double[n];
		int i = 0;
		for (int b = 0; b < blocks; b++) {
			for (int j = 0; j < size[b]; j++) {
				out[i++] = level[b];
			}
		}
		return out;
	}

	/** Hit rate of each of the ten best ranks over the samples (the baseline's forecasts). */
	static double[] hitRateByRank(List<Sample> samples) {
		double[] rate = new double[RANKS];
		for (Sample s : samples) {
			if (s.goldPosition() < RANKS) {
				rate[s.goldPosition()]++;
			}
		}
		for (int r = 0; r < RANKS; r++) {
			rate[r] = samples.isEmpty() ? 0 : rate[r] / samples.size();
		}
		return rate;
	}

	/** The evaluation of one scale on some samples, with the baseline's rates from other samples. */
	record Result(int cases, double ece, double brier, double baselineBrier, double topBrier, double baselineTopBrier, double meanTop, double topHitRate,
			int[] binCases, double[] binMeanShown, double[] binObserved) {

		String json() {
			return String.format(Locale.ROOT, "{\"ece\":%.4f,\"brier\":%.4f,\"baseline_brier\":%.4f,\"top1_brier\":%.4f,\"baseline_top1_brier\":%.4f}", ece, brier,
					baselineBrier, topBrier, baselineTopBrier);
		}

		String table() {
			StringBuilder b = new StringBuilder("reliability of the top candidate's shown probability: bin cases mean_shown observed\n");
			for (int i = 0; i < binCases.length; i++) {
				b.append(String.format(Locale.ROOT, "  %.1f-%.1f %d %s %s%n", i / 10.0, (i + 1) / 10.0, binCases[i], binCases[i] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", binMeanShown[i]),
						binCases[i] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", binObserved[i])));
			}
			b.append(String.format(Locale.ROOT,
					"  %d cases: mean shown %.3f, top-1 observed %.3f; ECE %.2f points; Brier over ranks 1-10 %.4f (per-rank hit-rate baseline %.4f), top-1 Brier %.4f (baseline %.4f)",
					cases, meanTop, topHitRate, 100 * ece, brier, baselineBrier, topBrier, baselineTopBrier));
			return b.toString();
		}
	}

	static Result evaluate(List<Sample> samples, ShownProbability shown, double[] baselineRates) {
		int bins = 10;
		int[] binCases = new int[bins];
		double[] binShown = new double[bins];
		double[] observed = new double[bins];
		double brier = 0;
		double baseline = 0;
		double topBrier = 0;
		double baselineTop = 0;
		double meanTop = 0;
		int hits = 0;
		for (Sample s : samples) {
			double[] p = s.top(shown, RANKS);
			for (int r = 0; r < p.length; r++) {
				double hit = s.goldPosition() == r ? 1 : 0;
				brier += (p[r] - hit) * (p[r] - hit);
				baseline += (baselineRates[r] - hit) * (baselineRates[r] - hit);
			}
			double hit = s.goldPosition() == 0 ? 1 : 0;
			topBrier += (p[0] - hit) * (p[0] - hit);
			baselineTop += (baselineRates[0] - hit) * (baselineRates[0] - hit);
			int bin = Math.min(bins - 1, (int) (p[0] * bins));
			binCases[bin]++;
			binShown[bin] += p[0];
			observed[bin] += hit;
			meanTop += p[0];
			hits += (int) hit;
		}
		int n = samples.size();
		double ece = 0;
		for (int i = 0; i < bins; i++) {
			if (binCases[i] > 0) {
				ece += Math.abs(binShown[i] - observed[i]) / Math.max(n, 1);
				binShown[i] /= binCases[i];
				observed[i] /= binCases[i];
			}
		}
		double d = Math.max(n, 1);
		return new Result(n, ece, brier / d, baseline / d, topBrier / d, baselineTop / d, meanTop / d, hits / d, binCases, binShown, observed);
	}
}
