package org.consilium.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.consilium.records.vault.DocumentStore;
import org.consilium.records.vault.FileNames;
import org.consilium.records.vault.VirusScanner;
import org.consilium.records.vault.ZipInspection;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.UserId;

/**
 * The rows of a case's documents: {@code records.document} (what the vault stored, under which key and data key, and
 * what the checks found) and {@code records.archive_entry} (the checked files of a ZIP archive). Voided documents are
 * neither listed nor counted. Runs in the caller's transaction.
 */
@Component
class DocumentRecords {

	private static final String DOCUMENT_ROW = """
			SELECT id, case_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, document_type, scan_status, storage_key,
			  wrapped_data_key, master_key_id, kind
			FROM records.document WHERE case_id = ? AND voided_at IS NULL""";

	private final JdbcClient jdbc;

	DocumentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A document's row as the facade needs it: its view, and how to find its bytes in the vault. */
	record DocumentRow(UUID id, UUID caseId, String fileName, String mediaType, long sizeBytes, String sha256, UUID uploadedBy,
			Instant uploadedAt, String documentType, String scanStatus, String storageKey, byte[] wrappedDataKey, String masterKeyId, String kind) {

		DocumentStore.Stored stored() {
			return new DocumentStore.Stored(storageKey, sizeBytes, sha256, wrappedDataKey, masterKeyId);
		}

		DocumentView view(List<ArchiveEntryView> entries) {
			return new DocumentView(new DocumentId(id), new CaseId(caseId), fileName, mediaType, sizeBytes, sha256, UserId.ofNullable(uploadedBy), uploadedAt,
					documentType == null ? null : DocumentType.valueOf(documentType), ScanStatus.valueOf(scanStatus), entries,
					kind == null ? null : DocumentKind.valueOf(kind));
		}
	}

	/** One file of an archive: its position and path in the archive, its type, size in bytes and SHA-256. */
	record EntryRow(int entryIndex, String path, String documentType, long sizeBytes, String sha256) {
	}

	/** Documents of a case and the bytes they take, an archive counted by the larger of its stored and uncompressed size. */
	record CaseUsage(long files, long bytes) {
	}

	/** Serialises the uploads of one case until the transaction ends (a PostgreSQL transaction-scoped advisory lock). */
	void lockCase(UUID caseId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(caseId.getMostSignificantBits() ^ caseId.getLeastSignificantBits())
			.query((rs, row) -> 1).list();
	}

	CaseUsage usage(UUID caseId) {
		return jdbc.sql("""
				SELECT count(*) AS files, coalesce(sum(greatest(size_bytes, coalesce(uncompressed_bytes, 0))), 0) AS bytes
				FROM records.document WHERE case_id = ? AND voided_at IS NULL""").param(caseId).query(CaseUsage.class).single();
	}

