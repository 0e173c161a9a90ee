package org.consilium.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.consilium.audit.AuditLog;
import org.consilium.identity.Actor;
import org.consilium.identity.Role;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * Adds and reads the records of a case. Access is the case's ({@link IntakeManagement#requireAccess}); the patient, their
 * referring physician and coordinators add records while the case is open for them; the assigned specialist reads.
 * Uploads: PDF, JPEG or PNG detected from the content (Apache Tika), at most {@value #MAX_DOCUMENT_BYTES} bytes.
 * FHIR: an R4 Bundle, at most {@value #MAX_BUNDLE_BYTES} bytes, validated and summarised by {@link FhirBundleImporter};
 * a rejected bundle stores nothing and the exception's message names the problem (problem type {@code invalid-input}).
 */
@Service
@Transactional
public class RecordsManagement {

	private static final Logger log = LoggerFactory.getLogger(RecordsManagement.class);

	public static final long MAX_DOCUMENT_BYTES = 100L * 1024 * 1024;

	public static final long MAX_BUNDLE_BYTES = 25L * 1024 * 1024;

	static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

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

	private final Tika tika = new Tika();

	RecordsManagement(IntakeManagement intake, AuditLog audit, JdbcClient jdbc, DocumentStore store, FhirBundleImporter importer,
			ApplicationEventPublisher events, Clock clock) {
		this.intake = intake;
		this.audit = audit;
		this.jdbc = jdbc;
		this.store = store;
		this.importer = importer;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores an uploaded document. The bytes are written first, the row second; if the row fails the bytes are removed.
	 * @throws InvalidInputException (422) for an empty or oversized file or a type other than PDF, JPEG or PNG
	 */
	public DocumentView uploadDocument(Actor actor, UUID caseId, String fileName, InputStream content) {
		checkMayAdd(actor, caseId, "records.document.upload");
		DocumentStore.Stored stored;
		try {
			stored = store.put(content, MAX_DOCUMENT_BYTES);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InvalidInputException e) {
			audit.failed(actor.userId(), actor.role().name(), "records.document.upload", caseId, "Document", null);
			throw e;
		}
		try {
			if (stored.sizeBytes() == 0) {
				throw new InvalidInputException("The file is empty.");
			}
			String type;
			try (InputStream in = store.open(stored)) {
				type = tika.detect(in);
			}
			if (!ALLOWED_TYPES.contains(type)) {
				throw new InvalidInputException("This file is not a PDF, JPEG or PNG (its content looks like " + type
						+ "). Upload medical documents as PDF or images.");
			}
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			String name = cleanFileName(fileName);
			jdbc.sql("""
					INSERT INTO records.document (id, case_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at,
					  wrapped_data_key, master_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, caseId, name, type, stored.sizeBytes(), stored.sha256(), stored.key(), actor.userId(), Timestamp.from(now),
						stored.wrappedDataKey(), stored.masterKeyId())
				.update();
			removeBytesIfRolledBack(stored.key());
			audit.success(actor.userId(), actor.role().name(), "records.document.upload", caseId, "Document", id);
			events.publishEvent(new RecordAdded(caseId, id, "document", now));
			return new DocumentView(id, caseId, name, type, stored.sizeBytes(), stored.sha256(), actor.userId(), now);
		}
		catch (IOException | RuntimeException e) {
			deleteQuietly(stored.key());
			if (e instanceof InvalidInputException invalid) {
				audit.failed(actor.userId(), actor.role().name(), "records.document.upload", caseId, "Document", null);
				throw invalid;
			}
			throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
		}
	}

	/**
	 * Opens a document of the case for reading; audited. The content is decrypted and checked against the document's
	 * SHA-256 as {@link DocumentStore} describes: small documents before the first byte, large ones at the end of the
	 * stream, where a mismatch aborts the read with an {@link IOException}.
	 * @throws NotFoundException for a document that is not in this case, or a case the actor cannot see
	 * @throws DocumentUnavailableException (problem type {@code document-unavailable}, HTTP 500) when the stored content is
	 *         missing or fails its check; the record stays listed and the server log names the document's identifiers
	 */
	public DocumentContent openDocument(Actor actor, UUID caseId, UUID documentId) {
		intake.requireAccess(actor, caseId, "records.document.read");
		record Row(UUID id, UUID caseId, String fileName, String mediaType, long sizeBytes, String sha256, UUID uploadedBy, Instant uploadedAt,
				String storageKey, byte[] wrappedDataKey, String masterKeyId) {
		}
		Row row = jdbc.sql("""
				SELECT id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, storage_key, wrapped_data_key,
				  master_key_id
				FROM records.document WHERE id = ? AND case_id = ? AND voided_at IS NULL""")
			.params(documentId, caseId).query(Row.class).optional().orElse(null);
		if (row == null) {
			audit.denied(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
			throw new NotFoundException();
		}
		InputStream content;
		try {
			content = store.open(new DocumentStore.Stored(row.storageKey(), row.sizeBytes(), row.sha256(), row.wrappedDataKey(), row.masterKeyId()));
		}
		catch (NoSuchFileException e) {
			log.error("Document {} of case {} has a record but its stored content is missing (object {})", documentId, caseId, row.storageKey());
			audit.failed(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
			throw DocumentUnavailableException.missing();
		}
		catch (IOException e) {
			log.error("Document {} of case {} cannot be served: {}", documentId, caseId, e.getMessage());
			audit.failed(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
			throw DocumentUnavailableException.failedCheck();
		}
		audit.success(actor.userId(), actor.role().name(), "records.document.read", caseId, "Document", documentId);
		return new DocumentContent(new DocumentView(row.id(), row.caseId(), row.fileName(), row.mediaType(), row.sizeBytes(), row.sha256(),
				row.uploadedBy(), row.uploadedAt()), content);
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
			.params(id, caseId, cleanFileName(fileName), result.bundleType(), result.entryCount(), String.join("\n", result.warnings()),
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
		return new FhirImportView(id, cleanFileName(fileName), result.bundleType(), result.entryCount(), result.warnings(),
				patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
				patient == null ? null : patient.birthDate(), now);
	}

	/** All records of the case; audited as one read. */
	public CaseRecordsView records(Actor actor, UUID caseId) {
		intake.requireAccess(actor, caseId, "records.read");
		List<DocumentView> documents = jdbc.sql("""
				SELECT id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at FROM records.document
				WHERE case_id = ? AND voided_at IS NULL ORDER BY uploaded_at""").param(caseId).query(DocumentView.class).list();
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

	/**
	 * Keeps what people can read of a file name: strips control, format (including bidirectional overrides) and path
	 * characters, keeps Unicode letters; at most 200 characters.
	 */
	static String cleanFileName(String name) {
		if (name == null) {
			return "document";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		StringBuilder out = new StringBuilder();
		base.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT).forEach(out::appendCodePoint);
		String cleaned = out.toString().strip();
		if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
			return "document";
		}
		return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
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
