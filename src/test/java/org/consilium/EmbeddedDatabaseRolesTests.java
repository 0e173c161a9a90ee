package org.consilium;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as it runs on the embedded engine: its connections are the application role's, which is not a
 * superuser and may not create roles or databases, on a durable engine, with the statement timeout of
 * {@link DatabaseTimeouts}.
 */
@ConsiliumIntegrationTest
class EmbeddedDatabaseRolesTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theApplicationRunsAsARoleWithoutSuperuserRights() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);

		assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("consilium_app");
		assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
				Boolean.class)).isFalse();
		assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = 'consilium_owner'", Boolean.class)).isFalse();
		assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
		assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("15s");
	}
}
