package org.consilium.ddx;

import java.util.List;

/**
 * How the ranking score becomes the probability shown beside each candidate: a softmax over all candidates of the
 * score times a scale plus an offset for each of the first ranks,
 * P(candidate at rank r) = exp(&beta; s<sub>r</sub> + &gamma;<sub>r</sub>) / &Sigma;<sub>j</sub> exp(&beta; s<sub>j</sub> + &gamma;<sub>j</sub>),
 * with &gamma;<sub>j</sub> = 0 beyond the listed offsets. Scores fall with the rank, &beta; &gt; 0 and the offsets never
 * rise with the rank and are at least 0, so the probability never rises with the rank; the probabilities of a
 * ranking sum to 1.
 * <p>
 * This is temperature scaling (Guo C, Pleiss G, Sun Y, Weinberger KQ. On calibration of modern neural networks. ICML
 * 2017) with per-rank intercepts, i.e. a conditional logit (McFadden 1974) over the candidates with the score and the
 * rank as features. It is fitted by the negative log-likelihood of the gold disease under leave-publication-out on the
 * benchmark's tuning cohorts only ({@code bench/ddx.sh tune}) and measured on the held-out cohorts
 * ({@code bench/ddx.sh}); implemented from those descriptions.
 *
 * @param scale &beta;, per unit of the ranking score (&gt; 0)
 * @param rankOffsets &gamma;<sub>1</sub>, &gamma;<sub>2</sub>, ... in natural-log units for ranks 1, 2, ... (at
 *        most {@value #MAX_OFFSETS}; non-increasing, each &ge; 0)
 */
public record ShownProbability(double scale, List<Double> rankOffsets) {

	/** The most ranks that carry their own offset. */
	public static final int MAX_OFFSETS = 10;

	/** A plain softmax of the score (scale 1, no offsets). */
	public static final ShownProbability PLAIN = new ShownProbability(1.0, List.of());

	/**
	 * @throws IllegalArgumentException when the scale is not positive and finite, or the offsets are too many,
	 *         negative, or rise with the rank
	 */
	public ShownProbability {
		rankOffsets = List.copyOf(rankOffsets);
		if (!(scale > 0 && scale < 1000) || rankOffsets.size() > MAX_OFFSETS) {
			throw new IllegalArgumentException("Shown probability out of range: scale " + scale + ", " + rankOffsets.size() + " offsets");
		}
		for (int r = 0; r < rankOffsets.size(); r++) {
			double o = rankOffsets.get(r);
			if (!(o >= 0 && o < 100) || (r > 0 && o > rankOffsets.get(r - 1))) {
				throw new IllegalArgumentException("Rank offsets must be at least 0 and never rise with the rank: " + rankOffsets);
			}
		}
	}

	/**
	 * The shown probability of every candidate.
	 *
	 * @param scores the ranking scores, indexed by candidate
	 * @param order candidate indices best first (descending score)
	 * @return probabilities indexed like {@code scores}, summing to 1
	 */
	double[] probabilities(double[] scores, int[] order) {
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
}
