package org.consilium.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring account tokens: 256 random bits, handed out once in a link, stored only as their SHA-256
 * (a leaked table holds no usable link). Using one marks it used in the same statement that finds it, so two
 * concurrent uses cannot both succeed.
 */
@Component
class AccountTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	AccountTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a token for the account; earlier unused tokens of the same purpose stop working. */
	String issue(UUID accountId, AccountMail.Purpose purpose, Instant now, Duration validity) {
		jdbc.sql("UPDATE identity.account_token SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
			.params(Timestamp.from(now), accountId, purpose.name()).update();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("INSERT INTO identity.account_token (token_hash, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(hash(token), accountId, purpose.name(), Timestamp.from(now), Timestamp.from(now.plus(validity))).update();
		return token;
	}

	/** Uses a token: the account it belongs to when it exists, has this purpose, is unused and unexpired; else empty. */
	Optional<UUID> use(String token, AccountMail.Purpose purpose, Instant now) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				UPDATE identity.account_token SET used_at = ?
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
				RETURNING account_id""")
			.params(Timestamp.from(now), hash(token), purpose.name(), Timestamp.from(now)).query(UUID.class).optional();
	}

	/** Whether a token would be accepted now, without using it (to show the form that will use it). */
	boolean isValid(String token, AccountMail.Purpose purpose, Instant now) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		return jdbc.sql("SELECT count(*) FROM identity.account_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
			.params(hash(token), purpose.name(), Timestamp.from(now)).query(Long.class).single() > 0;
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
