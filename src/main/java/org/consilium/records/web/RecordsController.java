package org.consilium.records.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.audit.AuditAction;
import org.consilium.intake.CaseAccess;
import org.consilium.records.DocumentContent;
import org.consilium.records.DocumentKind;
import org.consilium.records.DocumentWithdrawals;
import org.consilium.records.WithdrawalReason;
import org.consilium.records.FhirImportJobs;
import org.consilium.records.FhirImportStatus;
import org.consilium.records.ImportsBusyException;
import org.consilium.records.RecordsManagement;
import org.consilium.records.VirusScannerUnavailableException;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.PageProblems;
import org.consilium.shared.ProgramSettings;

/** The records page of a case: documents (upload, view), FHIR bundle import (in the background, with a progress page) and the clinical summary. */
@Controller
class RecordsController {

	private final RecordsManagement records;

	private final CaseAccess access;

	private final FhirImportJobs imports;

	private final DocumentWithdrawals withdrawals;

	private final ProgramSettings program;

	RecordsController(RecordsManagement records, CaseAccess access, FhirImportJobs imports, DocumentWithdrawals withdrawals,
			ProgramSettings program) {
		this.withdrawals = withdrawals;
		this.program = program;
		this.records = records;
		this.access = access;
		this.imports = imports;
	}

	/**
	 * The records page, or its panel for htmx (the triage page and the review workspace load it). The clinical summary can
	 * be filtered by text ({@code q}) and by day ({@code from}, {@code to}, ISO dates) and ordered by name ({@code sort=name})
	 * instead of newest first; {@code all=true} shows every row of long lists. Dates are shown in the reader's locale
	 * (the request's) and time zone (the request's when the locale resolver knows it, else the program's).
	 */
	@GetMapping("/cases/{id}/records")
	String page(@PathVariable UUID id, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestParam(required = false) String q, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean all) {
		Actor actor = Actor.current();
		var c = access.requireAccess(actor, new CaseId(id), AuditAction.RECORDS_READ);
		model.addAttribute("c", c);
		model.addAttribute("mayAdd", RecordsManagement.mayAddRecords(actor, c));
		model.addAttribute("maxFileSize", records.maxFileSize());
		var onFile = records.records(actor, new CaseId(id));
		model.addAttribute("records", onFile);
		ClinicalSummaryPage.Filter filter = new ClinicalSummaryPage.Filter(q == null || q.isBlank() ? null : q.strip(), from, to, "name".equals(sort));
		model.addAttribute("summary", ClinicalSummaryPage.of(onFile.summary(), onFile.imports(), LocaleContextHolder.getLocale(), readerZone(), filter));
		model.addAttribute("showAll", all);
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("withdrawalReasons", WithdrawalReason.values());
		model.addAttribute("mayWithdraw", DocumentWithdrawals.mayWithdraw(actor, c));
		model.addAttribute("withdrawn", withdrawals.withdrawnByMistake(c));
		return htmx != null ? "records/records :: panel" : "records/records";
	}

