package org.consilium.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
import org.consilium.records.fhirimport.FhirBundleImporter;
import org.consilium.records.fhirimport.FhirImport;
import org.consilium.records.fhirimport.FhirImportProgress;
import org.consilium.records.fhirimport.FhirImportRejectedException;
import org.consilium.records.vault.DocumentInspector;
import org.consilium.records.vault.DocumentStore;
import org.consilium.records.vault.FileNames;
import org.consilium.records.vault.VirusScanner;
import org.consilium.records.vault.ZipInspection;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * Adds and reads the records of a case. Access is the case's ({@link IntakeManagement#requireAccess}); the patient, their
 * referring physician and coordinators add records while the case is open for them; the assigned specialist reads.
 * Uploads: the types of {@link DocumentType}, proven by {@link org.consilium.records.vault.DocumentTypePolicy}, within the limits of
 * {@link RecordsSettings}, virus-scanned when clamd is configured ({@link ScanStatus}).
 * FHIR: an R4 Bundle within {@link org.consilium.records.fhirimport.FhirImportLimits}, validated and summarised by {@link FhirBundleImporter};
 * a rejected bundle stores nothing and the exception's message names the problem (problem type {@code invalid-input}).
 */
@Service
@Transactional
public class RecordsManagement {

	private static final Logger log = LoggerFactory.getLogger(RecordsManagement.class);

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
	 * {@link org.consilium.records.vault.DocumentTypePolicy} (and a ZIP by {@link ZipInspection}, its uncompressed size counting against the case);
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
			try (InputStream in = store.open(stored)) {
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
			try (InputStream in = store.open(stored)) {
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
				  document_type, scan_status, scan_signature, uncompressed_bytes, wrapped_data_key, master_key_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, name, mediaType, stored.sizeBytes(), stored.sha256(), stored.key(), actor.userId(), Timestamp.from(now),
					type == null ? null : type.name(), verdict.status().name(), verdict.signature(), type == DocumentType.ZIP ? uncompressedBytes : null,
					stored.wrappedDataKey(), stored.masterKeyId())
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
	 * Opens a document of the case for reading; audited. The content is decrypted and checked against the document's
	 * SHA-256 as {@link DocumentStore} describes: small documents before the first byte, large ones at the end of the
	 * stream, where a mismatch aborts the read with an {@link IOException}.
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
		InputStream content;
		try {
			content = store.open(row.stored());
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
		return new DocumentContent(row.view(entries(caseId, documentId)), content);
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

	private static final String DOCUMENT_ROW = """
			SELECT id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, document_type, scan_status, storage_key,
			  wrapped_data_key, master_key_id
			FROM records.document WHERE case_id = ? AND voided_at IS NULL""";

	private record DocumentRow(UUID id, UUID caseId, String fileName, String mediaType, long sizeBytes, String sha256, UUID uploadedBy,
			Instant uploadedAt, String documentType, String scanStatus, String storageKey, byte[] wrappedDataKey, String masterKeyId) {

		DocumentStore.Stored stored() {
			return new DocumentStore.Stored(storageKey, sizeBytes, sha256, wrappedDataKey, masterKeyId);
		}

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
		 * Imports a FHIR R4 Bundle into the case's clinical summary; stops when its Patient is not the case's patient.
	 * @throws InvalidInputException (422) when the bundle is rejected; the message names the problem; nothing is stored
	 * @throws WrongPatientException (409) when the Bundle's Patient contradicts the case's patient; nothing is stored
	 */
	public FhirImportView importFhirBundle(Actor actor, UUID caseId, String fileName, byte[] json) {
		return importFhirBundle(actor, caseId, fileName, json, false);
	}

	/**
	 * Imports a FHIR R4 Bundle into the case's clinical summary. See {@link FhirBundleImporter} for what is accepted, and
	 * {@link #storeFhirImport} for what is stored.
	 * @param confirmPatientMismatch true when the actor has confirmed that a Bundle about another patient (name or birth
	 *        date) than the case's records belongs to this case; audited as {@code records.fhir.import.patient-mismatch-confirmed}
	 * @throws InvalidInputException (422) when the bundle is rejected; the message names the problem; nothing is stored
	 * @throws WrongPatientException (409) when the Bundle's Patient contradicts the case's patient and the mismatch is not
	 *         confirmed; nothing is stored
	 */
	public FhirImportView importFhirBundle(Actor actor, UUID caseId, String fileName, byte[] json, boolean confirmPatientMismatch) {
		checkMayAdd(actor, caseId, "records.fhir.import");
		FhirImport result = validateFhirBundle(actor, caseId, json, FhirImportProgress.NONE);
		return storeFhirImport(actor, caseId, fileName, result, confirmPatientMismatch);
	}

	/**
	 * Validates and summarises a Bundle for the case; reads and stores nothing of the case (the caller has checked
	 * {@link #checkMayAdd}). Runs outside any transaction: validation takes seconds.
	 * @throws InvalidInputException (422) when the bundle is rejected, audited as a failed {@code records.fhir.import}
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	FhirImport validateFhirBundle(Actor actor, UUID caseId, byte[] json, FhirImportProgress progress) {
		if (json == null || json.length == 0) {
			throw new InvalidInputException("The file is empty.");
		}
		try {
			return importer.importBundle(json, progress);
		}
		catch (FhirImportRejectedException e) {
			audit.failed(actor.userId(), actor.role().name(), "records.fhir.import", caseId, "FhirImport", null);
			throw new InvalidInputException(e.getMessage().replaceAll("/\\*[^*]*\\*/", ""));
		}
	}

	/**
	 * Stores a validated import in one transaction: the import, its summary rows, and the identifiers of its shared
	 * resources ({@link FhirImport#SHARED_TYPES}) that the case does not hold yet (a resource already on file by any of
	 * its identifiers is counted as known and not stored again). Conditional references the Bundle left unresolved
	 * must match exactly one shared resource of the case's earlier imports.
	 * @throws InvalidInputException (422) for a conditional reference that matches no or several earlier resources
	 * @throws WrongPatientException (409) when the Bundle's Patient contradicts the Patient of the case's earliest
	 *         import and {@code confirmPatientMismatch} is false
	 */
	FhirImportView storeFhirImport(Actor actor, UUID caseId, String fileName, FhirImport result, boolean confirmPatientMismatch) {
		checkMayAdd(actor, caseId, "records.fhir.import");
		List<String> unresolved = new java.util.ArrayList<>();
		for (FhirImport.ConditionalReference ref : result.conditionalReferences()) {
			long matches = jdbc.sql("""
					SELECT count(DISTINCT r.import_id::text || ' ' || coalesce(r.full_url, '')) FROM records.fhir_identified_resource r
					JOIN records.fhir_import i ON i.id = r.import_id AND i.voided_at IS NULL
					WHERE r.case_id = ? AND r.resource_type = ? AND r.identifier_value = ? AND (CAST(? AS TEXT) IS NULL OR r.identifier_system = CAST(? AS TEXT))""")
				.params(caseId, ref.resourceType(), ref.value(), ref.system(), ref.system()).query(Long.class).single();
			if (matches != 1) {
				unresolved.add(ref.path() + ": the conditional reference '" + ref.reference() + "' matches " + (matches == 0 ? "no" : matches)
						+ " resource(s) in this bundle and this case's earlier imports; it must match exactly one");
			}
		}
		if (!unresolved.isEmpty()) {
			audit.failed(actor.userId(), actor.role().name(), "records.fhir.import", caseId, "FhirImport", null);
			throw new InvalidInputException("The FHIR file was not imported: " + String.join("; ", unresolved) + ".");
		}
		PatientDemographics patient = result.patient();
		PatientDemographics onFile = patientOnFile(caseId);
		boolean mismatch = patient != null && onFile != null && patient.contradicts(onFile);
		if (mismatch && !confirmPatientMismatch) {
			audit.failed(actor.userId(), actor.role().name(), "records.fhir.import.wrong-patient", caseId, "FhirImport", null);
			throw new WrongPatientException(onFile, patient);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO records.fhir_import (id, case_id, file_name, bundle_type, entry_count, warnings, patient_family, patient_given,
				  patient_birth_date, imported_by, imported_at, patient_mismatch_confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, FileNames.clean(fileName), result.bundleType(), result.entryCount(), String.join("\n", result.warnings()),
					patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
					patient == null ? null : patient.birthDate(), actor.userId(), Timestamp.from(now), mismatch ? actor.userId() : null)
			.update();
		int[] sharedAddedAndKnown = storeSharedResources(caseId, id, result.identified());
		jdbc.sql("UPDATE records.fhir_import SET shared_resources_added = ?, shared_resources_known = ? WHERE id = ?")
			.params(sharedAddedAndKnown[0], sharedAddedAndKnown[1], id).update();
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
		if (mismatch) {
			audit.success(actor.userId(), actor.role().name(), "records.fhir.import.patient-mismatch-confirmed", caseId, "FhirImport", id);
		}
		audit.success(actor.userId(), actor.role().name(), "records.fhir.import", caseId, "FhirImport", id);
		events.publishEvent(new RecordAdded(caseId, id, "fhir-import", now));
		return new FhirImportView(id, FileNames.clean(fileName), result.bundleType(), result.entryCount(), result.warnings(),
				patient == null ? null : patient.familyName(), patient == null ? null : patient.givenNames(),
				patient == null ? null : patient.birthDate(), now, sharedAddedAndKnown[0], sharedAddedAndKnown[1], mismatch);
	}

	/**
	 * The patient the case's records are about: the Patient of its earliest (not voided) import that names one. The
	 * patient's account is not used: it holds a free-text display name and no birth date, so it cannot tell two people apart.
	 * @return null before the first import with a Patient
	 */
	PatientDemographics patientOnFile(UUID caseId) {
		return jdbc.sql("""
				SELECT patient_family AS family_name, patient_given AS given_names, patient_birth_date AS birth_date FROM records.fhir_import
				WHERE case_id = ? AND voided_at IS NULL AND (patient_family IS NOT NULL OR patient_given IS NOT NULL OR patient_birth_date IS NOT NULL)
				ORDER BY imported_at, id LIMIT 1""").param(caseId).query(PatientDemographics.class).optional().orElse(null);
	}

	/** @return {added, known}: shared resources (by type and fullUrl) stored now, and those already on file by an identifier */
	private int[] storeSharedResources(UUID caseId, UUID importId, List<FhirImport.IdentifiedResource> identified) {
		java.util.Map<String, List<FhirImport.IdentifiedResource>> byResource = new java.util.LinkedHashMap<>();
		for (FhirImport.IdentifiedResource r : identified) {
			byResource.computeIfAbsent(r.resourceType() + " " + r.fullUrl(), k -> new java.util.ArrayList<>()).add(r);
		}
		int added = 0;
		int known = 0;
		for (List<FhirImport.IdentifiedResource> identifiers : byResource.values()) {
			boolean onFile = identifiers.stream().anyMatch(r -> jdbc.sql("""
					SELECT count(*) FROM records.fhir_identified_resource
					WHERE case_id = ? AND resource_type = ? AND identifier_system = ? AND identifier_value = ?""")
				.params(caseId, r.resourceType(), r.system(), r.value()).query(Long.class).single() > 0);
			if (onFile) {
				known++;
				continue;
			}
			added++;
			for (FhirImport.IdentifiedResource r : identifiers) {
				jdbc.sql("""
						INSERT INTO records.fhir_identified_resource (case_id, resource_type, identifier_system, identifier_value, import_id, full_url)
						VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(caseId, r.resourceType(), r.system(), r.value(), importId, r.fullUrl()).update();
			}
		}
		return new int[] { added, known };
	}

	/** All records of the case; audited as one read. */
	public CaseRecordsView records(Actor actor, UUID caseId) {
		intake.requireAccess(actor, caseId, "records.read");
		List<DocumentView> documents = jdbc.sql(DOCUMENT_ROW + " ORDER BY uploaded_at").param(caseId).query(DocumentRow.class).list().stream()
			.map(row -> row.view(row.documentType() != null && DocumentType.valueOf(row.documentType()) == DocumentType.ZIP
					? entries(caseId, row.id()) : List.of()))
			.toList();
		record ImportRow(UUID id, String fileName, String bundleType, int entryCount, String warnings, String patientFamily, String patientGiven,
				java.time.LocalDate patientBirthDate, Instant importedAt, int sharedResourcesAdded, int sharedResourcesKnown,
				UUID patientMismatchConfirmedBy) {
		}
		List<FhirImportView> imports = jdbc.sql("""
				SELECT id, file_name, bundle_type, entry_count, warnings, patient_family, patient_given, patient_birth_date, imported_at,
				  shared_resources_added, shared_resources_known, patient_mismatch_confirmed_by
				FROM records.fhir_import WHERE case_id = ? AND voided_at IS NULL ORDER BY imported_at""").param(caseId).query(ImportRow.class)
			.list().stream()
			.map(r -> new FhirImportView(r.id(), r.fileName(), r.bundleType(), r.entryCount(),
					r.warnings().isEmpty() ? List.of() : Arrays.asList(r.warnings().split("\n")), r.patientFamily(), r.patientGiven(),
					r.patientBirthDate(), r.importedAt(), r.sharedResourcesAdded(), r.sharedResourcesKnown(), r.patientMismatchConfirmedBy() != null))
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

	void checkMayAdd(Actor actor, UUID caseId, String action) {
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
