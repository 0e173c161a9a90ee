package org.consilium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default database: the PostgreSQL engine itself ({@link EmbeddedDatabase}), started from the
 * application when no external database is configured ({@code spring.datasource.url} unset). Only the application can
 * open it: every connection needs a password (SCRAM-SHA-256), and the superuser's lives in the data folder with mode
 * 600.
 *
 * <p>Two roles keep the runtime honest, as on a production server: {@code consilium_owner} owns the
 * schemas and runs the Flyway migrations; {@code consilium_app} is what the application connects as,
 * with only the grants the migrations give it (and no UPDATE, DELETE or TRUNCATE on audit rows). Neither is a
 * superuser; both get a new random password at every start, held only in memory. Data lives in
 * {@code consilium.data-dir}/postgres and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoExternalDatabase.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	static final String DATABASE = "consilium";

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${consilium.data-dir}") Path dataDir,
			@Value("${consilium.database.embedded.ephemeral:false}") boolean ephemeral,
			@Value("${consilium.database.embedded.watch-interval:2s}") Duration watchInterval) throws IOException {
		Path pgData = ephemeral ? Files.createTempDirectory("consilium-pg-") : dataDir.resolve("postgres");
		EmbeddedDatabase database;
		try {
			database = EmbeddedDatabase.start(pgData, ephemeral);
		}
		catch (EmbeddedDatabase.Refused e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("The embedded PostgreSQL engine did not start in " + pgData.toAbsolutePath() + " (" + e.getMessage()
					+ "). Where user namespaces are not allowed, its initdb refuses to run as root: run Consilium as an"
					+ " ordinary user, or set spring.datasource.url to an external PostgreSQL server (see README).", e);
		}
		database.watch(watchInterval);
		log.info("Embedded PostgreSQL running on port {} with data in {}", database.port(), pgData.toAbsolutePath());
		return database;
	}

	/** The passwords of the owner and the application role, new at every start (see {@link #bootstrapRoles}). */
	@Bean
	EmbeddedRoles embeddedRoles(EmbeddedDatabase database, @Value("${consilium.database.owner-role}") String ownerRole,
			@Value("${consilium.database.app-role}") String appRole) throws SQLException {
		EmbeddedRoles roles = new EmbeddedRoles(ownerRole, newPassword(), appRole, newPassword());
		bootstrapRoles(database, roles);
		return roles;
	}

	/** The application's runtime connection pool, as the non-owner application role. */
	@Bean
	@Primary
	HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedRoles roles, Environment environment) {
		HikariDataSource pool = pool(database.jdbcUrl(DATABASE), roles.appRole(), roles.appPassword(), "consilium-app", 10);
		DatabaseTimeouts.from(environment).applyToRuntimePool(pool);
		return pool;
	}

	/** The schema owner's connection, used by Flyway only. */
	@Bean
	@FlywayDataSource
	HikariDataSource flywayDataSource(EmbeddedDatabase database, EmbeddedRoles roles, Environment environment) {
		HikariDataSource pool = pool(database.jdbcUrl(DATABASE), roles.ownerRole(), roles.ownerPassword(), "consilium-owner", 2);
		DatabaseTimeouts.from(environment).applyToConnections(pool);
		return pool;
	}

	private static HikariDataSource pool(String url, String user, String password, String name, int size) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPassword(password);
		pool.setPoolName(name);
		pool.setMaximumPoolSize(size);
		return pool;
	}

	private static String newPassword() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Creates the roles and the database if missing and, at every start, makes sure neither role is a superuser or may
	 * create roles or databases, and gives each its new password.
	 */
	private static void bootstrapRoles(EmbeddedDatabase database, EmbeddedRoles roles) throws SQLException {
		DataSource superuser = database.superuser("postgres");
		try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
			for (String role : new String[] { roles.ownerRole(), roles.appRole() }) {
				s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
						+ "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT; END IF; END $$");
			}
			s.execute("ALTER ROLE " + roles.ownerRole() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
					+ roles.ownerPassword() + "'");
			s.execute("ALTER ROLE " + roles.appRole() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
					+ roles.appPassword() + "'");
			var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
			if (!exists.next()) {
				s.execute("CREATE DATABASE " + DATABASE + " OWNER " + roles.ownerRole());
			}
		}
		try (Connection c = database.superuser(DATABASE).getConnection(); Statement s = c.createStatement()) {
			s.execute("ALTER SCHEMA public OWNER TO " + roles.ownerRole());
			s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
			s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + roles.appRole());
			s.execute("GRANT USAGE ON SCHEMA public TO " + roles.appRole());
		}
	}

	/** The embedded engine's two roles with this run's passwords; never logged. */
	record EmbeddedRoles(String ownerRole, String ownerPassword, String appRole, String appPassword) {

		@Override
		public String toString() {
			return "EmbeddedRoles[" + ownerRole + ", " + appRole + "]";
		}
	}

	static class NoExternalDatabase implements org.springframework.context.annotation.Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
