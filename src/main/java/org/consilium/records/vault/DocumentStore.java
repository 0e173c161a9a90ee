package org.consilium.records.vault;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.consilium.shared.InvalidInputException;

/**
 * Stores document bytes encrypted at rest, under opaque random keys (never the uploaded name), in a {@link DocumentBackend}.
 *
 * <p><b>Encryption.</b> Every object gets its own data key, a Tink {@link StreamingAead} keyset of type
 * {@code AES256_GCM_HKDF_1MB} (AES-256-GCM per 1 MiB segment, keys derived with HKDF-SHA256; each segment is
 * authenticated, and truncation or reordering is detected). The data key is wrapped by the current master key
 * ({@link MasterKeys}) and kept in the document's row with the master key's identifier; a key rotation re-wraps these
 * few hundred bytes and never touches the content. The object's key is the associated data of both the content and the
 * wrapped data key, so an object swapped under another key, or a data key moved to another row, does not decrypt.
 *
 * <p><b>Writing.</b> The upload is encrypted while streaming into a spool file (its SHA-256 and size computed on the
 * plaintext, the size limit enforced early), then handed to the backend whole (a filesystem move, or one S3 PUT). The
 * caller writes the row afterwards; bytes whose row never came are removed by {@link DocumentSweeper}.
 *
 * <p><b>Reading, and the SHA-256 check.</b> Every read is checked against the SHA-256 and size from the row. Objects of
 * at most {@value #VERIFIED_BEFORE_SERVING_BYTES} bytes are decrypted and checked completely before the first byte is
 * returned, so a mismatch becomes a clear error before anything is shown. Larger objects stream: Tink releases a segment
 * only after authenticating it, so no forged byte is ever served, and the SHA-256 of the whole is compared at the end of
 * the stream; a mismatch (a tampered row, or a different object) then fails the read with {@link DocumentIntegrityException},
 * which aborts the download instead of completing it, and is logged with the object's key.
 */
public class DocumentStore {

	private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

	static final long VERIFIED_BEFORE_SERVING_BYTES = 4L * 1024 * 1024;

