package org.consilium.records.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.consilium.shared.ProgramKeys;

/**
 * The master key that wraps every document's data key (AES-256-GCM, Tink's {@link AesGcmJce}), and during a rotation
 * the previous one. A key is 32 bytes, given in Base64; its identifier is the first 8 bytes of its SHA-256 in hex, stored
 * beside each wrapped data key so that a read knows which master key to use.
 *
 * <p>Where the key comes from, first match wins: {@code consilium.documents.master-key} (or the environment variable
 * {@code CONSILIUM_DOCUMENTS_MASTER_KEY}), {@code consilium.documents.master-key-file}; otherwise, except with the
 * {@code prod} profile, a key generated once into {@code <data-dir>/document-master.key} (POSIX mode 600), with a warning
 * at every start. With the {@code prod} profile and no configured key the application refuses to start.
 *
 * <p>As {@link ProgramKeys} it gives other modules keys derived from these master keys (HKDF-SHA256 with the purpose as
 * {@code info}); the master keys themselves never leave this class.
 */
final class MasterKeys implements ProgramKeys {

	private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

	static final String GENERATED_FILE = "document-master.key";

	static final int KEY_BYTES = 32;

	record MasterKey(String id, Aead aead) {
	}

	private final MasterKey current;

	private final MasterKey previous;

	private final byte[] currentBytes;

	private final byte[] previousBytes;

	MasterKeys(byte[] current, byte[] previous) {
		this.current = key(current);
		this.previous = previous == null ? null : key(previous);
		this.currentBytes = current.clone();
		this.previousBytes = previous == null ? null : previous.clone();
		if (this.previous != null && this.previous.id().equals(this.current.id())) {
			throw new IllegalStateException("The previous document master key is the same as the current one.");
		}
	}

	/**
	 * Reads the configured keys, or generates the local development key.
	 * @throws IllegalStateException with the {@code prod} profile and no key configured, or for a key that is not 32
	 *         bytes of Base64 (the message names the setting, never the key)
	 */
	static MasterKeys load(DocumentSettings settings, Path dataDir, boolean prodProfile) throws IOException {
		byte[] current = configured(settings.masterKey(), settings.masterKeyFile(), "consilium.documents.master-key");
		if (current == null) {
			if (prodProfile) {
				throw new IllegalStateException("The prod profile needs a document master key: set consilium.documents.master-key"
						+ " (environment CONSILIUM_DOCUMENTS_MASTER_KEY) or consilium.documents.master-key-file to 32 random bytes in"
						+ " Base64 (openssl rand -base64 32). See README, \"Document keys\".");
			}
			Path file = dataDir.resolve(GENERATED_FILE);
			current = generatedKey(file);
			log.warn("Documents are encrypted with a master key generated into {}; it is readable only by this user, but a key"
					+ " beside the data protects little. Configure consilium.documents.master-key (see README, \"Document keys\").",
					file.toAbsolutePath());
		}
		byte[] previous = configured(settings.previousMasterKey(), settings.previousMasterKeyFile(), "consilium.documents.previous-master-key");
		return new MasterKeys(current, previous);
	}

	MasterKey current() {
		return current;
	}

	/** The retired key during a rotation, or {@code null}. */
	MasterKey previous() {
		return previous;
	}

	/**
	 * The master key with this identifier.
	 * @throws GeneralSecurityException when neither the current nor the previous key has it (a rotation without the old key)
	 */
	Aead forId(String id) throws GeneralSecurityException {
		if (current.id().equals(id)) {
			return current.aead();
		}
		if (previous != null && previous.id().equals(id)) {
			return previous.aead();
		}
		throw new GeneralSecurityException("No configured document master key has the identifier " + id
				+ "; after a rotation, supply the old key as consilium.documents.previous-master-key.");
	}

	@Override
	public DerivedKey current(String purpose) {
		return derived(current.id(), currentBytes, purpose);
	}

	@Override
	public Optional<DerivedKey> forId(String masterKeyId, String purpose) {
		if (current.id().equals(masterKeyId)) {
			return Optional.of(current(purpose));
		}
		if (previous != null && previous.id().equals(masterKeyId)) {
			return Optional.of(derived(previous.id(), previousBytes, purpose));
		}
		return Optional.empty();
	}

	private static DerivedKey derived(String id, byte[] master, String purpose) {
		try {
			byte[] key = Hkdf.computeHkdf("HMACSHA256", master, new byte[0], purpose.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
			return new DerivedKey(id, new AesGcmJce(key));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HKDF-SHA256 or AES-256-GCM is not available in this Java runtime.", e);
		}
	}

	/** A new key in Base64, for operators and tests. */
	static String generate() {
		byte[] key = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] configured(String base64, Path file, String setting) throws IOException {
		if (base64 != null && !base64.isBlank()) {
			return decode(base64, setting);
		}
		if (file != null) {
			return decode(Files.readString(file, StandardCharsets.US_ASCII), setting + "-file");
		}
		return null;
	}

	private static byte[] generatedKey(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try {
			Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly)), generate() + "\n",
					StandardCharsets.US_ASCII);
		}
		catch (FileAlreadyExistsException existing) {
			// Generated at an earlier start.
		}
		return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
	}

	static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("The document master key in " + source + " is not Base64.");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("The document master key in " + source + " has " + key.length + " bytes; it needs "
					+ KEY_BYTES + " (openssl rand -base64 32).");
		}
		return key;
	}

	private static MasterKey key(byte[] bytes) {
		try {
			String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
			return new MasterKey(id, new AesGcmJce(bytes));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-256-GCM is not available in this Java runtime.", e);
		}
	}
}
