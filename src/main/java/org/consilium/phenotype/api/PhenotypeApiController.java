package org.consilium.phenotype.api;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.ddx.HpoTerms.Branch;
import org.consilium.ddx.TermSuggestion;
import org.consilium.phenotype.AddPhenotypicFeature;
import org.consilium.phenotype.PhenopacketImportView;
import org.consilium.phenotype.PhenotypeManagement;
import org.consilium.phenotype.PhenotypeView;
import org.consilium.phenotype.PhenotypicFeatureView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * The phenotype as JSON: read, add a term ({@link AddPhenotypicFeature}), remove one (voided with the optional
 * {@code reason}), import a phenopacket (the request body is the phenopacket's JSON) and search terms ({@code q}, {@code branch} = {@code PHENOTYPIC_ABNORMALITY} or {@code ONSET}).
 */
@RestController
class PhenotypeApiController {

	private final PhenotypeManagement phenotype;

	PhenotypeApiController(PhenotypeManagement phenotype) {
		this.phenotype = phenotype;
	}

	@GetMapping("/api/cases/{id}/phenotype")
	PhenotypeView read(@PathVariable UUID id) {
		return phenotype.phenotype(Actor.current(), new CaseId(id));
	}

	@PostMapping("/api/cases/{id}/phenotype/features")
	@ResponseStatus(HttpStatus.CREATED)
	PhenotypicFeatureView add(@PathVariable UUID id, @RequestBody AddPhenotypicFeature feature) {
		return phenotype.addFeature(Actor.current(), new CaseId(id), feature);
	}

	@DeleteMapping("/api/cases/{id}/phenotype/features/{featureId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable UUID id, @PathVariable UUID featureId, @RequestParam(required = false) String reason) {
		phenotype.removeFeature(Actor.current(), new CaseId(id), featureId, reason);
	}

	@PostMapping(value = "/api/cases/{id}/phenotype/phenopackets", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	PhenopacketImportView importPhenopacket(@PathVariable UUID id, @RequestBody byte[] phenopacket) {
		return phenotype.importPhenopacket(Actor.current(), new CaseId(id), phenopacket);
	}

	@GetMapping("/api/cases/{id}/phenotype/terms")
	List<TermSuggestion> terms(@PathVariable UUID id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "PHENOTYPIC_ABNORMALITY") Branch branch) {
		return phenotype.suggest(Actor.current(), new CaseId(id), q, branch);
	}
}
