package org.consilium.phenotype;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.consilium.ddx.AnnotatedFrequencies;
import org.consilium.ddx.DifferentialDiagnosis;
import org.consilium.ddx.MondoCrosswalk;
import org.consilium.ddx.MondoRelease;
import org.consilium.ddx.PhenotypeQuery;
import org.consilium.ddx.RankedDisease;
import org.consilium.ddx.Ranking;
import org.consilium.ddx.SubmittedDiagnosisCheck;
import org.consilium.intake.AccessibleCase;
import org.consilium.shared.Coding;

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

	/**
	 * How the case's first diagnosis ranks for the phenotype {@code inputs}: its code mapped through the Mondo
	 * crosswalks to OMIM and ORPHA candidates (an OMIM or ORPHA code names itself), checked by the engine against the
	 * flag thresholds; not rankable, with the reason, when there is no coded diagnosis or it reaches no candidate.
	 *
	 * @param frequencies the release's written frequencies for the explanations, or null
	 */
	static SubmittedDiagnosisRank of(AccessibleCase c, DifferentialDiagnosis e, MondoRelease mondo, RankingInputs inputs,
			SubmittedDiagnosisCheck.Thresholds thresholds, AnnotatedFrequencies frequencies) {
		Optional<Coding> coding = c.firstDiagnosis();
		if (coding.isEmpty()) {
			String code = c.firstDiagnosisCode() == null || c.firstDiagnosisCode().isBlank() ? null : c.firstDiagnosisCode().strip();
			return notRankable(c.firstDiagnosisSystem() == null ? null : c.firstDiagnosisSystem().label(), code, "The first opinion gave no coded diagnosis.");
		}
		String systemLabel = coding.get().system().label();
		String code = coding.get().code();
		// without the crosswalk an OMIM or ORPHA code still names itself
		Set<String> ids = mondo.crosswalk().orElse(MondoCrosswalk.EMPTY).candidatesFor(coding.get());
		if (ids.isEmpty() && mondo.crosswalk().isEmpty()) {
			return notRankable(systemLabel, code, mondo.problem());
		}
		PhenotypeQuery query = inputs.query();
		Ranking ranking = e.rank(query);
		SubmittedDiagnosisCheck check = e.check(query, ranking, ids, thresholds);
		if (!check.rankable()) {
			return notRankable(systemLabel, code, ids.isEmpty()
					? systemLabel + " " + code + " maps to no rare disease in the Mondo crosswalks, so it cannot be ranked."
					: systemLabel + " " + code + " maps to " + String.join(", ", ids.stream().sorted().toList())
							+ ", none of which has phenotype annotations in this HPO release, so it cannot be ranked.");
		}
		String name = ranking.find(check.bestRankedId()).map(RankedDisease::name).orElse(check.bestRankedId());
		return new SubmittedDiagnosisRank(systemLabel, code, true, null, check.candidateIds().stream().sorted().toList(), check.bestRank(),
				check.bestRankedId(), name, check.postTestProbability(), check.flagged(),
				check.termsAgainst().stream().map(t -> TermEvidence.of(t, check.bestRankedId(), frequencies)).toList());
	}

	public String probabilityText() {
		return TermEvidence.percent(postTestProbability);
	}
}
