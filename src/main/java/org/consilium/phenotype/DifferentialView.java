package org.consilium.phenotype;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.shared.CaseId;

/**
 * The differential diagnosis of a case as the reviewing specialist sees it: decision support, never shown to the
 * patient.
 *
 * @param status whether there is a ranking, or why not
 * @param problem what to do about a missing ranking, in plain words, or null
 * @param rankingId the stored ranking shown, or null
 * @param computedAt when it was computed
 * @param hpoRelease the HPO ontology and annotation releases it used
 * @param candidateCount how many diseases were ranked (OMIM and Orphanet)
 * @param observed the observed HPO ids it was computed from, and {@code excluded} the excluded ones
 * @param candidates the top {@value DifferentialDiagnoses#SHOWN}, best first
 * @param current false when the phenotype changed since and the ranking could not be recomputed (HPO release not loaded)
 * @param submitted how the first opinion's diagnosis ranks; null while the first opinion is hidden from this specialist,
 *        or when it cannot be worked out now ({@code submittedProblem} then says why)
 * @param mayCopy whether this specialist may copy a candidate into their written opinion now
 */
public record DifferentialView(CaseId caseId, Status status, String problem, UUID rankingId, Instant computedAt, String hpoRelease,
		int candidateCount, List<String> observed, List<String> excluded, List<DifferentialCandidate> candidates, boolean current,
		SubmittedDiagnosisRank submitted, String submittedProblem, boolean mayCopy) {

	/** Whether a ranking can be shown. */
	public enum Status {
		/** A ranking is shown. */
		RANKED,
		/** The phenotype has no observed term yet. */
		NO_OBSERVED_TERMS,
		/** Every observed term is so general that a ranking would order diseases by chance ({@link org.consilium.ddx.DifferentialDiagnosis#tooGeneral}). */
		TOO_GENERAL,
		/** The HPO release (ontology and annotations) is not loaded: not configured, loading or unreadable. */
		HPO_UNAVAILABLE
	}

	public DifferentialView {
		observed = List.copyOf(observed);
		excluded = List.copyOf(excluded);
		candidates = List.copyOf(candidates);
	}
}
