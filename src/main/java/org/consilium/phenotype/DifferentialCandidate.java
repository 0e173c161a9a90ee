package org.consilium.phenotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.consilium.ddx.DifferentialDiagnosis;
import org.consilium.ddx.MondoCrosswalk;
import org.consilium.ddx.RankedDisease;
import org.consilium.ddx.Ranking;

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

	/**
	 * The first {@code shown} distinct diseases of the ranking: an OMIM entry and the Orphanet entry that Mondo says is
	 * the same disease (or the other way round) share one row, under the better-ranked identifier, the other listed
	 * with its own rank. Without the Mondo crosswalk every identifier has its own row.
	 */
	static List<DifferentialCandidate> firstDistinct(Ranking ranking, Optional<MondoCrosswalk> crosswalk, int shown,
			org.consilium.ddx.AnnotatedFrequencies frequencies) {
		List<RankedDisease> heads = new ArrayList<>();
		List<Set<String>> sameAs = new ArrayList<>();
		List<List<DifferentialCandidate.Equivalent>> equivalents = new ArrayList<>();
		for (RankedDisease d : ranking.diseases()) {
			if (heads.size() == shown || d.rank() > DifferentialDiagnosis.EXPLAINED) {
				break;
			}
			int row = -1;
			for (int i = 0; i < heads.size() && row < 0; i++) {
				row = sameAs.get(i).contains(d.diseaseId()) ? i : -1;
			}
			if (row >= 0) {
				equivalents.get(row).add(new DifferentialCandidate.Equivalent(d.diseaseId(), d.rank(), d.postTestProbability()));
				continue;
			}
			heads.add(d);
			sameAs.add(crosswalk.map(c -> c.equivalents(d.diseaseId())).orElse(Set.of()));
			equivalents.add(new ArrayList<>());
		}
		List<DifferentialCandidate> rows = new ArrayList<>();
		for (int i = 0; i < heads.size(); i++) {
			RankedDisease d = heads.get(i);
			rows.add(new DifferentialCandidate(d.rank(), d.diseaseId(), d.name(), d.postTestProbability(),
					d.contributions().stream().map(t -> TermEvidence.of(t, d.diseaseId(), frequencies)).toList(), equivalents.get(i)));
		}
		return rows;
	}
}
