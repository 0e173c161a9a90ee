package org.consilium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default database: the PostgreSQL engine itself, started from the application when no
 * external database is configured ({@code spring.datasource.url} unset).
 *
 * <p>Two roles keep the runtime honest, as on a production server: {@code consilium_owner} owns the
 * schemas and runs the Flyway migrations; {@code consilium_app} is what the application connects as,
 * with only the grants the migrations give it (and no UPDATE, DELETE or TRUNCATE on audit rows). Both
 * are created at first start. Data lives in {@code consilium.data-dir}/postgres and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoExternalDatabase.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	static final String DATABASE = "consilium";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${consilium.data-dir}") Path dataDir,
			@Value("${consilium.database.embedded.ephemeral:false}") boolean ephemeral,
			@Value("${consilium.database.owner-role}") String ownerRole,
			@Value("${consilium.database.app-role}") String appRole) throws IOException, SQLException {
		Path pgData = ephemeral ? Files.createTempDirectory("consilium-pg-") : dataDir.resolve("postgres");
		Files.createDirectories(pgData);
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(ephemeral)
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("The embedded PostgreSQL engine did not start in " + pgData.toAbsolutePath()
					+ ". Its initdb refuses to run as root where user namespaces are not allowed: run Consilium as an"
					+ " ordinary user, or set spring.datasource.url to an external PostgreSQL server (see README).", e);
		}
		bootstrapRoles(postgres, ownerRole, appRole);
		log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData.toAbsolutePath());
		return postgres;
	}

	/** The application's runtime connection pool, as the non-owner application role. */
	@Bean
	@Primary
	HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${consilium.database.app-role}") String appRole) {
		return pool(postgres.getJdbcUrl(appRole, DATABASE), appRole, "consilium-app", 10);
	}

	/** The schema owner's connection, used by Flyway only. */
	@Bean
	@FlywayDataSource
	HikariDataSource flywayDataSource(EmbeddedPostgres postgres, @Value("${consilium.database.owner-role}") String ownerRole) {
		return pool(postgres.getJdbcUrl(ownerRole, DATABASE), ownerRole, "consilium-owner", 2);
	}

	private static HikariDataSource pool(String url, String user, String name, int size) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername(user);
		pool.setPoolName(name);
		pool.setMaximumPoolSize(size);
		return pool;
	}

	private static void bootstrapRoles(EmbeddedPostgres postgres, String ownerRole, String appRole) throws SQLException {
		DataSource superuser = postgres.getPostgresDatabase();
		try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
			for (String role : new String[] { ownerRole, appRole }) {
				s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
						+ "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT; END IF; END $$");
			}
			var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
			if (!exists.next()) {
				s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ownerRole);
			}
		}
		try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
			s.execute("ALTER SCHEMA public OWNER TO " + ownerRole);
			s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
			s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + appRole);
			s.execute("GRANT USAGE ON SCHEMA public TO " + appRole);
		}
	}

	static class NoExternalDatabase implements org.springframework.context.annotation.Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
