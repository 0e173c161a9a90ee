package org.consilium.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import org.consilium.audit.AuditLog;
import org.consilium.identity.Actor;
import org.consilium.identity.Role;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * Adds and reads the records of a case. Access is the case's ({@link IntakeManagement#requireAccess}); the patient, their
 * referring physician and coordinators add records while the case is open for them; the assigned specialist reads.
 * Uploads: the types of {@link DocumentType}, proven by {@link DocumentTypePolicy}, within the limits of
 * {@link RecordsSettings}, virus-scanned when clamd is configured ({@link ScanStatus}).
 * FHIR: an R4 Bundle, at most {@value #MAX_BUNDLE_BYTES} bytes, validated and summarised by {@link FhirBundleImporter};
 * a rejected bundle stores nothing and the exception's message names the problem (problem type {@code invalid-input}).
 */
@Service
@Transactional
public class RecordsManagement {

	public static final long MAX_BUNDLE_BYTES = 25L * 1024 * 1024;

	private static final Set<OpinionRequestStatus> OPEN_FOR_RECORDS = EnumSet.of(OpinionRequestStatus.DRAFT, OpinionRequestStatus.SUBMITTED,
			OpinionRequestStatus.IN_TRIAGE, OpinionRequestStatus.AWAITING_RECORDS, OpinionRequestStatus.ASSIGNED, OpinionRequestStatus.IN_REVIEW,
			OpinionRequestStatus.AWAITING_PATIENT);

	private final IntakeManagement intake;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final DocumentStore store;

	private final FhirBundleImporter importer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecordsSettings settings;

	private final DocumentInspector inspector;

	private final VirusScanner scanner;

	RecordsManagement(IntakeManagement intake, AuditLog audit, JdbcClient jdbc, DocumentStore store, FhirBundleImporter importer,
			ApplicationEventPublisher events, Clock clock, RecordsSettings settings, DocumentInspector inspector, VirusScanner scanner) {
		this.settings = settings;
		this.inspector = inspector;
		this.scanner = scanner;
		this.intake = intake;
		this.audit = audit;
		this.jdbc = jdbc;
		this.store = store;
		this.importer = importer;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores an uploaded document. Limits ({@code consilium.records.*}, {@link RecordsSettings}) are enforced while the
	 * bytes stream in: at most {@code max-file-size} per file and what is left of the case's {@code max-case-size}; a case
	 * holds at most {@code max-case-files} documents. The bytes are written first (uploads of one case are serialised by a
	 * transaction-scoped advisory lock, so two cannot both pass the case limits), then scanned for viruses when clamd is
	 * configured (an infected file is kept in quarantine: recorded, never served, never parsed), then checked by the
	 * {@link DocumentTypePolicy} (and a ZIP by {@link ZipInspection}, its uncompressed size counting against the case);
	 * the row comes last. Whatever fails, the bytes are removed and nothing is recorded.
	 *
	 * @throws InvalidInputException (422) for an empty or oversized file, a case at its limits, or a file the type
	 *         policy rejects; the message names the reason
	 * @throws VirusScannerUnavailableException (503) when clamd is configured but gives no verdict
	 */
	public DocumentView uploadDocument(Actor actor, UUID caseId, String fileName, InputStream content) {
		checkMayAdd(actor, caseId, "records.document.upload");
		DocumentStore.Stored stored;
		CaseUsage usage;
		try {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(caseId.getMostSignificantBits() ^ caseId.getLeastSignificantBits())
				.query((rs, row) -> 1).list();
			usage = usage(caseId);
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
			audit.failed(actor.userId(), actor.role().name(), "records.document.upload", caseId, "Document", null);
			throw e;
		}
		try {
			if (stored.sizeBytes() == 0) {
				throw new InvalidInputException("The file is empty.");
			}
			VirusScanner.Verdict verdict;
			try (InputStream in = store.open(stored.key())) {
				verdict = scanner.scan(in);
			}
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			String name = FileNames.clean(fileName);
			if (verdict.status() == ScanStatus.INFECTED) {
				insertDocument(id, caseId, name, "application/octet-stream", null, stored, verdict, 0, actor, now);
				removeBytesIfRolledBack(stored.key());
				audit.success(actor.userId(), actor.role().name(), "records.document.quarantine", caseId, "Document", id);
				return new DocumentView(id, caseId, name, "application/octet-stream", stored.sizeBytes(), stored.sha256(), actor.userId(), now, null,
						ScanStatus.INFECTED, List.of());
			}
			DocumentInspector.Inspected inspected;
			try (InputStream in = store.open(stored.key())) {
				inspected = inspector.inspect(in);
			}
			if (usage.bytes() + Math.max(stored.sizeBytes(), inspected.uncompressedBytes()) > settings.maxCaseSize().toBytes()) {
				throw new InvalidInputException("This archive holds " + size(inspected.uncompressedBytes())
						+ " once uncompressed, which would take the case's records past " + size(settings.maxCaseSize().toBytes()) + ".");
			}
			DocumentType type = inspected.type();
			insertDocument(id, caseId, name, type.mediaType(), type, stored, verdict, inspected.uncompressedBytes(), actor, now);
			List<ArchiveEntryView> entries = new ArrayList<>();
			if (inspected.archive() != null) {
				for (ZipInspection.Entry e : inspected.archive().entries()) {
					UUID entryId = UUID.randomUUID();
					jdbc.sql("""
							INSERT INTO records.archive_entry (id, document_id, case_id, entry_index, path, document_type, size_bytes, sha256)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
						.params(entryId, id, caseId, e.index(), e.path(), e.type().name(), e.sizeBytes(), e.sha256()).update();
					entries.add(new ArchiveEntryView(entryId, FileNames.readable(e.path()), e.type(), e.sizeBytes(), e.sha256()));
				}
			}
			removeBytesIfRolledBack(stored.key());
			audit.success(actor.userId(), actor.role().name(), "records.document.upload", caseId, "Document", id);
			events.publishEvent(new RecordAdded(caseId, id, "document", now));
			return new DocumentView(id, caseId, name, type.mediaType(), stored.sizeBytes(), stored.sha256(), actor.userId(), now, type,
					verdict.status(), List.copyOf(entries));
		}
		catch (IOException | RuntimeException e) {
			deleteQuietly(stored.key());
			if (e instanceof ConsiliumProblem problem) {
				audit.failed(actor.userId(), actor.role().name(), "records.document.upload", caseId, "Document", null);
				throw problem;
			}
			throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
		}
	}

	private void insertDocument(UUID id, UUID caseId, String name, String mediaType, DocumentType type, DocumentStore.Stored stored,
			VirusScanner.Verdict verdict, long uncompressedBytes, Actor actor, Instant now) {
		jdbc.sql("""
				INSERT INTO records.document (id, case_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at,
				  document_type, scan_status, scan_signature, uncompressed_bytes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, name, mediaType, stored.sizeBytes(), stored.sha256(), stored.key(), actor.userId(), Timestamp.from(now),
					type == null ? null : type.name(), verdict.status().name(), verdict.signature(), type == DocumentType.ZIP ? uncompressedBytes : null)
			.update();
	}

	/** Documents of a case and the bytes they take, an archive counted by the larger of its stored and uncompressed size. */
	private record CaseUsage(long files, long bytes) {
	}

	private CaseUsage usage(UUID caseId) {
		return jdbc.sql("""
				SELECT count(*) AS files, coalesce(sum(greatest(size_bytes, coalesce(uncompressed_bytes, 0))), 0) AS bytes
				FROM records.document WHERE case_id = ? AND voided_at IS NULL""").param(caseId).query(CaseUsage.class).single();
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
	 * Opens a document of the case for reading; audited.
	 * @throws NotFoundException for a document that is not in this case, or a case the actor cannot see
	 * @throws DocumentQuarantinedException (409) for a document the virus scanner found infected
	 */
	public DocumentContent openDocument(Actor actor, UUID caseId, UUID documentId) {
		intake.requireAccess(actor, caseId, "records.document.read");
		DocumentRow row = jdbc.sql(DOCUMENT_ROW + " AND id = ?").params(caseId, documentId).query(DocumentRow.class).optional().orElse(null);
		if (row == null) {
			audit.denied(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
			throw new NotFoundException();
		}
		if (ScanStatus.valueOf(row.scanStatus()) == ScanStatus.INFECTED) {
			audit.failed(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
			throw new DocumentQuarantinedException();
		}
		audit.success(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
		try {
			return new DocumentContent(row.view(entries(caseId, documentId)), store.open(row.storageKey()));
		}
		catch (IOException e) {
			throw new IllegalStateException("The stored bytes of a document are missing; an administrator must restore them.", e);
		}
	}

	/**
	 * Opens one file of an archive in the case, served like a document of its own (its type and size were checked at
	 * upload; the stream is cut off at the recorded size); audited.
	 * @throws NotFoundException for an entry that is not in this document of this case, or a case the actor cannot see
	 * @throws DocumentQuarantinedException (409) when the archive was found infected
	 */
	public DocumentContent openArchiveEntry(Actor actor, UUID caseId, UUID documentId, UUID entryId) {
		intake.requireAccess(actor, caseId, "records.document.read");
		DocumentRow row = jdbc.sql(DOCUMENT_ROW + " AND id = ?").params(caseId, documentId).query(DocumentRow.class).optional().orElse(null);
		record EntryRow(int entryIndex, String path, String documentType, long sizeBytes, String sha256) {
		}
		EntryRow entry = row == null ? null : jdbc.sql("""
				SELECT entry_index, path, document_type, size_bytes, sha256 FROM records.archive_entry WHERE id = ? AND document_id = ? AND case_id = ?""")
			.params(entryId, documentId, caseId).query(EntryRow.class).optional().orElse(null);
		if (entry == null) {
			audit.denied(actor.userId(), actor.role().name(), "records.document.read", caseId, "ArchiveEntry", entryId);
			throw new NotFoundException();
		}
		if (ScanStatus.valueOf(row.scanStatus()) == ScanStatus.INFECTED) {
			audit.failed(actor.userId(), actor.role().name(), "records.document.read", caseId, "ArchiveEntry", entryId);
			throw new DocumentQuarantinedException();
		}
		audit.success(actor.userId(), actor.role().name(), "records.document.read", caseId, "ArchiveEntry", entryId);
		DocumentType type = DocumentType.valueOf(entry.documentType());
		ArchiveEntryView view = new ArchiveEntryView(entryId, FileNames.readable(entry.path()), type, entry.sizeBytes(), entry.sha256());
		try {
			return new DocumentContent(new DocumentView(entryId, caseId, view.fileName(), type.mediaType(), entry.sizeBytes(), entry.sha256(),
					row.uploadedBy(), row.uploadedAt(), type, ScanStatus.valueOf(row.scanStatus()), List.of()),
					inspector.openEntry(store.open(row.storageKey()), entry.entryIndex(), entry.path(), entry.sizeBytes()));
		}
		catch (IOException e) {
			throw new IllegalStateException("The stored bytes of an archive are missing or changed; an administrator must restore them.", e);
		}
	}

	private static final String DOCUMENT_ROW = """
			SELECT id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, document_type, scan_status, storage_key
			FROM records.document WHERE case_id = ? AND voided_at IS NULL""";

	private record DocumentRow(UUID id, UUID caseId, String fileName, String mediaType, long sizeBytes, String sha256, UUID uploadedBy,
			Instant uploadedAt, String documentType, String scanStatus, String storageKey) {

		DocumentView view(List<ArchiveEntryView> entries) {
			return new DocumentView(id, caseId, fileName, mediaType, sizeBytes, sha256, uploadedBy, uploadedAt,
					documentType == null ? null : DocumentType.valueOf(documentType), ScanStatus.valueOf(scanStatus), entries);
		}
	}

	private List<ArchiveEntryView> entries(UUID caseId, UUID documentId) {
		return jdbc.sql("""
				SELECT id, path, document_type, size_bytes, sha256 FROM records.archive_entry WHERE case_id = ? AND document_id = ? ORDER BY entry_index""")
			.params(caseId, documentId)
			.query((rs, i) -> new ArchiveEntryView(rs.getObject("id", UUID.class), FileNames.readable(rs.getString("path")),
					DocumentType.valueOf(rs.getString("document_type")), rs.getLong("size_bytes"), rs.getString("sha256")))
			.list();
	}

	/**
	 * Imports a FHIR R4 Bundle into the case's clinical summary.
	 * @throws InvalidInputException (422) when the bundle is rejected; the message names the problem; nothing is stored
	 */
	public FhirImportView importFhirBundle(Actor actor, UUID caseId, String fileName, byte[] json) {
		checkMayAdd(actor, caseId, "records.fhir.import");
		if (json == null || json.length == 0) {
			throw new InvalidInputException("The file is empty.");
		}
		if (json.length > MAX_BUNDLE_BYTES) {
			throw new InvalidInputException("The bundle is larger than " + (MAX_BUNDLE_BYTES / (1024 * 1024)) + " MB.");
		}
		FhirImport result;
		try {
			result = importer.importBundle(json);
		}
		catch (FhirImportRejectedException e) {
			audit.failed(actor.userId(), actor.role().name(), "records.fhir.import", caseId, "FhirImport", null);
			throw new InvalidInputException(e.getMessage().replaceAll("/\\*[^*]*\\*/", ""));
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		PatientDemographics patient = result.patient();
		jdbc.sql("""
				INSERT INTO records.fhir_import (id, case_id, file_name, bundle_type, entry_count, warnings, patient_family, patient_given,
				  patient_birth_date, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, FileNames.clean(fileName), result.bundleType(), result.entryCount(), String.join("\n", result.warnings()),
					patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
					patient == null ? null : patient.birthDate(), actor.userId(), Timestamp.from(now))
			.update();
		ClinicalSummary s = result.summary();
		for (List<SummaryEntry> rows : List.of(s.conditions(), s.medications(), s.allergies(), s.procedures(), s.observations())) {
			for (SummaryEntry e : rows) {
				jdbc.sql("""
						INSERT INTO records.summary_entry (import_id, case_id, category, system, code, display, date, value, status, source_entry)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(id, caseId, e.category().name(), e.system(), e.code(), e.display(), e.date(), e.value(), e.status(), e.sourceEntry())
					.update();
			}
		}
		audit.success(actor.userId(), actor.role().name(), "records.fhir.import", caseId, "FhirImport", id);
		events.publishEvent(new RecordAdded(caseId, id, "fhir-import", now));
		return new FhirImportView(id, FileNames.clean(fileName), result.bundleType(), result.entryCount(), result.warnings(),
				patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
				patient == null ? null : patient.birthDate(), now);
	}

	/** All records of the case; audited as one read. */
	public CaseRecordsView records(Actor actor, UUID caseId) {
		intake.requireAccess(actor, caseId, "records.read");
		List<DocumentView> documents = jdbc.sql(DOCUMENT_ROW + " ORDER BY uploaded_at").param(caseId).query(DocumentRow.class).list().stream()
			.map(row -> row.view(row.documentType() != null && DocumentType.valueOf(row.documentType()) == DocumentType.ZIP
					? entries(caseId, row.id()) : List.of()))
			.toList();
		record ImportRow(UUID id, String fileName, String bundleType, int entryCount, String warnings, String patientFamily, String patientGiven,
				java.time.LocalDate patientBirthDate, Instant importedAt) {
		}
		List<FhirImportView> imports = jdbc.sql("""
				SELECT id, file_name, bundle_type, entry_count, warnings, patient_family, patient_given, patient_birth_date, imported_at
				FROM records.fhir_import WHERE case_id = ? AND voided_at IS NULL ORDER BY imported_at""").param(caseId).query(ImportRow.class)
			.list().stream()
			.map(r -> new FhirImportView(r.id(), r.fileName(), r.bundleType(), r.entryCount(),
					r.warnings().isEmpty() ? List.of() : Arrays.asList(r.warnings().split("\n")), r.patientFamily(), r.patientGiven(),
					r.patientBirthDate(), r.importedAt()))
			.toList();
		List<SummaryEntry> entries = jdbc.sql("""
				SELECT s.category, s.system, s.code, s.display, s.date, s.value, s.status, s.source_entry FROM records.summary_entry s
				JOIN records.fhir_import i ON i.id = s.import_id AND i.voided_at IS NULL
				WHERE s.case_id = ? ORDER BY s.date DESC NULLS LAST, s.id""").param(caseId).query(SummaryEntry.class).list();
		audit.success(actor.userId(), actor.role().name(), "records.read", caseId, "CaseRecords", caseId);
		return new CaseRecordsView(documents, imports, new ClinicalSummary(of(entries, SummaryCategory.CONDITION), of(entries, SummaryCategory.MEDICATION),
				of(entries, SummaryCategory.ALLERGY), of(entries, SummaryCategory.PROCEDURE), of(entries, SummaryCategory.OBSERVATION)));
	}

	private static List<SummaryEntry> of(List<SummaryEntry> all, SummaryCategory category) {
		return all.stream().filter(e -> e.category() == category).toList();
	}

	/** The most one upload may hold, for people ({@code consilium.records.max-file-size}, e.g. {@code 100 MB}). */
	public String maxFileSize() {
		return size(settings.maxFileSize().toBytes());
	}

	/** Whether this actor may add records to the case now (to show or hide the forms). */
	public static boolean mayAddRecords(Actor actor, OpinionRequestView c) {
		boolean forPatient = actor.userId().equals(c.patientId()) || actor.userId().equals(c.referrerId());
		return (forPatient || actor.is(Role.COORDINATOR)) && OPEN_FOR_RECORDS.contains(c.status());
	}

	private void checkMayAdd(Actor actor, UUID caseId, String action) {
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		boolean forPatient = actor.userId().equals(c.patientId()) || actor.userId().equals(c.referrerId());
		if (!(forPatient || actor.is(Role.COORDINATOR))) {
			throw new ForbiddenActionException("Only the patient, their referring physician or a coordinator adds records.");
		}
		if (!OPEN_FOR_RECORDS.contains(c.status())) {
			throw new IllegalTransitionException("Records can no longer be added to this case (status: " + c.status().label() + ").");
		}
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
