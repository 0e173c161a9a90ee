package org.consilium.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and then locks repeated failed logins per e-mail address, for unknown addresses exactly as for
 * known ones, so the answer reveals nothing. After {@value #SLOW_AFTER} failures each attempt waits one more
 * second (at most {@value #MAX_DELAY_SECONDS}); after {@value #LOCK_AFTER} the address is locked for
 * {@link #LOCK_DURATION}. A success clears the count. Kept in the database, so it holds across instances.
 * After OWASP ASVS 4.0 V2.2.1 (anti-automation: rate limiting and soft lockout).
 */
@Component
class LoginThrottle {

	static final int SLOW_AFTER = 3;

	static final int LOCK_AFTER = 5;

	static final int MAX_DELAY_SECONDS = 3;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the address is locked now. */
	@Transactional(readOnly = true)
	boolean isLocked(String username) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT locked_until FROM identity.login_throttle WHERE username = ?")
			.param(UserAccount.normalize(username)).query(Instant.class).optional()
			.map(until -> until != null && until.isAfter(now)).orElse(false);
	}

	/** The delay to apply before answering this attempt. */
	@Transactional(readOnly = true)
	Duration delayFor(String username) {
		int failures = jdbc.sql("SELECT failures FROM identity.login_throttle WHERE username = ?")
			.param(UserAccount.normalize(username)).query(Integer.class).optional().orElse(0);
		return failures < SLOW_AFTER ? Duration.ZERO : Duration.ofSeconds(Math.min(MAX_DELAY_SECONDS, failures - SLOW_AFTER + 1));
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(String username) {
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO identity.login_throttle (username, failures, last_failure_at) VALUES (:u, 1, :now)
				ON CONFLICT (username) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = :now,
				  locked_until = CASE WHEN login_throttle.failures + 1 >= :lockAfter THEN :until ELSE login_throttle.locked_until END
				""")
			.param("u", UserAccount.normalize(username)).param("now", java.sql.Timestamp.from(now))
			.param("lockAfter", LOCK_AFTER).param("until", java.sql.Timestamp.from(now.plus(LOCK_DURATION))).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccess(String username) {
		jdbc.sql("DELETE FROM identity.login_throttle WHERE username = ?").param(UserAccount.normalize(username)).update();
	}
}
