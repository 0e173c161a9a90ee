package org.consilium.fhir.api;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.fhir.OpinionDocumentBundles;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * {@code GET /api/cases/{id}/opinion/fhir-document} ({@code ?version=n} for an earlier signed version): the signed
 * opinion as a FHIR R4 document Bundle
 * ({@code application/fhir+json}, never cached). Problems as RFC 9457 JSON: 404 {@code not-found} (also for a version that does not exist), 409
 * {@code opinion-not-signed}.
 */
@RestController
class OpinionDocumentBundleController {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private final OpinionDocumentBundles bundles;

	OpinionDocumentBundleController(OpinionDocumentBundles bundles) {
		this.bundles = bundles;
	}

	@GetMapping("/api/cases/{id}/opinion/fhir-document")
	ResponseEntity<String> document(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
		return ResponseEntity.ok().contentType(FHIR_JSON).cacheControl(CacheControl.noStore())
			.body(bundles.documentJson(Actor.current(), new CaseId(id), version));
	}
}
