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
import org.consilium.records.DocumentKind;
import org.consilium.records.DocumentWithdrawals;
import org.consilium.records.WithdrawalReason;
import org.consilium.records.WithdrawnDocumentView;
import org.consilium.shared.DocumentId;
import org.consilium.shared.InvalidInputException;
import org.consilium.records.DocumentView;
import org.consilium.records.FhirImportView;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/** Records as JSON: list, upload a document (multipart {@code file}), import a FHIR Bundle (request body). */
@RestController
class RecordsApiController {

	private final RecordsManagement records;

	private final DocumentWithdrawals withdrawals;

	RecordsApiController(RecordsManagement records, DocumentWithdrawals withdrawals) {
		this.records = records;
		this.withdrawals = withdrawals;
	}

	@GetMapping("/api/cases/{id}/records")
	CaseRecordsView list(@PathVariable UUID id) {
		return records.records(Actor.current(), new CaseId(id));
	}

	/**
	 * Stores one document sent as {@code multipart/form-data} in the field {@code file}, optionally labelled with
	 * {@code kind} (a {@link DocumentKind} name or its LOINC code, e.g. {@code 11526-1}; anything else answers 422); any
	 * other body answers 415.
	 */
	@PostMapping(value = "/api/cases/{id}/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	DocumentView upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, @RequestParam(required = false) String kind) throws IOException {
		DocumentKind documentKind = kind == null || kind.isBlank() ? null : DocumentKind.of(kind)
			.orElseThrow(() -> new InvalidInputException("Unknown kind of document \"" + kind + "\": use one of " + java.util.Arrays.toString(DocumentKind.values())
					+ " or its LOINC code.", "kind"));
		try (InputStream in = file.getInputStream()) {
			return records.uploadDocument(Actor.current(), new CaseId(id), file.getOriginalFilename(), in, documentKind);
		}
	}

	/** The body of a withdrawal: the kind of reason and the person's words. */
	record Withdrawal(WithdrawalReason reasonKind, String reason) {
	}

	/**
	 * Withdraws an upload (voided, never deleted; see {@link DocumentWithdrawals#withdraw}): 200 with the withdrawn
	 * document; 409 {@code illegal-transition} once review has started; 422 {@code invalid-input} without a reason.
	 */
	@PostMapping("/api/cases/{id}/documents/{documentId}/withdraw")
	WithdrawnDocumentView withdraw(@PathVariable UUID id, @PathVariable UUID documentId, @RequestBody Withdrawal body) {
		return withdrawals.withdraw(Actor.current(), new CaseId(id), DocumentId.ofNullable(documentId), body.reasonKind(), body.reason());
	}

	/** Administrators only: the documents withdrawn as another person's, over all cases (never their content). */
	@GetMapping("/api/admin/withdrawn-documents")
	java.util.List<WithdrawnDocumentView> withdrawnAsAnotherPersons() {
		return withdrawals.withdrawnAsAnotherPersons(Actor.current());
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
