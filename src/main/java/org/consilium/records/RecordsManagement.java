package org.consilium.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.records.fhirimport.FhirBundleImporter;
import org.consilium.records.fhirimport.FhirImport;
import org.consilium.records.fhirimport.FhirImportProgress;
import org.consilium.records.vault.DocumentInspector;
import org.consilium.records.vault.DocumentStore;
import org.consilium.records.vault.FileNames;
import org.consilium.records.vault.VirusScanner;
import org.consilium.records.vault.ZipInspection;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.DocumentId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

/**
 * The module's facade: adds and reads the records of a case. Access is the case's ({@link CaseAccess#requireAccess});
 * the patient, their referring physician and coordinators add records while the case is open for them
 * ({@link #mayAddRecords}); the assigned specialist reads. Every read and write is audited.
 * <p>
 * Documents: the types of {@link DocumentType}, proven by {@link org.consilium.records.vault.DocumentTypePolicy}, within
 * the limits of {@link RecordsSettings}, virus-scanned when clamd is configured ({@link ScanStatus}); the bytes go to the
 * vault ({@link org.consilium.records.vault.DocumentStore}), the rows to {@code records.document} and
 * {@code records.archive_entry}.
 * <p>
 * FHIR: an R4 Bundle within {@link org.consilium.records.fhirimport.FhirImportLimits}, validated and summarised by
 * {@link FhirBundleImporter} and stored by {@link FhirImports}; a rejected bundle stores nothing and the exception's
 * message names the problem (problem type {@code invalid-input}). The records page imports in the background through
 * {@link FhirImportJobs} instead, the same path with a progress page.
 */
@Service
@Transactional
public class RecordsManagement {

	private static final Logger log = LoggerFactory.getLogger(RecordsManagement.class);

	private final CaseAccess cases;

	private final RecordsAccess access;

	private final FhirImports imports;

	private final AuditLog audit;

	private final DocumentRecords documents;

	private final DocumentStore store;


	private final Clock clock;

	private final RecordsSettings settings;

	private final DocumentInspector inspector;

	private final VirusScanner scanner;

