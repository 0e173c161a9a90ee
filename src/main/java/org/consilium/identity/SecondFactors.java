package org.consilium.identity;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * TOTP second factors (RFC 6238, https://www.rfc-editor.org/rfc/rfc6238: HMAC-SHA-1, 6 digits, 30-second steps, the
 * parameters every authenticator app reads) and recovery codes, in {@code identity.second_factor} and
 * {@code identity.recovery_code}. A code is accepted for the current step or one step either side (RFC 6238 section 5.2,
 * clock drift), and only for a step after the last accepted one, so a code is never accepted twice. The time is the
 * application's {@link Clock}. Recovery codes (ten, about 80 random bits each) are stored as their SHA-256 and each
 * works once. The secret is stored encrypted ({@link SecondFactorSecrets}); a row whose secret does not decrypt
 * accepts no TOTP code.
 */
@Component
class SecondFactors {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	static final int RECOVERY_CODES = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecondFactorSecrets secrets;

	private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	SecondFactors(JdbcClient jdbc, Clock clock, SecondFactorSecrets secrets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.secrets = secrets;
	}

	/** An enrolment waiting for its first code: the Base32 secret and the {@code otpauth://} URI of its QR code. */
	record Enrolment(String secret, String uri) {
	}

	/** Whether the account has a confirmed second factor. */
	boolean isEnrolled(UUID account) {
		return jdbc.sql("SELECT count(*) FROM identity.second_factor WHERE account_id = ? AND confirmed_at IS NOT NULL").param(account)
			.query(Long.class).single() > 0;
	}

	/**
	 * The account's pending enrolment, or a new one (a new secret) when there is none; a confirmed second factor is
	 * never replaced here.
	 * @throws IllegalStateException for an account that has a confirmed second factor
	 */
	Enrolment pendingEnrolment(UUID account, String label) {
		if (isEnrolled(account)) {
			throw new IllegalStateException("already enrolled");
		}
		String secret = jdbc.sql("SELECT secret, master_key_id FROM identity.second_factor WHERE account_id = ?").param(account)
			.query((rs, n) -> secrets.open(account, rs.getString(1), rs.getString(2))).optional()
			.map(stored -> stored.orElseThrow(() -> new IllegalStateException("The pending second factor's secret does not decrypt")))
			.orElseGet(() -> {
				String created = new DefaultSecretGenerator(32).generate();
				SecondFactorSecrets.Sealed sealed = secrets.seal(account, created);
				jdbc.sql("INSERT INTO identity.second_factor (account_id, secret, master_key_id, created_at) VALUES (?, ?, ?, ?)")
					.params(account, sealed.secret(), sealed.masterKeyId(), Timestamp.from(clock.instant())).update();
				return created;
			});
		String uri = new QrData.Builder().label(label).secret(secret).issuer("Consilium").algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
		return new Enrolment(secret, uri);
	}

	/**
	 * Confirms the pending enrolment with its first code, and issues the recovery codes (shown once).
	 * @return the recovery codes, or empty when the code is wrong (nothing changes)
	 */
	Optional<List<String>> confirm(UUID account, String code) {
		if (!acceptTotp(account, code, false)) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE identity.second_factor SET confirmed_at = ? WHERE account_id = ?").params(Timestamp.from(clock.instant()), account)
			.update();
		jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = ?").param(account).update();
		List<String> recovery = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
		for (String r : recovery) {
			jdbc.sql("INSERT INTO identity.recovery_code (account_id, code_hash) VALUES (?, ?)").params(account, AccountTokens.hash(r)).update();
		}
		return Optional.of(recovery);
	}

	/** Whether the code is right for the confirmed second factor: a TOTP code not used before, or an unused recovery code (used up). */
	Optional<Kind> verify(UUID account, String code) {
		String typed = code == null ? "" : code.strip();
		if (typed.matches("\\d{" + DIGITS + "}")) {
			return acceptTotp(account, typed, true) ? Optional.of(Kind.TOTP) : Optional.empty();
		}
		if (typed.isEmpty() || typed.length() > 40) {
			return Optional.empty();
		}
		boolean used = jdbc.sql("UPDATE identity.recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), account, AccountTokens.hash(typed.toLowerCase(java.util.Locale.ROOT))).update() == 1;
		return used ? Optional.of(Kind.RECOVERY_CODE) : Optional.empty();
	}

	/** What proved the second factor. */
	enum Kind {
		TOTP, RECOVERY_CODE
	}

	/** How many recovery codes are left. */
	int recoveryCodesLeft(UUID account) {
		return jdbc.sql("SELECT count(*) FROM identity.recovery_code WHERE account_id = ? AND used_at IS NULL").param(account)
			.query(Long.class).single().intValue();
	}

	/** Removes the second factor and the recovery codes (an administrator's reset). */
	void remove(UUID account) {
		jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = ?").param(account).update();
		jdbc.sql("DELETE FROM identity.second_factor WHERE account_id = ?").param(account).update();
	}

	/**
	 * Accepts a TOTP code for a step within one of now and after the last accepted one, and records that step; the row is
	 * locked meanwhile, so two requests with one code cannot both pass.
	 */
	private boolean acceptTotp(UUID account, String code, boolean confirmed) {
		if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
			return false;
		}
		var row = jdbc.sql("SELECT secret, master_key_id, last_used_step FROM identity.second_factor WHERE account_id = ?"
				+ " AND (confirmed_at IS NOT NULL) = ? FOR UPDATE")
			.params(account, confirmed)
			.query((rs, n) -> new Row(secrets.open(account, rs.getString(1), rs.getString(2)), rs.getObject(3, Long.class)))
			.optional();
		if (row.isEmpty() || row.get().secret().isEmpty()) {
			return false;
		}
		String secret = row.get().secret().get();
		Long last = row.get().lastUsedStep();
		long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = now - 1; step <= now + 1; step++) {
			if ((last == null || step > last) && MessageDigest.isEqual(generate(secret, step).getBytes(), code.strip().getBytes())) {
				jdbc.sql("UPDATE identity.second_factor SET last_used_step = ? WHERE account_id = ?").params(step, account).update();
				return true;
			}
		}
		return false;
	}

	private record Row(Optional<String> secret, Long lastUsedStep) {
	}

	private String generate(String secret, long step) {
		try {
			return codes.generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException("The TOTP secret cannot be used", e);
		}
	}
}
