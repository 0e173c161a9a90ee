package org.consilium;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlEnvironmentTests {

	@Test
	void aPostgresUrlBecomesTheDatasourceAndTheApplicationRole() {
		Map<String, Object> p = DatabaseUrlEnvironment.properties("postgres://consilium_app:s%40cret@db.example:6543/consilium?sslmode=require");
		assertThat(p).containsEntry("spring.datasource.url", "jdbc:postgresql://db.example:6543/consilium?sslmode=require")
			.containsEntry("spring.datasource.username", "consilium_app")
			.containsEntry("spring.datasource.password", "s@cret")
			.containsEntry("consilium.database.app-role", "consilium_app");
	}

	@Test
	void aJdbcUrlIsTakenAsItIs() {
		assertThat(DatabaseUrlEnvironment.properties("jdbc:postgresql://localhost/consilium"))
			.containsExactlyEntriesOf(Map.of("spring.datasource.url", "jdbc:postgresql://localhost/consilium"));
	}

	@Test
	void anotherSchemeIsRefusedWithTheExpectedForm() {
		assertThatThrownBy(() -> DatabaseUrlEnvironment.properties("mysql://u@h/db")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("postgres://user:password@host");
	}
}
