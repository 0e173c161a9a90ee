package org.consilium.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.shared.ProgramKeys;

/**
 * The TOTP secrets of {@code identity.second_factor}, encrypted at rest. A secret is sealed with Tink AES-256-GCM under
 * a key derived from the program's master key for the purpose {@value #PURPOSE} ({@link ProgramKeys}: the records vault
 * owns the master key, identity sees only this derived AEAD, so identity depends on {@code shared} alone and operators
 * configure one key); the account id is the associated data, so a ciphertext moved onto another account's row does not
 * decrypt. The column {@code secret} holds the Base64 ciphertext, {@code master_key_id} the master key's identifier.
 *
 * <p>Upgrade: at start-up, before requests are served, every row with no {@code master_key_id} (written before
 * encryption, the Base32 secret as it is) or with a master key other than the current one (after a rotation with
 * {@code consilium.documents.previous-master-key} set) is re-sealed under the current key, one transaction per row
 * with the row locked. Running it again finds nothing to do.
 */
@Component
class SecondFactorSecrets implements ApplicationRunner {

	static final String PURPOSE = "identity.second-factor";

	private static final Logger log = LoggerFactory.getLogger(SecondFactorSecrets.class);

	private final JdbcClient jdbc;

	private final ProgramKeys keys;

	private final TransactionTemplate transactions;

	SecondFactorSecrets(JdbcClient jdbc, ProgramKeys keys, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A sealed secret: the Base64 ciphertext and the master key's identifier, the two columns. */
	record Sealed(String secret, String masterKeyId) {
	}

	/** Seals the Base32 secret of this account under the current key. */
	Sealed seal(UUID account, String base32) {
		ProgramKeys.DerivedKey key = keys.current(PURPOSE);
		try {
			byte[] ciphertext = key.aead().encrypt(base32.getBytes(StandardCharsets.US_ASCII), associatedData(account));
			return new Sealed(Base64.getEncoder().encodeToString(ciphertext), key.masterKeyId());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The second factor's secret cannot be encrypted", e);
		}
	}

	/**
	 * The Base32 secret of a stored row; a row without {@code masterKeyId} (not yet upgraded) holds it as it is.
	 * @return empty when the ciphertext does not decrypt for this account (another row's ciphertext, a tampered value,
	 *         or a master key no longer configured); logged with the account id only
	 */
	Optional<String> open(UUID account, String stored, String masterKeyId) {
		if (masterKeyId == null) {
			return Optional.of(stored);
		}
		try {
			ProgramKeys.DerivedKey key = keys.forId(masterKeyId, PURPOSE)
				.orElseThrow(() -> new GeneralSecurityException("master key " + masterKeyId + " is not configured"));
			byte[] plain = key.aead().decrypt(Base64.getDecoder().decode(stored), associatedData(account));
			return Optional.of(new String(plain, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			log.warn("The second factor's secret of account {} does not decrypt: {}", account, e.getMessage());
			return Optional.empty();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		int count = upgrade();
		if (count > 0) {
			log.info("Second factor secrets: {} rows encrypted under master key {}", count, keys.current(PURPOSE).masterKeyId());
		}
	}

	/**
	 * Seals every row that is plain or under another master key with the current key.
	 * @return how many rows changed; rows that do not decrypt are left as they are (and logged)
	 */
	int upgrade() {
		String current = keys.current(PURPOSE).masterKeyId();
		List<UUID> accounts = jdbc.sql("SELECT account_id FROM identity.second_factor WHERE master_key_id IS DISTINCT FROM ?")
			.param(current).query(UUID.class).list();
		int count = 0;
		for (UUID account : accounts) {
			Integer changed = transactions.execute(status -> {
				record Row(String secret, String masterKeyId) {
				}
				Optional<Row> row = jdbc.sql("SELECT secret, master_key_id FROM identity.second_factor WHERE account_id = ?"
						+ " AND master_key_id IS DISTINCT FROM ? FOR UPDATE").params(account, current).query(Row.class).optional();
				Optional<String> plain = row.flatMap(r -> open(account, r.secret(), r.masterKeyId()));
				if (plain.isEmpty()) {
					return 0;
				}
				Sealed sealed = seal(account, plain.get());
				return jdbc.sql("UPDATE identity.second_factor SET secret = ?, master_key_id = ? WHERE account_id = ?")
					.params(sealed.secret(), sealed.masterKeyId(), account).update();
			});
			count += changed == null ? 0 : changed;
		}
		return count;
	}

	private static byte[] associatedData(UUID account) {
		return (PURPOSE + ":" + account).getBytes(StandardCharsets.US_ASCII);
	}
}
