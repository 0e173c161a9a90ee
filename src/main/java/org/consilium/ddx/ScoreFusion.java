package org.consilium.ddx;

import java.util.Arrays;

/**
 * Puts the scorers' per-candidate values of one query on one scale and fuses them into the ranking score: a weighted
 * sum of z-scores over all candidates, or a weighted mean of ranks ({@link DifferentialDiagnosis.Blend}).
 * Stateless.
 */
final class ScoreFusion {

	private ScoreFusion() {
	}

	/**
	 * The fused score of every candidate.
	 *
	 * @param values one array per scorer, indexed like {@link HpoData#diseases}
	 * @param weights one weight per scorer
	 */
	static double[] fuse(DifferentialDiagnosis.Blend blend, double[][] values, double[] weights) {
		int n = values[0].length;
		double[] score = new double[n];
		if (blend == DifferentialDiagnosis.Blend.Z_SCORES) {
			for (int k = 0; k < values.length; k++) {
				if (weights[k] != 0) {
					double[] z = zScores(values[k]);
					for (int d = 0; d < n; d++) {
						score[d] += weights[k] * z[d];
					}
				}
			}
			return score;
		}
		double[] rankSum = new double[n];
		for (int k = 0; k < values.length; k++) {
			if (weights[k] != 0) {
				int[] r = ranks(values[k]);
				for (int d = 0; d < n; d++) {
					rankSum[d] += weights[k] * r[d];
				}
			}
		}
		for (int d = 0; d < n; d++) {
			score[d] = 1.0 - rankSum[d] / n;
		}
		return score;
	}

	/** Candidate indices by descending value, equal values by ascending index. */
	static int[] descending(double[] values) {
		int n = values.length;
		long[] keys = new long[n];
		for (int d = 0; d < n; d++) {
			int bits = Float.floatToIntBits((float) -values[d]);
			bits ^= (bits >> 31) & 0x7fffffff;
			keys[d] = ((long) bits << 32) | d;
		}
		Arrays.sort(keys);
		int[] order = new int[n];
		for (int r = 0; r < n; r++) {
			order[r] = (int) (keys[r] & 0xffffffffL);
		}
		// the float keys are nearly right: one insertion pass settles doubles that round to one float
		for (int r = 1; r < n; r++) {
			int d = order[r];
			int k = r - 1;
			while (k >= 0 && (values[order[k]] < values[d] || (values[order[k]] == values[d] && order[k] > d))) {
				order[k + 1] = order[k];
				k--;
			}
			order[k + 1] = d;
		}
		return order;
	}

	/** 1-based ranks by descending value; equal values share the best rank. */
	static int[] ranks(double[] values) {
		int[] order = descending(values);
		int[] rank = new int[values.length];
		for (int r = 0; r < order.length; r++) {
			rank[order[r]] = r > 0 && values[order[r]] == values[order[r - 1]] ? rank[order[r - 1]] : r + 1;
		}
		return rank;
	}

	static double[] zScores(double[] values) {
		double sum = 0;
		double sumSq = 0;
		for (double v : values) {
			sum += v;
			sumSq += v * v;
		}
		double mean = sum / values.length;
		double sd = Math.sqrt(Math.max(sumSq / values.length - mean * mean, 0));
		double[] z = new double[values.length];
		if (sd > 0) {
			for (int i = 0; i < values.length; i++) {
				z[i] = (values[i] - mean) / sd;
			}
		}
		return z;
	}
}
