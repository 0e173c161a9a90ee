package org.consilium.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.shared.Actor;

/** The application's runtime database role is neither a superuser nor an owner, and cannot rewrite the audit trail. */
@ConsiliumIntegrationTest
class DatabaseRoleTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditLog audit;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Test
	void runtimeRoleIsNotASuperuser() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
		assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("consilium_app");
	}

	@Test
	void runtimeRoleOwnsNoTableAndNoSchema() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tableowner = current_user", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = current_user",
				Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname IN ('identity','audit','intake','records')", Integer.class))
			.as("the schemas exist and hold tables").isGreaterThan(5);
	}

	@Test
	void auditRowsCannotBeUpdatedDeletedOrTruncated() {
		tx.executeWithoutResult(s -> audit.success(Actor.SYSTEM, AuditAction.CASE_READ, null, null, null));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit.audit_event", Integer.class)).isPositive();
		for (String sql : new String[] { "UPDATE audit.audit_event SET action = 'forged'", "DELETE FROM audit.audit_event",
				"TRUNCATE audit.audit_event" }) {
			assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().isInstanceOf(SQLException.class)
				.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit.audit_event WHERE action = 'forged'", Integer.class)).isZero();
	}
}
