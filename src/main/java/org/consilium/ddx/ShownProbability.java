package org.consilium.ddx;

import java.util.List;

/**
 * How the ranking score becomes the probability shown beside each candidate. Two parts:
 * <ol>
 * <li><b>The base</b>, a softmax over all candidates of the score times a scale plus an offset for each of the first
 * ranks, P(rank r) = exp(&beta; s<sub>r</sub> + &gamma;<sub>r</sub>) / &Sigma;<sub>j</sub> exp(&beta; s<sub>j</sub> +
 * &gamma;<sub>j</sub>), with &gamma;<sub>j</sub> = 0 beyond the listed offsets: temperature scaling (Guo C, Pleiss G,
 * Sun Y, Weinberger KQ. On calibration of modern neural networks. ICML 2017) with per-rank intercepts, i.e. a
 * conditional logit (McFadden 1974) over the candidates with the score and the rank as features. Alone it looks only
 * at the scores, not at how far ahead the leading candidates are, and on cohorts it was not fitted on it showed the top
 * candidate about 22 % while it was right in 13 %.</li>
 * <li><b>Per-rank calibration</b> ({@link Rank}), when given, replaces the base for the first ranks: for rank r a
 * logistic regression of "the disease at rank r is the diagnosis" on the candidate's score and on the gaps that say
 * how clearly it stands out (to the next rank, to the first, to five ranks below), after Platt scaling (Platt, Advances
 * in Large Margin Classifiers 1999) and its use of the margin of a multi-class ranker (Zadrozny and Elkan, KDD 2002).
 * The probabilities are then made non-increasing over the ranks (each at most the one above: p<sub>r</sub> = min over
 * j &le; r of the fitted p<sub>j</sub>); what is left of 1 is spread over the remaining candidates in the proportions of
 * the base, none above the last calibrated rank (water-filling); finally all are scaled to sum 1 (down when the
 * calibrated ranks alone exceed 1, up when few remaining candidates cannot hold the rest).</li>
 * </ol>
 * Either way the probability never rises with the rank, and the probabilities of a ranking sum to 1 (the patient is
 * taken to have one of the candidates). The per-rank models are fitted on the benchmark's tuning cohorts only under
 * leave-publication-out, each cohort weighing at most a number of cases chosen by cross-validation
 * ({@code bench/ddx.sh tune}), and measured on the held-out cohorts ({@code bench/ddx.sh}); implemented from those
 * descriptions.
 *
 * @param scale the base's &beta;, per unit of the ranking score (&gt; 0)
 * @param rankOffsets the base's &gamma;<sub>1</sub>, &gamma;<sub>2</sub>, ... in natural-log units for ranks 1, 2,
 *        ... (at most {@value #MAX_OFFSETS}; non-increasing, each &ge; 0)
 * @param ranks the per-rank calibration of ranks 1, 2, ... (at most {@value #MAX_OFFSETS}; empty: the base alone)
 */
public record ShownProbability(double scale, List<Double> rankOffsets, List<Rank> ranks) {

	/** The most ranks that carry their own offset or calibration. */
	public static final int MAX_OFFSETS = 10;

