package org.consilium.phenotype;

import java.util.List;

/**
 * How the first opinion's diagnosis ranks in the differential diagnosis: shown to a specialist only once the first
 * opinion is visible to them (after their independent impression, the blinded-first rule).
 *
 * @param system the code system of the first opinion's diagnosis (ICD-10-CM, SNOMED CT, OMIM, ORPHA), or null
 * @param code its code, or null when the first opinion gave none
 * @param rankable whether the code maps to at least one candidate (through the Mondo crosswalks); when false
 *        {@code reason} says why, and the rank fields are 0 or null
 * @param candidateIds the candidates the code maps to
 * @param bestRank the best rank among them
 * @param bestRankedId the candidate with that rank, and {@code bestRankedName} its name
 * @param postTestProbability their post-test probabilities summed (at most 1)
 * @param flagged ranked below the configured rank with a post-test probability under the configured share while the
 *        top candidate's is over the configured share ({@code consilium.ddx.flag.*})
 * @param termsAgainst the patient's terms that argue against the best-ranked candidate, strongest first
 */
public record SubmittedDiagnosisRank(String system, String code, boolean rankable, String reason, List<String> candidateIds, int bestRank,
		String bestRankedId, String bestRankedName, double postTestProbability, boolean flagged, List<TermEvidence> termsAgainst) {

	public SubmittedDiagnosisRank {
		candidateIds = List.copyOf(candidateIds);
		termsAgainst = List.copyOf(termsAgainst);
	}

	static SubmittedDiagnosisRank notRankable(String system, String code, String reason) {
		return new SubmittedDiagnosisRank(system, code, false, reason, List.of(), 0, null, null, 0, false, List.of());
	}

	public String probabilityText() {
		return TermEvidence.percent(postTestProbability);
	}
}
