package org.consilium.phenotype.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.phenotype.DifferentialDiagnoses;
import org.consilium.phenotype.DifferentialView;
import org.consilium.phenotype.TermEvidence;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * The differential diagnosis as JSON, for the specialists reviewing the case: the current ranking (computed first if
 * out of date), a stored ranking by id, and the per-term explanation of any candidate. The disease to explain travels
 * in the request body, never in the URL.
 */
@RestController
class DifferentialApiController {

	/** Which candidate to explain: {@code OMIM:154700} or {@code ORPHA:558}. */
	record ExplanationRequest(String diseaseId) {
	}

	private final DifferentialDiagnoses differential;

	DifferentialApiController(DifferentialDiagnoses differential) {
		this.differential = differential;
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
