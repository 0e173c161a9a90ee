package org.consilium.ddx;

import java.util.List;

/**
 * One candidate disease in a ranking.
 *
 * @param diseaseId code with its system prefix, e.g. {@code OMIM:161800}
 * @param rank 1-based position, ties broken by disease id
 * @param score the blended score the ranking is ordered by (see {@link DifferentialDiagnosis.Blend}; only
 *        comparable within one ranking)
 * @param postTestProbability probability of this disease given the terms, from a uniform pre-test probability and the
 *        likelihood ratios by Bayes' rule over all candidates (the probabilities of a ranking sum to 1)
 * @param resnikSimilarity best-match average Resnik similarity (nats)
 * @param log10LikelihoodRatio sum over terms of the log10 likelihood ratios
 * @param contributions per-term explanation, filled for the top 50 and for diseases asked for explicitly,
 *        empty otherwise
 */
public record RankedDisease(String diseaseId, String name, int rank, double score, double postTestProbability,
		double resnikSimilarity, double log10LikelihoodRatio, List<TermContribution> contributions) {
}
