package org.consilium.phenotype;

import org.springframework.stereotype.Service;

import org.consilium.ddx.HpoRelease;

/**
 * The genes panel beside "What to check next": the genes of a differential diagnosis's leading candidates
 * ({@link GenePanel}). It reads nothing of a case: it takes a {@link DifferentialView} that
 * {@link DifferentialDiagnoses#differential} has already checked and audited, so the genes are shown exactly where the
 * ranking is. Without {@code genes_to_disease.txt} in the HPO directory the panel says so and nothing else changes.
 */
@Service
public class CandidateGenes {

	private final HpoRelease hpo;

	CandidateGenes(HpoRelease hpo) {
		this.hpo = hpo;
	}

	/** The genes of the view's leading candidates; unavailable, with the reason, when there is no ranking or no genes file. */
	public GenePanel of(DifferentialView view) {
		if (view.status() != DifferentialView.Status.RANKED || view.candidates().isEmpty()) {
			return GenePanel.unavailable("There is no ranking, so there are no leading candidates to name genes for.");
		}
		return hpo.genes().map(g -> GenePanel.of(view.candidates(), g)).orElseGet(() -> GenePanel.unavailable(hpo.genesProblem()));
	}
}
