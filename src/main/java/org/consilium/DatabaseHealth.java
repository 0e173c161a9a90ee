package org.consilium;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Spring Boot's: DOWN at once while the embedded
 * engine's postmaster is not running (it is being restarted), otherwise UP when a connection from the runtime pool
 * answers within the validation time. Its wait is bounded by {@link DatabaseTimeouts} (pool and socket), so a frozen
 * or unreachable database makes the endpoint answer DOWN (HTTP 503) within seconds instead of hanging. The details name
 * no host, user or error text.
 */
final class DatabaseHealth implements HealthIndicator {

	private final DataSource dataSource;

	private final EmbeddedDatabase embedded;

	private final int validationSeconds;

	/** @param embedded the embedded engine, or {@code null} with an external database */
	DatabaseHealth(DataSource dataSource, EmbeddedDatabase embedded, Duration validation) {
		this.dataSource = dataSource;
		this.embedded = embedded;
		this.validationSeconds = (int) Math.max(1, validation.toSeconds());
	}

	@Override
	public Health health() {
		if (embedded != null && !embedded.running()) {
			return Health.down().withDetail("reason", "embedded engine stopped; restarting").build();
		}
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(validationSeconds) ? Health.up().build()
					: Health.down().withDetail("reason", "no answer within " + validationSeconds + " s").build();
		}
		catch (Exception e) {
			return Health.down().withDetail("reason", DatabaseOutageFilter.isOutage(e) ? "database unavailable" : "database error").build();
		}
	}
}
