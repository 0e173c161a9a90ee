package org.consilium.records;

import java.util.UUID;

import org.consilium.records.vault.FileNames;

/**
 * One file inside an uploaded ZIP archive, checked like an upload of its own.
 *
 * @param path its path inside the archive, as listed in the central directory (no {@code ..}, never absolute)
 * @param sizeBytes its uncompressed size in bytes
 * @param sha256 lower-case hex SHA-256 of its uncompressed bytes
 */
public record ArchiveEntryView(UUID id, String path, DocumentType type, long sizeBytes, String sha256) {

	/** The name it is downloaded under: the last segment of its path, cleaned like an uploaded name. */
	public String fileName() {
		return FileNames.clean(path);
	}
}
