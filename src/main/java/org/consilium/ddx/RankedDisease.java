package org.consilium.ddx;

import java.util.List;

/**
 * One candidate disease in a ranking.
 *
 * @param diseaseId code with its system prefix, e.g. {@code OMIM:161800}
 * @param rank 1-based position, ties broken by disease id
 * @param score the blended score the ranking is ordered by (see {@link DifferentialDiagnosis.Blend}; only
 *        comparable within one ranking)
 * @param postTestProbability the probability shown for this disease, 0..1: the ranking score turned into a share of 1
 *        over all candidates by {@link ShownProbability} (fitted on published cases), so it never rises with the rank and
 *        the probabilities of a ranking sum to 1
 * @param resnikSimilarity best-match average Resnik similarity (nats)
 * @param log10LikelihoodRatio sum over terms of the log10 likelihood ratios
 * @param contributions per-term explanation, filled for the top 50 and for diseases asked for explicitly,
 *        empty otherwise
 */
public record RankedDisease(String diseaseId, String name, int rank, double score, double postTestProbability,
		double resnikSimilarity, double log10LikelihoodRatio, List<TermContribution> contributions) {
}
