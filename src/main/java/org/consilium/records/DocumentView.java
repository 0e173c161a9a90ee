package org.consilium.records;

import java.time.Instant;
import java.util.UUID;

/** An uploaded document's metadata; {@code sizeBytes} in bytes, {@code sha256} as lower-case hex. */
public record DocumentView(UUID id, UUID caseId, String fileName, String mediaType, long sizeBytes, String sha256, UUID uploadedBy,
		Instant uploadedAt) {

	/** PDFs and images open in the browser; everything else is download-only. */
	public boolean viewableInline() {
		return mediaType.equals("application/pdf") || mediaType.startsWith("image/");
	}
}