	/** One row of the clinical summary with its source: the import's file and date, the entry's fullUrl, the values as written. */
	@GetMapping("/cases/{id}/records/entries/{entryId}")
	String entry(@PathVariable UUID id, @PathVariable String entryId, Model model) {
		Actor actor = Actor.current();
		// the case is checked (and a refusal audited) before the entry's number is read
		var c = access.requireAccess(actor, new CaseId(id), AuditAction.RECORDS_READ);
		long number;
		try {
			number = Long.parseLong(entryId);
		}
		catch (NumberFormatException e) {
			throw new org.consilium.shared.NotFoundException();
		}
		var source = records.summaryEntry(actor, new CaseId(id), number);
		model.addAttribute("c", c);
		model.addAttribute("e", source.entry());
		model.addAttribute("from", source.from());
		model.addAttribute("date", ReaderDates.of(source.entry().date(), LocaleContextHolder.getLocale(), readerZone()));
		model.addAttribute("value", ClinicalSummaryPage.value(source.entry(), LocaleContextHolder.getLocale()));
		model.addAttribute("importedOn", java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
				java.time.format.FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale()).format(source.from().importedAt().atZone(readerZone())));
		return "records/entry";
	}

	private ZoneId readerZone() {
		return LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext aware && aware.getTimeZone() != null
				? aware.getTimeZone().toZoneId() : program.zone();
	}

	@PostMapping(value = "/cases/{id}/documents", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String kind,
			RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidInputException("Choose a file to upload.");
		}
		DocumentKind documentKind = DocumentKind.of(kind).orElse(null);
		String back = "redirect:/cases/" + id + "/records";
		try (InputStream in = file.getInputStream()) {
			return PageProblems.attempt(List.of(InvalidInputException.class, VirusScannerUnavailableException.class), () -> {
				var doc = records.uploadDocument(Actor.current(), new CaseId(id), file.getOriginalFilename(), in, documentKind);
				if (doc.quarantined()) {
					redirect.addFlashAttribute("error", doc.fileName() + " was found infected by the virus scanner and is quarantined; it cannot be opened.");
				}
				else {
					redirect.addFlashAttribute("message", "Uploaded " + doc.fileName() + ".");
				}
				return back;
			}, PageProblems.flashError(redirect, back));
		}
	}

	/** Withdraws an upload with the reason given (voided, kept for the record); back to the records page with the outcome. */
	@PostMapping("/cases/{id}/documents/{documentId}/withdraw")
	String withdraw(@PathVariable UUID id, @PathVariable UUID documentId, @RequestParam(defaultValue = "") String reasonKind,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		String back = "redirect:/cases/" + id + "/records";
		return PageProblems.attempt(List.of(InvalidInputException.class, org.consilium.shared.IllegalTransitionException.class), () -> {
			WithdrawalReason why = java.util.Arrays.stream(WithdrawalReason.values()).filter(r -> r.name().equals(reasonKind)).findFirst().orElse(null);
			var withdrawn = withdrawals.withdraw(Actor.current(), new CaseId(id), DocumentId.ofNullable(documentId), why, reason);
			redirect.addFlashAttribute("message", "Withdrew " + withdrawn.fileName() + ".");
			return back;
		}, PageProblems.flashError(redirect, back));
	}

	/** Queues the upload as a background import and shows its progress page. */
	@PostMapping("/cases/{id}/fhir-imports")
	String importBundle(@PathVariable UUID id, @RequestParam("bundle") MultipartFile bundle, RedirectAttributes redirect) throws IOException {
		if (bundle.isEmpty()) {
			throw new InvalidInputException("Choose a FHIR bundle file to import.");
		}
		byte[] content = bundle.getBytes();
		return PageProblems.attempt(List.of(InvalidInputException.class, ImportsBusyException.class), () -> {
			UUID job = imports.start(Actor.current(), new CaseId(id), bundle.getOriginalFilename(), content);
			return "redirect:/cases/" + id + "/fhir-imports/jobs/" + job;
		}, PageProblems.flashError(redirect, "redirect:/cases/" + id + "/records"));
	}

	/** The progress page of an import; htmx polls its panel every second while the import runs. */
	@GetMapping("/cases/{id}/fhir-imports/jobs/{jobId}")
	String importProgress(@PathVariable UUID id, @PathVariable UUID jobId, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx) {
		Actor actor = Actor.current();
		FhirImportStatus status = imports.status(actor, new CaseId(id), jobId);
		model.addAttribute("caseId", id);
		model.addAttribute("s", status);
		return htmx != null ? "records/fhir-import :: progress" : "records/fhir-import";
	}

	/** Imports a held bundle whose patient differs from the case's records, as the user confirms. */
	@PostMapping("/cases/{id}/fhir-imports/jobs/{jobId}/confirm")
	String confirmPatientMismatch(@PathVariable UUID id, @PathVariable UUID jobId) {
		imports.confirmPatientMismatch(Actor.current(), new CaseId(id), jobId);
		return "redirect:/cases/" + id + "/fhir-imports/jobs/" + jobId;
	}

	/** Drops a held bundle about another patient without importing it. */
	@PostMapping("/cases/{id}/fhir-imports/jobs/{jobId}/discard")
	String discard(@PathVariable UUID id, @PathVariable UUID jobId) {
		imports.discard(Actor.current(), new CaseId(id), jobId);
		return "redirect:/cases/" + id + "/fhir-imports/jobs/" + jobId;
	}

	/**
	 * Streams a document: PDF, JPEG and PNG inline (viewable in the browser) unless {@code download}, anything else as
	 * an attachment; always {@code filename*=UTF-8''…} and {@code nosniff}.
	 */
	@GetMapping("/cases/{id}/documents/{documentId}")
	ResponseEntity<InputStreamResource> document(@PathVariable UUID id, @PathVariable UUID documentId,
			@RequestParam(defaultValue = "false") boolean download) {
		DocumentContent content = records.openDocument(Actor.current(), new CaseId(id), DocumentId.ofNullable(documentId));
		return serve(content, content.document().viewableInline() && !download);
	}

	/** Streams one file of an archive, always as an attachment. */
	@GetMapping("/cases/{id}/documents/{documentId}/entries/{entryId}")
	ResponseEntity<InputStreamResource> archiveEntry(@PathVariable UUID id, @PathVariable UUID documentId, @PathVariable UUID entryId) {
		return serve(records.openArchiveEntry(Actor.current(), new CaseId(id), DocumentId.ofNullable(documentId), entryId), false);
	}

	private static ResponseEntity<InputStreamResource> serve(DocumentContent content, boolean inline) {
		ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(content.document().fileName(), StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.document().mediaType()))
			.contentLength(content.document().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new InputStreamResource(content.content()));
	}
}
