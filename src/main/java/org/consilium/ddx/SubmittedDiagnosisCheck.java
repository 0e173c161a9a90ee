package org.consilium.ddx;

import java.util.List;
import java.util.Set;

/**
 * How the diagnosis a clinician submitted fares in a phenotype ranking: its candidates (the OMIM and
 * ORPHA diseases its code maps to, see {@link MondoCrosswalk}), the best rank among them, their summed
 * post-test probability, and whether it should be flagged for a second look.
 *
 * @param candidateIds the diseases the submitted code maps to that are candidates of the ranking, sorted
 * @param rankable false when the code maps to no candidate of the ranking ("not rankable"); the other
 *        fields are then 0, false or empty
 * @param bestRank the best (lowest) 1-based rank among the candidates
 * @param bestRankedId the candidate holding that rank
 * @param postTestProbability the candidates' post-test probabilities summed, at most 1
 * @param topPostTestProbability the post-test probability of the ranking's first disease
 * @param flagged rankable, ranked below {@link Thresholds#rankAbove()}, with a post-test probability under
 *        {@link Thresholds#maxProbability()} while the first disease's exceeds {@link Thresholds#topProbability()}
 * @param termsAgainst the patient's terms that argue against the best-ranked candidate (likelihood ratio
 *        below 1: excluded terms it usually shows, observed terms it does not explain or contradicts),
 *        strongest first
 */
public record SubmittedDiagnosisCheck(Set<String> candidateIds, boolean rankable, int bestRank, String bestRankedId,
		double postTestProbability, double topPostTestProbability, boolean flagged, List<TermContribution> termsAgainst) {

	public SubmittedDiagnosisCheck {
		candidateIds = Set.copyOf(candidateIds);
		termsAgainst = List.copyOf(termsAgainst);
	}

	static SubmittedDiagnosisCheck notRankable(double topPostTestProbability) {
		return new SubmittedDiagnosisCheck(Set.of(), false, 0, null, 0, topPostTestProbability, false, List.of());
	}

	/**
	 * When to flag a submitted diagnosis. These are product choices, not published figures: a diagnosis
	 * outside the first ten with under 1 % while the leader has over 10 % is worth a second look.
	 *
	 * @param rankAbove the submitted diagnosis is flagged only when its best rank is greater than this
	 * @param maxProbability ... and its summed post-test probability is below this (0..1)
	 * @param topProbability ... and the first disease's post-test probability is above this (0..1)
	 */
	public record Thresholds(int rankAbove, double maxProbability, double topProbability) {

		public static final Thresholds DEFAULT = new Thresholds(10, 0.01, 0.05);

		public Thresholds {
			if (rankAbove < 1 || !(maxProbability >= 0 && maxProbability <= 1) || !(topProbability >= 0 && topProbability <= 1)) {
				throw new IllegalArgumentException("Thresholds out of range: " + this);
			}
		}
	}
}