	/** @param type null for a quarantined document, which is never parsed */
	void insert(UUID id, UUID caseId, String name, String mediaType, DocumentType type, DocumentStore.Stored stored,
			VirusScanner.Verdict verdict, long uncompressedBytes, Actor actor, Instant now, DocumentKind kind) {
		jdbc.sql("""
				INSERT INTO records.document (id, case_id, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at,
				  document_type, scan_status, scan_signature, uncompressed_bytes, wrapped_data_key, master_key_id, kind)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, name, mediaType, stored.sizeBytes(), stored.sha256(), stored.key(), actor.id().value(), Timestamp.from(now),
					type == null ? null : type.name(), verdict.status().name(), verdict.signature(), type == DocumentType.ZIP ? uncompressedBytes : null,
					stored.wrappedDataKey(), stored.masterKeyId(), kind == null ? null : kind.name())
			.update();
	}

	/**
	 * Voids a document of the case that is not voided yet, with who, when, why (the person's words) and the kind of
	 * reason; the row and the stored bytes stay.
	 * @return whether a document was voided (false: no such document, or already voided)
	 */
	boolean withdraw(UUID caseId, UUID documentId, UUID by, Instant at, String reason, WithdrawalReason kind) {
		return jdbc.sql("""
				UPDATE records.document SET voided_at = ?, voided_by = ?, void_reason = ?, void_kind = ?
				WHERE case_id = ? AND id = ? AND voided_at IS NULL""")
			.params(Timestamp.from(at), by, reason, kind.name(), caseId, documentId).update() == 1;
	}

	/** A withdrawn document as listed: what it was and who withdrew it, when and why. */
	record WithdrawnRow(UUID id, UUID caseId, String fileName, String kind, UUID uploadedBy, Instant uploadedAt, UUID voidedBy, Instant voidedAt,
			String voidReason, String voidKind) {
	}

	private static final String WITHDRAWN_ROW = """
			SELECT id, case_id, file_name, kind, uploaded_by, uploaded_at, voided_by, voided_at, void_reason, void_kind FROM records.document""";

	/** The case's documents withdrawn with the reason {@code kind}, oldest withdrawal first. */
	List<WithdrawnRow> withdrawn(UUID caseId, WithdrawalReason kind) {
		return jdbc.sql(WITHDRAWN_ROW + " WHERE case_id = ? AND void_kind = ? ORDER BY voided_at, id").params(caseId, kind.name())
			.query(WithdrawnRow.class).list();
	}

	/** Every case's documents withdrawn with the reason {@code kind}, latest withdrawal first, at most {@code limit}. */
	List<WithdrawnRow> withdrawnEverywhere(WithdrawalReason kind, int limit) {
		return jdbc.sql(WITHDRAWN_ROW + " WHERE void_kind = ? ORDER BY voided_at DESC, id LIMIT ?").params(kind.name(), limit)
			.query(WithdrawnRow.class).list();
	}

	/** The kinds of the case's documents that are not voided, with the time of the latest upload of each kind. */
	java.util.Map<DocumentKind, Instant> kinds(UUID caseId) {
		java.util.Map<DocumentKind, Instant> out = new java.util.EnumMap<>(DocumentKind.class);
		jdbc.sql("""
				SELECT kind, max(uploaded_at) AS latest FROM records.document
				WHERE case_id = ? AND voided_at IS NULL AND kind IS NOT NULL AND scan_status <> 'INFECTED' GROUP BY kind""")
			.param(caseId)
			.query((rs, i) -> {
				out.put(DocumentKind.valueOf(rs.getString("kind")), rs.getTimestamp("latest").toInstant());
				return null;
			}).list();
		return out;
	}

	ArchiveEntryView insertEntry(UUID documentId, UUID caseId, ZipInspection.Entry e) {
		UUID entryId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO records.archive_entry (id, document_id, case_id, entry_index, path, document_type, size_bytes, sha256)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(entryId, documentId, caseId, e.index(), e.path(), e.type().name(), e.sizeBytes(), e.sha256()).update();
		return new ArchiveEntryView(entryId, FileNames.readable(e.path()), e.type(), e.sizeBytes(), e.sha256());
	}

	/** @return null when the case holds no such document */
	DocumentRow find(UUID caseId, UUID documentId) {
		return jdbc.sql(DOCUMENT_ROW + " AND id = ?").params(caseId, documentId).query(DocumentRow.class).optional().orElse(null);
	}

	/** The case's documents, oldest first. */
	List<DocumentRow> list(UUID caseId) {
		return jdbc.sql(DOCUMENT_ROW + " ORDER BY uploaded_at").param(caseId).query(DocumentRow.class).list();
	}

	/** @return null when this document of the case holds no such entry */
	EntryRow entry(UUID caseId, UUID documentId, UUID entryId) {
		return jdbc.sql("""
				SELECT entry_index, path, document_type, size_bytes, sha256 FROM records.archive_entry WHERE id = ? AND document_id = ? AND case_id = ?""")
			.params(entryId, documentId, caseId).query(EntryRow.class).optional().orElse(null);
	}

	/** The files of an archive, in the order of its central directory. */
	List<ArchiveEntryView> entries(UUID caseId, UUID documentId) {
		return jdbc.sql("""
				SELECT id, path, document_type, size_bytes, sha256 FROM records.archive_entry WHERE case_id = ? AND document_id = ? ORDER BY entry_index""")
			.params(caseId, documentId)
			.query((rs, i) -> new ArchiveEntryView(rs.getObject("id", UUID.class), FileNames.readable(rs.getString("path")),
					DocumentType.valueOf(rs.getString("document_type")), rs.getLong("size_bytes"), rs.getString("sha256")))
			.list();
	}
}
