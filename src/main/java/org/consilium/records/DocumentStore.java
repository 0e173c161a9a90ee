package org.consilium.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.consilium.shared.InvalidInputException;

/**
 * Stores document bytes on the local filesystem under {@code consilium.data-dir}/documents, each under an opaque
 * random key (never the uploaded name). A write goes to a temporary file first and is moved into place only when
 * complete, so a crash never leaves a half-written object under a real key. The SHA-256 is computed while streaming
 * and the size limit is enforced while streaming, so an oversized upload stops early.
 */
@Component
class DocumentStore {

	private final Path root;

	DocumentStore(@Value("${consilium.data-dir}") Path dataDir) throws IOException {
		this.root = dataDir.resolve("documents");
		Files.createDirectories(root);
	}

	/** What was stored: the opaque key, the size in bytes and the SHA-256 in lower-case hex. */
	record Stored(String key, long sizeBytes, String sha256) {
	}

	/**
	 * Streams {@code in} into a new object.
	 * @throws InvalidInputException when it is longer than {@code maxBytes} (nothing is kept)
	 */
	Stored put(InputStream in, long maxBytes) throws IOException {
		String key = UUID.randomUUID().toString();
		Path tmp = Files.createTempFile(root, "upload-", ".part");
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		long size = 0;
		try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(tmp)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = digesting.read(buffer)) > 0) {
				size += n;
				if (size > maxBytes) {
					throw new InvalidInputException("The file is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
		Files.move(tmp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
		return new Stored(key, size, HexFormat.of().formatHex(sha.digest()));
	}

	InputStream open(String key) throws IOException {
		return Files.newInputStream(root.resolve(UUID.fromString(key).toString()));
	}

	void delete(String key) throws IOException {
		Files.deleteIfExists(root.resolve(UUID.fromString(key).toString()));
	}
}