	/**
	 * Fitted by {@code bench/ddx.sh tune} (6 December 2026) on all 1,779 tuning cases ranked by
	 * {@link DifferentialDiagnosis.Settings#DEFAULT}'s scoring (with the gene families) under leave-publication-out, each
	 * cohort weighing at most 10 cases (the cap with the lowest Brier score over the five held-out folds among none, 50,
	 * 20 and 10; before the gene families the same run chose 20). Refit it
	 * with that command whenever the scoring changes: it prints this constant.
	 */
	public static final ShownProbability FITTED = new ShownProbability(1.429, List.of(3.535, 2.8, 2.795, 2.699, 2.592, 1.987, 1.891, 1.891, 1.891, 1.34), List.of(
			new ShownProbability.Rank(-1.4727, -0.3877, -1.0827, 0.0, 1.9931),
			new ShownProbability.Rank(-3.9614, 0.1328, -0.3372, 0.2108, 0.8048),
			new ShownProbability.Rank(-4.4806, 0.3452, 0.0617, -0.5846, 0.3097),
			new ShownProbability.Rank(-3.9813, 0.0747, 0.0579, 0.1426, 0.0474),
			new ShownProbability.Rank(-3.855, 0.1473, -0.0378, -0.2054, -0.2882),
			new ShownProbability.Rank(-3.9584, -0.0029, 0.0425, -0.224, 0.1193),
			new ShownProbability.Rank(-5.9633, 0.258, 0.0022, -0.394, -0.0128),
			new ShownProbability.Rank(-7.9189, 1.0003, 0.0914, -0.5297, 0.2311),
			new ShownProbability.Rank(-6.9311, 0.6774, -0.0398, -0.4774, 0.0125),
			new ShownProbability.Rank(-6.611, 0.3765, 0.0246, -0.2759, 0.1729)));

	/** A plain softmax of the score (scale 1, no offsets, no per-rank calibration). */
	public static final ShownProbability PLAIN = new ShownProbability(1.0, List.of());

	/**
	 * The logistic model of one rank: logit P(the candidate at rank r is the diagnosis) = intercept + perScore &middot;
	 * s<sub>r</sub> + perGapToNext &middot; (s<sub>r</sub> - s<sub>r+1</sub>) + perGapFromTop &middot; (s<sub>1</sub> -
	 * s<sub>r</sub>) + perGapToFifthBelow &middot; (s<sub>r</sub> - s<sub>r+5</sub>), with s the ranking scores in
	 * descending order (an index past the last candidate takes the last one's score). Coefficients per unit of the
	 * ranking score, in natural-log odds.
	 */
	public record Rank(double intercept, double perScore, double perGapToNext, double perGapFromTop, double perGapToFifthBelow) {

		/** The number of coefficients, in the order of {@link #of(double[])}. */
		static final int FEATURES = 5;

		public Rank {
			for (double c : new double[] { intercept, perScore, perGapToNext, perGapFromTop, perGapToFifthBelow }) {
				if (!Double.isFinite(c)) {
					throw new IllegalArgumentException("Rank calibration coefficients must be finite: " + intercept + ", " + perScore + ", " + perGapToNext + ", "
							+ perGapFromTop + ", " + perGapToFifthBelow);
				}
			}
		}

		static Rank of(double[] c) {
			return new Rank(c[0], c[1], c[2], c[3], c[4]);
		}

		/** The features of position {@code r} (0-based) of the descending scores: 1, score, gap to next, gap from top, gap to fifth below. */
		static double[] features(double[] descending, int r) {
			int last = descending.length - 1;
			double s = descending[r];
			return new double[] { 1, s, s - descending[Math.min(r + 1, last)], descending[0] - s, s - descending[Math.min(r + 5, last)] };
		}

		double probability(double[] descending, int r) {
			double[] x = features(descending, r);
			double z = intercept * x[0] + perScore * x[1] + perGapToNext * x[2] + perGapFromTop * x[3] + perGapToFifthBelow * x[4];
			return 1 / (1 + Math.exp(-z));
		}
	}

	/**
	 * @throws IllegalArgumentException when the scale is not positive and finite, or the offsets are too many,
	 *         negative, or rise with the rank, or there are more than {@value #MAX_OFFSETS} per-rank models
	 */
	public ShownProbability {
		rankOffsets = List.copyOf(rankOffsets);
		ranks = List.copyOf(ranks);
		if (!(scale > 0 && scale < 1000) || rankOffsets.size() > MAX_OFFSETS || ranks.size() > MAX_OFFSETS) {
			throw new IllegalArgumentException("Shown probability out of range: scale " + scale + ", " + rankOffsets.size() + " offsets, " + ranks.size() + " rank models");
		}
		for (int r = 0; r < rankOffsets.size(); r++) {
			double o = rankOffsets.get(r);
			if (!(o >= 0 && o < 100) || (r > 0 && o > rankOffsets.get(r - 1))) {
				throw new IllegalArgumentException("Rank offsets must be at least 0 and never rise with the rank: " + rankOffsets);
			}
		}
	}