	RecordsManagement(CaseAccess cases, RecordsAccess access, FhirImports imports, DocumentRecords documents, AuditLog audit,
			DocumentStore store, Clock clock, RecordsSettings settings, DocumentInspector inspector,
			VirusScanner scanner) {
		this.settings = settings;
		this.inspector = inspector;
		this.scanner = scanner;
		this.cases = cases;
		this.access = access;
		this.imports = imports;
		this.audit = audit;
		this.documents = documents;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Stores an uploaded document. Limits ({@code consilium.records.*}, {@link RecordsSettings}) are enforced while the
	 * bytes stream in: at most {@code max-file-size} per file and what is left of the case's {@code max-case-size}; a case
	 * holds at most {@code max-case-files} documents. The bytes are written first (uploads of one case are serialised by a
	 * transaction-scoped advisory lock, so two cannot both pass the case limits), then scanned for viruses when clamd is
	 * configured (an infected file is kept in quarantine: recorded, never served, never parsed), then checked by the
	 * {@link org.consilium.records.vault.DocumentTypePolicy} (and a ZIP by {@link ZipInspection}, its uncompressed size
	 * counting against the case); the row comes last. Whatever fails, the bytes are removed and nothing is recorded.
	 *
	 * @param fileName the name the browser sent; stored cleaned ({@link org.consilium.records.vault.FileNames#clean})
	 * @param content the bytes; read to the end or to the limit, not closed
	 * @return the stored document; a quarantined one ({@link DocumentView#quarantined()}) has no type
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a case the actor cannot see
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, HTTP 403) for anyone but the patient, their
	 *         referring physician or a coordinator
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, HTTP 409) when the case is closed for records
	 * @throws InvalidInputException (problem type {@code invalid-input}, HTTP 422) for an empty or oversized file, a case at
	 *         its limits, or a file the type policy rejects; the message names the reason
	 * @throws VirusScannerUnavailableException (problem type {@code virus-scanner-unavailable}, HTTP 503) when clamd is
	 *         configured but gives no verdict
	 */
	public DocumentView uploadDocument(Actor actor, CaseId caseId, String fileName, InputStream content) {
		return uploadDocument(actor, caseId, fileName, content, null);
	}

	/**
	 * Stores an uploaded document labelled with its kind (null: not said), as {@link #uploadDocument(Actor, CaseId, String, InputStream)};
	 * the kind ticks the completeness checklist's matching items ({@link DocumentKind#satisfies}).
	 */
	public DocumentView uploadDocument(Actor actor, CaseId caseId, String fileName, InputStream content, DocumentKind kind) {
		access.checkMayAdd(actor, caseId.value(), AuditAction.RECORDS_DOCUMENT_UPLOAD);
		DocumentStore.Stored stored;
		DocumentRecords.CaseUsage usage;
		try {
			documents.lockCase(caseId.value());
			usage = documents.usage(caseId.value());
			long fileLimit = settings.maxFileSize().toBytes();
			long caseLimit = settings.maxCaseSize().toBytes();
			if (usage.files() >= settings.maxCaseFiles()) {
				throw new InvalidInputException("This case already holds " + usage.files() + " documents, the most a case may hold.");
			}
			if (usage.bytes() >= caseLimit) {
				throw new InvalidInputException("This case's records already take " + size(caseLimit) + ", the most a case may hold.");
			}
			long limit = Math.min(fileLimit, caseLimit - usage.bytes());
			try {
				stored = store.put(content, limit);
			}
			catch (InvalidInputException tooLarge) {
				throw new InvalidInputException(limit == fileLimit ? "The file is larger than " + size(fileLimit) + ", the most one upload may hold."
						: "This file would take the case's records past " + size(caseLimit) + ", the most a case may hold.");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ConsiliumProblem e) {
			audit.failed(actor, AuditAction.RECORDS_DOCUMENT_UPLOAD, caseId, "Document", null);
			throw e;
		}
		try {
			if (stored.sizeBytes() == 0) {
				throw new InvalidInputException("The file is empty.");
			}
			VirusScanner.Verdict verdict;
			try (InputStream in = store.open(stored)) {
				verdict = scanner.scan(in);
			}
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			String name = FileNames.clean(fileName);
			if (verdict.status() == ScanStatus.INFECTED) {
				documents.insert(id, caseId.value(), name, "application/octet-stream", null, stored, verdict, 0, actor, now, kind);
				removeBytesIfRolledBack(stored.key());
				audit.success(actor, AuditAction.RECORDS_DOCUMENT_QUARANTINE, caseId, "Document", id);
				return new DocumentView(new DocumentId(id), caseId, name, "application/octet-stream", stored.sizeBytes(), stored.sha256(), actor.id(), now, null,
						ScanStatus.INFECTED, List.of(), kind);
			}
			DocumentInspector.Inspected inspected;
			try (InputStream in = store.open(stored)) {
				inspected = inspector.inspect(in);
			}
			if (usage.bytes() + Math.max(stored.sizeBytes(), inspected.uncompressedBytes()) > settings.maxCaseSize().toBytes()) {
				throw new InvalidInputException("This archive holds " + size(inspected.uncompressedBytes())
						+ " once uncompressed, which would take the case's records past " + size(settings.maxCaseSize().toBytes()) + ".");
			}
			DocumentType type = inspected.type();
			documents.insert(id, caseId.value(), name, type.mediaType(), type, stored, verdict, inspected.uncompressedBytes(), actor, now, kind);
			List<ArchiveEntryView> entries = new ArrayList<>();
			if (inspected.archive() != null) {
				for (ZipInspection.Entry e : inspected.archive().entries()) {
					entries.add(documents.insertEntry(id, caseId.value(), e));
				}
			}
			removeBytesIfRolledBack(stored.key());
			audit.success(actor, AuditAction.RECORDS_DOCUMENT_UPLOAD, caseId, "Document", id);
			return new DocumentView(new DocumentId(id), caseId, name, type.mediaType(), stored.sizeBytes(), stored.sha256(), actor.id(), now, type,
					verdict.status(), List.copyOf(entries), kind);
		}
		catch (IOException | RuntimeException e) {
			deleteQuietly(stored.key());
			if (e instanceof ConsiliumProblem problem) {
				audit.failed(actor, AuditAction.RECORDS_DOCUMENT_UPLOAD, caseId, "Document", null);
				throw problem;
			}
			throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
		}
	}

	/** Bytes for people: {@code 100 MB}, {@code 2 GB}, {@code 1.5 KB}, binary multiples as {@link DataSize} uses. */
	static String size(long bytes) {
		String[] units = { "GB", "MB", "KB" };
		for (int i = 0; i < units.length; i++) {
			double unit = Math.pow(1024, 3 - i);
			if (bytes >= unit) {
				double value = bytes / unit;
				return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " " + units[i];
			}
		}
		return bytes + " bytes";
	}

	/**
	 * Opens a document of the case for reading; audited. The content is decrypted and checked against the document's
	 * SHA-256 as {@link DocumentStore} describes: small documents before the first byte, large ones at the end of the
	 * stream, where a mismatch aborts the read with an {@link IOException}.
	 * @return the document's metadata and its plaintext; the caller closes the stream
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a document that is not in this case, or a
	 *         case the actor cannot see
	 * @throws DocumentQuarantinedException (problem type {@code document-quarantined}, HTTP 409) for a document the virus
	 *         scanner found infected
	 * @throws DocumentUnavailableException (problem type {@code document-unavailable}, HTTP 500) when the stored content
	 *         is missing or fails its check before the first byte
	 */
	public DocumentContent openDocument(Actor actor, CaseId caseId, DocumentId documentId) {
		cases.requireAccess(actor, caseId, AuditAction.RECORDS_DOCUMENT_READ);
		DocumentRecords.DocumentRow row = documents.find(caseId.value(), documentId.value());
		if (row == null) {
			audit.denied(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "Document", documentId.value());
			throw new NotFoundException();
		}
		if (ScanStatus.valueOf(row.scanStatus()) == ScanStatus.INFECTED) {
			audit.failed(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "Document", documentId.value());
			throw new DocumentQuarantinedException();
		}
		InputStream content;
		try {
			content = store.open(row.stored());
		}
		catch (NoSuchFileException e) {
			log.error("Document {} of case {} has a record but its stored content is missing (object {})", documentId, caseId, row.storageKey());
			audit.failed(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "Document", documentId.value());
			throw DocumentUnavailableException.missing();
		}
		catch (IOException e) {
			log.error("Document {} of case {} cannot be served: {}", documentId, caseId, e.getMessage());
			audit.failed(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "Document", documentId.value());
			throw DocumentUnavailableException.failedCheck();
		}
		audit.success(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "Document", documentId.value());
		return new DocumentContent(row.view(documents.entries(caseId.value(), documentId.value())), content);
	}

	/**
	 * Opens one file of an archive in the case, served like a document of its own (its type and size were checked at
	 * upload; the stream is cut off at the recorded size); audited.
	 * @return the entry as a document of its own (its id is the entry's) and its bytes; the caller closes the stream
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for an entry that is not in this document of
	 *         this case, or a case the actor cannot see
	 * @throws DocumentQuarantinedException (problem type {@code document-quarantined}, HTTP 409) when the archive was
	 *         found infected
	 * @throws DocumentUnavailableException (problem type {@code document-unavailable}, HTTP 500) when the archive's stored
	 *         content is missing or fails its check
	 */
	public DocumentContent openArchiveEntry(Actor actor, CaseId caseId, DocumentId documentId, UUID entryId) {
		cases.requireAccess(actor, caseId, AuditAction.RECORDS_DOCUMENT_READ);
		DocumentRecords.DocumentRow row = documents.find(caseId.value(), documentId.value());
		DocumentRecords.EntryRow entry = row == null ? null : documents.entry(caseId.value(), documentId.value(), entryId);
		if (entry == null) {
			audit.denied(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "ArchiveEntry", entryId);
			throw new NotFoundException();
		}
		if (ScanStatus.valueOf(row.scanStatus()) == ScanStatus.INFECTED) {
			audit.failed(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "ArchiveEntry", entryId);
			throw new DocumentQuarantinedException();
		}
		audit.success(actor, AuditAction.RECORDS_DOCUMENT_READ, caseId, "ArchiveEntry", entryId);
		DocumentType type = DocumentType.valueOf(entry.documentType());
		ArchiveEntryView view = new ArchiveEntryView(entryId, FileNames.readable(entry.path()), type, entry.sizeBytes(), entry.sha256());
		try {
			return new DocumentContent(new DocumentView(DocumentId.ofNullable(entryId), caseId, view.fileName(), type.mediaType(), entry.sizeBytes(), entry.sha256(),
					UserId.ofNullable(row.uploadedBy()), row.uploadedAt(), type, ScanStatus.valueOf(row.scanStatus()), List.of(), null),
					inspector.openEntry(store.open(row.stored()), entry.entryIndex(), entry.path(), entry.sizeBytes()));
		}
		catch (NoSuchFileException e) {
			log.error("Archive {} of case {} has a record but its stored content is missing (object {})", documentId, caseId, row.storageKey());
			throw DocumentUnavailableException.missing();
		}
		catch (IOException e) {
			log.error("Archive {} of case {} cannot be served: {}", documentId, caseId, e.getMessage());
			throw DocumentUnavailableException.failedCheck();
		}
	}

	/**
	 * Imports a FHIR R4 Bundle into the case's clinical summary; stops when its Patient is not the case's patient. The
	 * same as {@link #importFhirBundle(Actor, UUID, String, byte[], boolean)} without a confirmed mismatch.
	 * @throws InvalidInputException (problem type {@code invalid-input}, HTTP 422) when the bundle is rejected; the
	 *         message names the problem; nothing is stored
	 * @throws WrongPatientException (problem type {@code wrong-patient}, HTTP 409) when the Bundle's Patient contradicts
	 *         the case's patient; nothing is stored
	 */
	public FhirImportView importFhirBundle(Actor actor, CaseId caseId, String fileName, byte[] json) {
		return importFhirBundle(actor, caseId, fileName, json, false);
	}

	/**
	 * Imports a FHIR R4 Bundle into the case's clinical summary, synchronously (validation takes seconds). See
	 * {@link FhirBundleImporter} for what is accepted, and {@link FhirImports#store} for what is stored.
	 * @param fileName the uploaded file's name; stored cleaned
	 * @param json the Bundle's bytes, UTF-8 JSON
	 * @param confirmPatientMismatch true when the actor has confirmed that a Bundle about another patient (name, birth
	 *        date or sex) than the case's belongs to this case, or, on a case without patient details, that the Bundle's
	 *        patient is the case's (whose details the case then takes); audited as
	 *        {@code records.fhir.import.patient-mismatch-confirmed}
	 * @return the stored import with its warnings and counts of shared resources
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a case the actor cannot see
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, HTTP 403) for anyone but the patient, their
	 *         referring physician or a coordinator
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, HTTP 409) when the case is closed for records
	 * @throws InvalidInputException (problem type {@code invalid-input}, HTTP 422) when the bundle is rejected; the
	 *         message names the problem; nothing is stored
	 * @throws WrongPatientException (problem type {@code wrong-patient}, HTTP 409) when the Bundle's Patient contradicts
	 *         the case's patient and the mismatch is not confirmed; nothing is stored
	 * @throws AlreadyImportedException (problem type {@code already-imported}, HTTP 409) when the case holds the same
	 *         Bundle already (same canonical JSON); nothing is stored again
	 */
	public FhirImportView importFhirBundle(Actor actor, CaseId caseId, String fileName, byte[] json, boolean confirmPatientMismatch) {
		access.checkMayAdd(actor, caseId.value(), AuditAction.RECORDS_FHIR_IMPORT);
		FhirImport result = imports.validate(actor, caseId, json, FhirImportProgress.NONE);
		return imports.store(actor, caseId, fileName, result, confirmPatientMismatch);
	}

	/**
	 * All records of the case that are not voided: its documents (oldest first, an archive with its entries), its FHIR
	 * imports (oldest first) and the clinical summary merged over them. Audited as one read ({@code records.read}).
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a case the actor cannot see
	 */
	public CaseRecordsView records(Actor actor, CaseId caseId) {
		cases.requireAccess(actor, caseId, AuditAction.RECORDS_READ);
		List<DocumentView> documentViews = documents.list(caseId.value()).stream()
			.map(row -> row.view(row.documentType() != null && DocumentType.valueOf(row.documentType()) == DocumentType.ZIP
					? documents.entries(caseId.value(), row.id()) : List.of()))
			.toList();
		List<FhirImportView> importViews = imports.imports(caseId);
		ClinicalSummary summary = imports.summary(caseId);
		audit.success(actor, AuditAction.RECORDS_READ, caseId, "CaseRecords", caseId.value());
		return new CaseRecordsView(documentViews, importViews, summary);
	}

	/**
	 * One row of the case's clinical summary with its import, for its source link. Audited as {@code records.read}.
	 * @throws NotFoundException (problem type {@code not-found}, 404) for a case the actor cannot see, or another case's row
	 */
	public SummaryEntrySource summaryEntry(Actor actor, CaseId caseId, long entryId) {
		cases.requireAccess(actor, caseId, AuditAction.RECORDS_READ);
		SummaryEntrySource source = imports.entry(caseId, entryId).orElseThrow(NotFoundException::new);
		audit.success(actor, AuditAction.RECORDS_READ, caseId, "SummaryEntry", source.from().id());
		return source;
	}

	/** The most one upload may hold, for people ({@code consilium.records.max-file-size}, e.g. {@code 100 MB}). */
	public String maxFileSize() {
		return size(settings.maxFileSize().toBytes());
	}

	/**
	 * Whether this actor may add records to the case now (to show or hide the forms): the patient, their referring
	 * physician or a coordinator, while the case is open for records. Reads nothing; {@code c} is the case as the caller's
	 * access check returned it. The phenotype module asks the same question.
	 */
	public static boolean mayAddRecords(Actor actor, AccessibleCase c) {
		return RecordsAccess.mayAdd(actor, c);
	}

	private void removeBytesIfRolledBack(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						deleteQuietly(key);
					}
				}
			});
		}
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException ignored) {
			// The sweeper of the records issue (#3) removes leftovers.
		}
	}
}