	static {
		try {
			StreamingAeadConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final DocumentBackend backend;

	private final MasterKeys keys;

	private final Path spool;

	private final Path crashTestPauseMarker;

	/**
	 * @param spool where uploads are encrypted before they go to the backend; for the filesystem backend on the same
	 *        filesystem as its root
	 * @param crashTestPauseMarker see {@link DocumentSettings#crashTestPauseMarker()}; {@code null} in real use
	 */
	DocumentStore(DocumentBackend backend, MasterKeys keys, Path spool, Path crashTestPauseMarker) throws IOException {
		this.backend = backend;
		this.keys = keys;
		this.spool = Files.createDirectories(spool);
		this.crashTestPauseMarker = crashTestPauseMarker;
	}

	/**
	 * A stored object as its row knows it: the opaque key, the plaintext's size in bytes and SHA-256 (lower-case hex), the
	 * wrapped data key and the identifier of the master key that wrapped it.
	 */
	public record Stored(String key, long sizeBytes, String sha256, byte[] wrappedDataKey, String masterKeyId) {
	}

	/**
	 * Streams {@code in}, encrypted, into a new object.
	 * @throws InvalidInputException when it is longer than {@code maxBytes} (nothing is kept)
	 */
	public Stored put(InputStream in, long maxBytes) throws IOException {
		String key = UUID.randomUUID().toString();
		KeysetHandle dataKey;
		StreamingAead aead;
		try {
			dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
			aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink could not create a data key.", e);
		}
		MessageDigest sha = sha256();
		Path tmp = Files.createTempFile(spool, "upload-", ".part");
		long size = 0;
		try (OutputStream out = aead.newEncryptingStream(Files.newOutputStream(tmp), associatedData(key))) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				size += n;
				if (size > maxBytes) {
					throw new InvalidInputException("The file is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
				}
				sha.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
		}
		catch (GeneralSecurityException e) {
			Files.deleteIfExists(tmp);
			throw new IllegalStateException("Tink could not encrypt the document.", e);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
		byte[] wrapped;
		try {
			backend.put(key, tmp);
			wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keys.current().aead(), associatedData(key));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink could not wrap the data key.", e);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
		pauseForCrashTest();
		return new Stored(key, size, HexFormat.of().formatHex(sha.digest()), wrapped, keys.current().id());
	}

	/**
	 * Opens the object for reading, checked against the SHA-256 and size in {@code stored} (see the class comment).
	 * @throws java.nio.file.NoSuchFileException when the object is missing
	 * @throws DocumentIntegrityException when an object of at most {@value #VERIFIED_BEFORE_SERVING_BYTES} bytes fails
	 *         its check, or its data key does not unwrap
	 */
	public InputStream open(Stored stored) throws IOException {
		StreamingAead aead;
		try {
			KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.wrappedDataKey(), keys.forId(stored.masterKeyId()),
					associatedData(stored.key()));
			aead = dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			throw new DocumentIntegrityException("The data key of object " + stored.key() + " does not unwrap: " + e.getMessage(), e);
		}
		InputStream ciphertext = backend.open(stored.key());
		InputStream plaintext;
		try {
			plaintext = aead.newDecryptingStream(ciphertext, associatedData(stored.key()));
		}
		catch (GeneralSecurityException e) {
			ciphertext.close();
			throw new DocumentIntegrityException("Object " + stored.key() + " does not decrypt.", e);
		}
		Verifying verifying = new Verifying(plaintext, stored);
		if (stored.sizeBytes() > VERIFIED_BEFORE_SERVING_BYTES) {
			return verifying;
		}
		try (verifying) {
			return new ByteArrayInputStream(verifying.readAllBytes());
		}
	}

	public void delete(String key) throws IOException {
		backend.delete(key);
	}

	/** Re-wraps a data key with the current master key; the content is untouched. */
	byte[] rewrap(Stored stored) throws GeneralSecurityException {
		byte[] aad = associatedData(stored.key());
		KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(stored.wrappedDataKey(), keys.forId(stored.masterKeyId()), aad);
		return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, keys.current().aead(), aad);
	}

	private static byte[] associatedData(String key) {
		return ("consilium-document:" + key).getBytes(StandardCharsets.US_ASCII);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private void pauseForCrashTest() throws IOException {
		if (crashTestPauseMarker == null) {
			return;
		}
		Files.writeString(crashTestPauseMarker, "bytes stored, row not written");
		log.warn("consilium.documents.crash-test-pause-marker is set: this upload waits forever before its row is written");
		try {
			Thread.sleep(Long.MAX_VALUE);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted in the crash-test pause", e);
		}
	}

	/** Computes the SHA-256 and size of what passes, and compares both with the row at the end of the stream. */
	private static final class Verifying extends FilterInputStream {

		private final Stored expected;

		private final MessageDigest sha = sha256();

		private long size;

		private boolean checked;

		Verifying(InputStream in, Stored expected) {
			super(in);
			this.expected = expected;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n;
			try {
				n = super.read(b, off, len);
			}
			catch (DocumentIntegrityException e) {
				throw e;
			}
			catch (IOException e) {
				log.error("Document object {} failed authentication after {} bytes; the read was aborted", expected.key(), size);
				throw new DocumentIntegrityException("Object " + expected.key() + " failed authentication: " + e.getMessage(), e);
			}
			if (n > 0) {
				sha.update(b, off, n);
				size += n;
			}
			else if (n < 0) {
				check();
			}
			return n;
		}

		/** Skipped bytes are read too: every byte counts towards the SHA-256. */
		@Override
		public long skip(long n) throws IOException {
			byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
			long skipped = 0;
			while (skipped < n) {
				int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
				if (r < 0) {
					break;
				}
				skipped += r;
			}
			return skipped;
		}

		@Override
		public long transferTo(OutputStream out) throws IOException {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int r;
			while ((r = read(buffer, 0, buffer.length)) >= 0) {
				out.write(buffer, 0, r);
				total += r;
			}
			return total;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void check() throws IOException {
			if (checked) {
				return;
			}
			checked = true;
			String actual = HexFormat.of().formatHex(sha.digest());
			if (size != expected.sizeBytes() || !actual.equals(expected.sha256())) {
				log.error("Document object {} failed its SHA-256 check ({} bytes read, {} expected); the read was aborted", expected.key(),
						size, expected.sizeBytes());
				throw new DocumentIntegrityException("Object " + expected.key() + " does not match its SHA-256.", null);
			}
		}
	}
}
