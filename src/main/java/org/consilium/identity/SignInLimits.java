package org.consilium.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
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

	SignInLimits(DataSource dataSource, SignInLimitSettings settings) {
		this.settings = settings;
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
				waitNanos(bucket("account-origin", account(username) + "\n" + origin, perAccountAndOrigin)));
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
		bucket("account-origin", account(username) + "\n" + origin, perAccountAndOrigin).tryConsume(1);
		bucket("account", account(username), perAccount).tryConsume(1);
	}

	/** Forgets the account's failures, from this origin and overall; the origin's stay. */
	void succeeded(String username, String origin) {
		buckets.removeProxy(key("account-origin", account(username) + "\n" + origin));
		buckets.removeProxy(key("account", account(username)));
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