	/** The base alone, without per-rank calibration. */
	public ShownProbability(double scale, List<Double> rankOffsets) {
		this(scale, rankOffsets, List.of());
	}

	/** The same base with these per-rank models. */
	public ShownProbability withRanks(List<Rank> perRank) {
		return new ShownProbability(scale, rankOffsets, perRank);
	}

	/**
	 * The shown probability of every candidate.
	 *
	 * @param scores the ranking scores, indexed by candidate
	 * @param order candidate indices best first (descending score)
	 * @return probabilities indexed like {@code scores}, summing to 1 and never rising along {@code order}
	 */
	double[] probabilities(double[] scores, int[] order) {
		double[] base = base(scores, order);
		int k = Math.min(ranks.size(), order.length);
		if (k == 0) {
			return base;
		}
		double[] descending = new double[order.length];
		for (int r = 0; r < order.length; r++) {
			descending[r] = scores[order[r]];
		}
		double[] p = new double[order.length];
		double head = 0;
		for (int r = 0; r < k; r++) {
			p[r] = ranks.get(r).probability(descending, r);
			if (r > 0) {
				p[r] = Math.min(p[r], p[r - 1]);
			}
			head += p[r];
		}
		double[] tail = new double[order.length - k];
		for (int r = k; r < order.length; r++) {
			tail[r - k] = base[order[r]];
		}
		double[] filled = waterFill(tail, 1 - head, p[k - 1]);
		double sum = head;
		for (int j = 0; j < filled.length; j++) {
			p[k + j] = filled[j];
			sum += filled[j];
		}
		double[] shown = new double[scores.length];
		for (int r = 0; r < order.length; r++) {
			shown[order[r]] = sum > 0 ? p[r] / sum : 1.0 / order.length;
		}
		return shown;
	}

	private double[] base(double[] scores, int[] order) {
		double[] logits = new double[scores.length];
		double max = Double.NEGATIVE_INFINITY;
		for (int r = 0; r < order.length; r++) {
			int d = order[r];
			logits[d] = scale * scores[d] + (r < rankOffsets.size() ? rankOffsets.get(r) : 0);
			max = Math.max(max, logits[d]);
		}
		double sum = 0;
		for (int d = 0; d < logits.length; d++) {
			logits[d] = Math.exp(logits[d] - max);
			sum += logits[d];
		}
		for (int d = 0; d < logits.length; d++) {
			logits[d] /= sum;
		}
		return logits;
	}

	/**
	 * Shares {@code mass} in proportion to the non-increasing weights, none above {@code cap}: the first m get the cap
	 * and the rest c &middot; weight, with the smallest m for which that fits. All at the cap when even that cannot hold
	 * the mass.
	 */
	static double[] waterFill(double[] weights, double mass, double cap) {
		int n = weights.length;
		double[] out = new double[n];
		if (n == 0 || mass <= 0) {
			return out;
		}
		double[] suffix = new double[n + 1];
		for (int j = n - 1; j >= 0; j--) {
			suffix[j] = suffix[j + 1] + weights[j];
		}
		for (int m = 0; m < n; m++) {
			double rest = mass - m * cap;
			if (rest <= 0) {
				break;
			}
			double c = suffix[m] > 0 ? rest / suffix[m] : Double.POSITIVE_INFINITY;
			if (c * weights[m] <= cap) {
				for (int j = 0; j < n; j++) {
					out[j] = j < m ? cap : c * weights[j];
				}
				return out;
			}
		}
		java.util.Arrays.fill(out, Math.min(cap, mass / n));
		return out;
	}
}
