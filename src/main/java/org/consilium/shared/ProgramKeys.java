package org.consilium.shared;

import java.util.Optional;

import com.google.crypto.tink.Aead;

/**
 * Keys derived from the program's master key (the one {@code consilium.documents.master-key} configures, see README,
 * "Document keys") for other modules' small secrets, so that one configured key protects everything at rest and no
 * module reads another's internals. The records vault owns and loads the master key and implements this interface; a
 * module asks only for an AEAD of its own purpose.
 *
 * <p>A derived key is 32 bytes from HKDF-SHA256 (RFC 5869, Tink's {@code Hkdf}) of the master key with the purpose as
 * {@code info}, used as AES-256-GCM (Tink's {@code AesGcmJce}); different purposes give independent keys, and the
 * document data keys are never among them.
 */
public interface ProgramKeys {

	/**
	 * A key for one purpose under one master key.
	 * @param masterKeyId the master key's identifier (first 8 bytes of its SHA-256, hex), to store beside the ciphertext
	 * @param aead AES-256-GCM under the derived key
	 */
	record DerivedKey(String masterKeyId, Aead aead) {
	}

	/** The key for {@code purpose} (e.g. {@code "identity.second-factor"}) under the current master key. */
	DerivedKey current(String purpose);

	/**
	 * The key for {@code purpose} under the master key {@code masterKeyId}: the current one, or the previous one during a
	 * rotation; empty for any other identifier.
	 */
	Optional<DerivedKey> forId(String masterKeyId, String purpose);
}
