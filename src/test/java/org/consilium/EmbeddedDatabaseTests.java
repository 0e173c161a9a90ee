package org.consilium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded engine without Spring, each test on its own data folder: only the password opens it, writes are
 * durable, a folder made the old way (zonky's {@code initdb -A trust}) is converted, an engine orphaned by a killed
 * application is stopped at the next start, and a dead engine is started again on its port.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path folder;

	private final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
	}

	@Test
	void writesAreDurableAndOnlyThePasswordOpensTheEngine() throws Exception {
		EmbeddedDatabase database = start(folder.resolve("postgres"));

		try (Connection c = database.superuser("postgres").getConnection()) {
			assertThat(show(c, "fsync")).isEqualTo("on");
			assertThat(show(c, "synchronous_commit")).isEqualTo("on");
			assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
		}
		assertRefused(database, null);
		assertRefused(database, "wrong-password");
		Path passwordFile = folder.resolve("postgres").resolve(EmbeddedDatabase.PASSWORD_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(Files.readString(folder.resolve("postgres/pg_hba.conf"))).startsWith(EmbeddedDatabase.HBA_MARKER).doesNotContain("trust");
	}

	@Test
	void aFolderMadeTheOldWayIsConvertedAndKeepsItsData() throws Exception {
		Path dir = folder.resolve("postgres");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
				Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE kept (v text)");
			s.execute("INSERT INTO kept VALUES ('before')");
		}
		assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");

		EmbeddedDatabase database = start(dir);

		assertRefused(database, null);
		try (Connection c = database.superuser("postgres").getConnection(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT v FROM kept")) {
			r.next();
			assertThat(r.getString(1)).isEqualTo("before");
			assertThat(show(c, "fsync")).isEqualTo("on");
		}
		assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(EmbeddedDatabase.PASSWORD_FILE)))).isEqualTo("rw-------");
	}

	@Test
	void aLostPasswordFileIsReplacedByANewPassword() throws Exception {
		Path dir = folder.resolve("postgres");
		EmbeddedDatabase.start(dir, false).close();
		String first = Files.readString(dir.resolve(EmbeddedDatabase.PASSWORD_FILE));
		Files.delete(dir.resolve(EmbeddedDatabase.PASSWORD_FILE));

		EmbeddedDatabase database = start(dir);

		assertThat(Files.readString(dir.resolve(EmbeddedDatabase.PASSWORD_FILE))).isNotEqualTo(first);
		assertRefused(database, first.strip());
		try (Connection c = database.superuser("postgres").getConnection()) {
			assertThat(show(c, "fsync")).isEqualTo("on");
		}
	}

	@Test
	void anEngineLeftByAKilledApplicationIsStoppedAtTheNextStart() throws Exception {
		Path dir = folder.resolve("postgres");
		Path log = folder.resolve("child.log");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (!Files.readString(log).contains("READY") && child.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(Files.readString(log)).as("child output").contains("READY");
		}
		finally {
			child.destroyForcibly().waitFor();
		}
		ProcessHandle orphan = PostmasterProcess.read(dir).orElseThrow();
		assertThat(orphan.isAlive()).as("the engine outlives the killed application").isTrue();

		EmbeddedDatabase database = start(dir);

		assertThat(orphan.isAlive()).isFalse();
		try (Connection c = database.superuser("postgres").getConnection()) {
			assertThat(show(c, "fsync")).isEqualTo("on");
		}
	}

	@Test
	void aDeadEngineIsStartedAgainOnItsPort() throws Exception {
		EmbeddedDatabase database = start(folder.resolve("postgres"));
		ProcessHandle first = database.postmaster().orElseThrow();

		new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();
		first.onExit().get(30, TimeUnit.SECONDS);
		assertThat(database.running()).isFalse();

		boolean restarted = false;
		for (int attempt = 0; attempt < 20 && !restarted; attempt++) {
			restarted = database.restartIfStopped();
			if (!restarted) {
				Thread.sleep(500);
			}
		}
		assertThat(restarted).isTrue();
		assertThat(database.running()).isTrue();
		assertThat(database.postmaster().orElseThrow().pid()).isNotEqualTo(first.pid());
		try (Connection c = database.superuser("postgres").getConnection()) {
			assertThat(show(c, "port")).isEqualTo(Integer.toString(database.port()));
		}
	}

	private EmbeddedDatabase start(Path dir) throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(dir, false);
		started.add(database);
		return database;
	}

	private static String show(Connection c, String setting) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
			r.next();
			return r.getString(1);
		}
	}

	private static void assertRefused(EmbeddedDatabase database, String password) {
		Properties credentials = new Properties();
		credentials.setProperty("user", EmbeddedDatabase.SUPERUSER);
		if (password != null) {
			credentials.setProperty("password", password);
		}
		assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl("postgres"), credentials).close())
			.isInstanceOf(SQLException.class)
			.satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
	}

	/** The application's part in the stale-engine test: starts the engine, says READY, and waits to be killed. */
	static final class Child {

		public static void main(String[] args) throws Exception {
			EmbeddedDatabase.start(Path.of(args[0]), false);
			System.out.println("READY");
			System.out.flush();
			Thread.sleep(TimeUnit.MINUTES.toMillis(10));
		}
	}
}
