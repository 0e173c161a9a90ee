package org.consilium.phenotype.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.ddx.HpoTerm;
import org.consilium.phenotype.CandidateGenes;
import org.consilium.phenotype.DifferentialDiagnoses;
import org.consilium.phenotype.DifferentialView;
import org.consilium.phenotype.GenePanel;
import org.consilium.phenotype.NextTerm;
import org.consilium.phenotype.TermEvidence;
import org.consilium.phenotype.UnexaminableTerms;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * The differential diagnosis as JSON, for the specialists reviewing the case: the current ranking (computed first if
 * out of date), a stored ranking by id, and the per-term explanation of any candidate. The disease to explain travels
 * in the request body, never in the URL. Also "What to check next" ({@code GET .../differential/next}), the genes of
 * the leading candidates ({@code GET .../differential/genes}), and "cannot be examined" for a suggested term
 * ({@code POST .../differential/unexaminable} with {@code {"hpoId":"HP:0001083"}}, the term in the body).
 */
@RestController
class DifferentialApiController {

	/** Which candidate to explain: {@code OMIM:154700} or {@code ORPHA:558}. */
	record ExplanationRequest(String diseaseId) {
	}

	/** A term of "What to check next" that cannot be examined for the case. */
	record UnexaminableRequest(String hpoId) {
	}

	private final DifferentialDiagnoses differential;

	private final CandidateGenes genes;

	private final UnexaminableTerms unexaminable;

	DifferentialApiController(DifferentialDiagnoses differential, CandidateGenes genes, UnexaminableTerms unexaminable) {
		this.differential = differential;
		this.genes = genes;
		this.unexaminable = unexaminable;
	}

	@GetMapping("/api/cases/{id}/differential/next")
	List<NextTerm> next(@PathVariable UUID id) {
		return differential.nextTerms(Actor.current(), new CaseId(id));
	}

	@GetMapping("/api/cases/{id}/differential/genes")
	GenePanel genes(@PathVariable UUID id) {
		return genes.of(differential.differential(Actor.current(), new CaseId(id)));
	}

	@PostMapping("/api/cases/{id}/differential/unexaminable")
	HpoTerm cannotBeExamined(@PathVariable UUID id, @RequestBody UnexaminableRequest request) {
		return unexaminable.record(Actor.current(), new CaseId(id), request == null ? null : request.hpoId());
	}

	@GetMapping("/api/cases/{id}/differential")
	DifferentialView current(@PathVariable UUID id) {
		return differential.differential(Actor.current(), new CaseId(id));
	}

	@GetMapping("/api/cases/{id}/differential/rankings/{rankingId}")
	DifferentialView stored(@PathVariable UUID id, @PathVariable UUID rankingId) {
		return differential.ranking(Actor.current(), new CaseId(id), rankingId);
	}

	@PostMapping("/api/cases/{id}/differential/explanations")
	List<TermEvidence> explain(@PathVariable UUID id, @RequestBody ExplanationRequest request) {
		return differential.explain(Actor.current(), new CaseId(id), request == null ? null : request.diseaseId());
	}
}
