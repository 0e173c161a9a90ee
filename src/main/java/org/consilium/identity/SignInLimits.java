package org.consilium.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits on failed sign-ins, as Bucket4j token buckets in {@code identity.sign_in_limit} (so they hold across
 * instances). Three buckets, each losing one token per failed sign-in and refilled evenly over its window
 * ({@link SignInLimitSettings}):
 * <ul>
 * <li>per origin: when empty, every sign-in from that origin answers 429 until a token is back;</li>
 * <li>per account and origin: when empty, that origin answers 429 for that account only;</li>
 * <li>per account: never refuses; its spent tokens slow each attempt down, one second per failure beyond
 * {@code delayAfter}, at most {@code maxDelay}.</li>
 * </ul>
 * So wrong passwords from one place never keep the account's owner out from another place: a coordinator whose account
 * is hammered still signs in with the right password, at most a few seconds later. A success removes the account's
 * buckets (not the origin's). Bucket ids carry the SHA-256 of the typed address and the client address, never the
 * address itself; an unknown address is limited exactly like a known one.
 */
@Component
class SignInLimits {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final SignInLimitSettings settings;

	private final BucketConfiguration perOrigin;

	private final BucketConfiguration perAccountAndOrigin;

	private final BucketConfiguration perAccount;

	private final long accountCapacity;

	private final JdbcClient jdbc;

	SignInLimits(DataSource dataSource, SignInLimitSettings settings) {
		this.settings = settings;
		this.jdbc = JdbcClient.create(dataSource);
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("identity.sign_in_limit")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.perOrigin = refilling(settings.originFailures(), settings.originWindow());
		this.perAccountAndOrigin = refilling(settings.accountOriginFailures(), settings.accountOriginWindow());
		this.accountCapacity = settings.delayAfter() + Math.max(1, settings.maxDelay().toSeconds());
		this.perAccount = refilling(accountCapacity, settings.accountWindow());
	}

	private static BucketConfiguration refilling(long capacity, Duration window) {
		return BucketConfiguration.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window)).build();
	}

	/**
	 * How long the origin must wait before it may try this account again, or empty when it may try now. Spends nothing.
	 */
	Optional<Duration> refusal(String username, String origin) {
		long nanos = Math.max(waitNanos(bucket("origin", origin, perOrigin)),
				waitNanos(buckets.builder().build(accountOriginKey(username, origin), () -> perAccountAndOrigin)));
		return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
	}

	private static long waitNanos(Bucket bucket) {
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
	}

	/** The wait before this attempt is checked: zero until the account has {@code delayAfter} recent failures. */
	Duration delayFor(String username) {
		long failures = accountCapacity - bucket("account", account(username), perAccount).getAvailableTokens();
		if (failures < settings.delayAfter()) {
			return Duration.ZERO;
		}
		Duration delay = Duration.ofSeconds(failures - settings.delayAfter() + 1);
		return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
	}

	/** Spends one token of each bucket of this attempt. */
	void failed(String username, String origin) {
		bucket("origin", origin, perOrigin).tryConsume(1);
		buckets.builder().build(accountOriginKey(username, origin), () -> perAccountAndOrigin).tryConsume(1);
		bucket("account", account(username), perAccount).tryConsume(1);
	}

	/** Forgets the account's failures, from this origin and overall; the origin's stay. */
	void succeeded(String username, String origin) {
		buckets.removeProxy(accountOriginKey(username, origin));
		buckets.removeProxy(key("account", account(username)));
	}

	/** An administrator unlocks the account: its failures from every origin are forgotten (the origins' own stay). */
	void unlock(String username) {
		jdbc.sql("DELETE FROM identity.sign_in_limit WHERE id = ? OR id LIKE ?")
			.params(key("account", account(username)), key("account-origin", account(username)) + ":%").update();
	}

	/**
	 * Whether the account is held back now: its own failures slow each attempt down, or some origin has no attempts
	 * left for it. Reads only the buckets that exist (an account without failures has none), and creates none.
	 */
	boolean isLimited(String username) {
		String accountKey = key("account", account(username));
		return jdbc.sql("SELECT id FROM identity.sign_in_limit WHERE id = ? OR id LIKE ?")
			.params(accountKey, key("account-origin", account(username)) + ":%").query(String.class).list().stream()
			.anyMatch(id -> id.equals(accountKey) ? !delayFor(username).isZero()
					: waitNanos(buckets.builder().build(id, () -> perAccountAndOrigin)) > 0);
	}

	/** Of these accounts (login names), those held back now ({@link #isLimited}), looking only at accounts with buckets. */
	List<String> limited(Collection<String> usernames) {
		Set<String> withFailures = jdbc.sql("SELECT id FROM identity.sign_in_limit WHERE id LIKE 'account%'").query(String.class).list()
			.stream().map(id -> id.substring(id.indexOf(':') + 1).split(":")[0]).collect(Collectors.toSet());
		return usernames.stream().filter(u -> withFailures.contains(key("", account(u)).substring(1))).filter(this::isLimited).toList();
	}

	/** The bucket id of an account from one origin: the account's hash, then the origin's, so an unlock finds them all. */
	private static String accountOriginKey(String username, String origin) {
		return key("account-origin", account(username)) + ":" + key("", origin).substring(1);
	}

	/** Removes the rows of buckets that have been full for a minute. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void removeFullBuckets() {
		while (buckets.removeExpired(1000) == 1000) {
			// next batch
		}
	}

	private Bucket bucket(String kind, String subject, BucketConfiguration configuration) {
		return buckets.builder().build(key(kind, subject), () -> configuration);
	}

	private static String account(String username) {
		return UserAccount.normalize(username);
	}

	private static String key(String kind, String subject) {
		try {
			return kind + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
