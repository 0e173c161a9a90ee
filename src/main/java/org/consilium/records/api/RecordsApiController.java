package org.consilium.records.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.consilium.records.CaseRecordsView;
import org.consilium.records.DocumentView;
import org.consilium.records.FhirImportView;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/** Records as JSON: list, upload a document (multipart {@code file}), import a FHIR Bundle (request body). */
@RestController
class RecordsApiController {

	private final RecordsManagement records;

	RecordsApiController(RecordsManagement records) {
		this.records = records;
	}

	@GetMapping("/api/cases/{id}/records")
	CaseRecordsView list(@PathVariable UUID id) {
		return records.records(Actor.current(), new CaseId(id));
	}

	/** Stores one document sent as {@code multipart/form-data} in the field {@code file}; any other body answers 415. */
	@PostMapping(value = "/api/cases/{id}/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	DocumentView upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return records.uploadDocument(Actor.current(), new CaseId(id), file.getOriginalFilename(), in);
		}
	}

	/**
	 * Imports synchronously; the body is the bundle's JSON; {@code X-File-Name} optionally names it. A Bundle about
	 * another patient than the case's records answers 409 with problem code {@code wrong-patient} and stores nothing; the
	 * client repeats the request with {@code confirmPatientMismatch=true} to import it anyway (audited).
	 */
	@PostMapping(value = "/api/cases/{id}/fhir-imports", consumes = { "application/fhir+json", "application/json" })
	@ResponseStatus(HttpStatus.CREATED)
	FhirImportView importBundle(@PathVariable UUID id, @RequestBody byte[] bundle,
			@RequestHeader(value = "X-File-Name", defaultValue = "bundle.json") String fileName,
			@RequestParam(defaultValue = "false") boolean confirmPatientMismatch) {
		return records.importFhirBundle(Actor.current(), new CaseId(id), fileName, bundle, confirmPatientMismatch);
	}
}
