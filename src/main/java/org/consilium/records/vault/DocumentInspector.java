package org.consilium.records.vault;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.consilium.records.DocumentType;
import org.consilium.shared.InvalidInputException;

/**
 * Runs the {@link DocumentTypePolicy} and, for archives, the {@link ZipInspection} on a stored document. PDF, image
 * and ZIP readers need random access, which a store's stream does not give, so the bytes are copied to a private
 * temporary file under {@code consilium.data-dir}/inspection (owner-only permissions, the same volume as the data)
 * and deleted as soon as the check ends.
 */
@Component
public class DocumentInspector {

	/** What a stored document is: its type, and for an archive its checked entries. */
	public record Inspected(DocumentType type, ZipInspection.Result archive) {

		public long uncompressedBytes() {
			return archive == null ? 0 : archive.uncompressedBytes();
		}
	}

	private final Path workDir;

	private final DocumentTypePolicy policy = new DocumentTypePolicy();

	private final ZipInspection zips;

	private final ZipInspection.Limits limits;

	DocumentInspector(@Value("${consilium.data-dir}") Path dataDir, ArchiveSettings archive) throws IOException {
		this.workDir = Files.createDirectories(dataDir.resolve("inspection"));
		this.zips = new ZipInspection(policy, workDir);
		this.limits = new ZipInspection.Limits(archive.maxEntries(), archive.maxUncompressedSize().toBytes(), archive.maxCompressionRatio());
	}

	/**
	 * @throws InvalidInputException when the document or an entry of it is not accepted; the message says why
	 */
	public Inspected inspect(InputStream content) throws IOException {
		Path copy = copy(content);
		try {
			DocumentType type = policy.check(copy);
			return new Inspected(type, type == DocumentType.ZIP ? zips.inspect(copy, limits) : null);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	/** The bytes of one entry of a stored archive; closing the stream removes the temporary copy. */
	public InputStream openEntry(InputStream archive, int index, String path, long sizeBytes) throws IOException {
		Path copy = copy(archive);
		try {
			return new FilterInputStream(ZipInspection.openEntry(copy, index, path, sizeBytes)) {
				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						Files.deleteIfExists(copy);
					}
				}
			};
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(copy);
			throw e;
		}
	}

	private Path copy(InputStream content) throws IOException {
		Path copy = Files.createTempFile(workDir, "inspect-", ".tmp");
		try {
			Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the data directory's own permissions apply.
		}
		try (content) {
			Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(copy);
			throw e;
		}
		return copy;
	}
}
