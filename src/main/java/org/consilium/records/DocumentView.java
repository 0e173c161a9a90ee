package org.consilium.records;

import java.time.Instant;
import java.util.List;

import org.consilium.shared.CaseId;
import org.consilium.shared.DocumentId;
import org.consilium.shared.UserId;

/**
 * An uploaded document's metadata; {@code sizeBytes} in bytes, {@code sha256} as lower-case hex. {@code type} is the
 * type proven by {@link org.consilium.records.vault.DocumentTypePolicy} (null only for a quarantined document, which is
 * never parsed); {@code entries} lists the files of a ZIP archive (empty otherwise); {@code kind} is what the uploader
 * said the document is (null when not asked: uploads before it was, and files inside an archive).
 */
public record DocumentView(DocumentId id, CaseId caseId, String fileName, String mediaType, long sizeBytes, String sha256, UserId uploadedBy,
		Instant uploadedAt, DocumentType type, ScanStatus scanStatus, List<ArchiveEntryView> entries, DocumentKind kind) {

	/** PDFs, JPEG and PNG images open in the browser; everything else is download-only; a quarantined one is neither. */
	public boolean viewableInline() {
		return type != null && type.viewableInline() && !quarantined();
	}

	/** Infected: kept, never served. */
	public boolean quarantined() {
		return scanStatus == ScanStatus.INFECTED;
	}
}
