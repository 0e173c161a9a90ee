package org.consilium.phenotype;

import java.util.List;

/**
 * One candidate disease of a stored differential diagnosis.
 *
 * @param rank 1-based rank among all candidates of the ranking
 * @param diseaseId the HPO annotation file's id, {@code OMIM:154700} or {@code ORPHA:558}
 * @param postTestProbability 0..1, the ranking's shown probability ({@link org.consilium.ddx.RankedDisease#postTestProbability()}):
 *        it never rises with the rank and sums to 1 over all candidates
 * @param evidence the per-term explanation, in the order of the patient's terms
 * @param sameDisease the same disease under its other identifiers further down the ranking (an OMIM entry and its
 *        exact-match Orphanet entry, through Mondo), shown on this row instead of a row of their own
 */
public record DifferentialCandidate(int rank, String diseaseId, String name, double postTestProbability, List<TermEvidence> evidence,
		List<Equivalent> sameDisease) {

	/** Another identifier of the same disease, with its own rank and post-test probability. */
	public record Equivalent(String diseaseId, int rank, double postTestProbability) {

		public String probabilityText() {
			return TermEvidence.percent(postTestProbability);
		}
	}

	public DifferentialCandidate {
		evidence = List.copyOf(evidence);
		sameDisease = sameDisease == null ? List.of() : List.copyOf(sameDisease);
	}

	/** "OMIM" or "ORPHA". */
	public String database() {
		return diseaseId.substring(0, diseaseId.indexOf(':'));
	}

	/** The code without its prefix, e.g. {@code 154700}. */
	public String code() {
		return diseaseId.substring(diseaseId.indexOf(':') + 1);
	}

	/** The post-test probability as the page shows it, e.g. "42 %" or "under 0.1 %". */
	public String probabilityText() {
		return TermEvidence.percent(postTestProbability);
	}

	/** The post-test probability of the disease under all its identifiers on this row, summed (at most 1). */
	public double diseaseProbability() {
		return Math.min(1.0, postTestProbability + sameDisease.stream().mapToDouble(Equivalent::postTestProbability).sum());
	}

	public String diseaseProbabilityText() {
		return TermEvidence.percent(diseaseProbability());
	}

	/** This row's identifiers, space-separated, e.g. {@code ORPHA:558 OMIM:154700}. */
	public String allIds() {
		StringBuilder ids = new StringBuilder(diseaseId);
		sameDisease.forEach(e -> ids.append(' ').append(e.diseaseId()));
		return ids.toString();
	}
}
