package org.consilium;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How long the application waits for the database at most, so that an outage answers 503 instead of hanging
 * ({@code consilium.database.*}, each a duration such as {@code 5s}):
 *
 * <ul>
 * <li>{@code connection-timeout} (default 5 s): for a connection from the pool (Hikari {@code connectionTimeout});
 * a borrowed connection is checked within half of it (Hikari {@code validationTimeout}, at most 2 s);</li>
 * <li>{@code login-timeout} (default 5 s): to open a new connection, TCP connect and sign-in (PgJDBC
 * {@code connectTimeout} and {@code loginTimeout}, whole seconds);</li>
 * <li>{@code statement-timeout} (default 15 s): for one statement, enforced by the server (PostgreSQL
 * {@code statement_timeout}); the runtime pool only, so that migrations may take longer;</li>
 * <li>{@code socket-timeout} (default 20 s): for any answer on an open connection, a frozen server included (PgJDBC
 * {@code socketTimeout}, whole seconds; keep it above the statement timeout).</li>
 * </ul>
 *
 * The same limits apply to the embedded engine's pools and to an external database's pool.
 */
record DatabaseTimeouts(Duration connection, Duration login, Duration statement, Duration socket) {

	static DatabaseTimeouts from(Environment environment) {
		Binder binder = Binder.get(environment);
		return new DatabaseTimeouts(
				binder.bind("consilium.database.connection-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
				binder.bind("consilium.database.login-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
				binder.bind("consilium.database.statement-timeout", Duration.class).orElse(Duration.ofSeconds(15)),
				binder.bind("consilium.database.socket-timeout", Duration.class).orElse(Duration.ofSeconds(20)));
	}

	/** Bounds every wait of the application's runtime pool, statements included. */
	void applyToRuntimePool(HikariDataSource pool) {
		applyToConnections(pool);
		pool.addDataSourceProperty("socketTimeout", Long.toString(seconds(socket)));
		pool.addDataSourceProperty("options", "-c statement_timeout=" + statement.toMillis());
	}

	/** Bounds waiting for a connection and signing in; statements may run as long as they need (migrations). */
	void applyToConnections(HikariDataSource pool) {
		pool.setConnectionTimeout(Math.max(250, connection.toMillis()));
		pool.setValidationTimeout(Math.max(250, Math.min(2000, connection.toMillis() / 2)));
		pool.addDataSourceProperty("connectTimeout", Long.toString(seconds(login)));
		pool.addDataSourceProperty("loginTimeout", Long.toString(seconds(login)));
	}

	private static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

	/**
	 * Applies the limits to the runtime pool {@code dataSource} that Spring Boot builds for an external database
	 * ({@code spring.datasource.url}); the embedded engine's pools get them where they are built.
	 */
	static final class ExternalPool implements BeanPostProcessor {

		private final Environment environment;

		ExternalPool(Environment environment) {
			this.environment = environment;
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if ("dataSource".equals(beanName) && bean instanceof HikariDataSource pool && environment.containsProperty("spring.datasource.url")) {
				DatabaseTimeouts.from(environment).applyToRuntimePool(pool);
			}
			return bean;
		}
	}
}
