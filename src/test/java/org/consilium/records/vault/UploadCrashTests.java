package org.consilium.records.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.consilium.ConsiliumApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of an upload, with real processes: the application runs in a child JVM (the compiled classes and the test
 * classpath) against a PostgreSQL engine owned by this test, so killing the child leaves the database running as a
 * separate server would. The first child stops an upload after its bytes are stored and before its row is written
 * (the test hook {@code consilium.documents.crash-test-pause-marker}) and is killed there with SIGKILL; the second
 * child is the application restarted with a one-second sweeper grace period.
 */
class UploadCrashTests {

	@TempDir
	Path dir;

	private EmbeddedPostgres postgres;

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (Process child : children) {
			child.destroyForcibly().waitFor();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void anUploadKilledBetweenItsBytesAndItsRowLeavesNoRecordAndItsBytesAreSweptAfterRestart() throws Exception {
		postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true).start();
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE ROLE crash_owner LOGIN");
			s.execute("CREATE ROLE crash_app LOGIN");
			s.execute("CREATE DATABASE consilium OWNER crash_owner");
		}
		try (Connection c = database(); Statement s = c.createStatement()) {
			s.execute("ALTER SCHEMA public OWNER TO crash_owner");
			s.execute("GRANT USAGE ON SCHEMA public TO crash_app");
		}
		Path dataDir = dir.resolve("data");
		Path documents = dataDir.resolve("documents");
		Path marker = dir.resolve("paused-before-row");
		Path caseFile = dir.resolve("case-id");
		List<String> settings = List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/consilium",
				"--spring.datasource.username=crash_app", "--spring.flyway.user=crash_owner", "--consilium.database.app-role=crash_app",
				"--consilium.data-dir=" + dataDir, "--consilium.fhir.warm-up=false", "--server.port=0",
				"--consilium.documents.master-key=" + MasterKeys.generate());

		List<String> first = new ArrayList<>(settings);
		first.add("--consilium.documents.crash-test-pause-marker=" + marker);
		Process uploading = start(CrashingUpload.class, "-Dcrash-test.case-file=" + caseFile, first, dir.resolve("first.log"));
		await(uploading, dir.resolve("first.log"), () -> Files.exists(marker));
		uploading.destroyForcibly();
		assertThat(uploading.waitFor()).as("killed by SIGKILL").isEqualTo(128 + 9);

		UUID caseId = UUID.fromString(Files.readString(caseFile));
		List<Path> leftovers = objects(documents);
		assertThat(leftovers).as("the bytes were stored").hasSize(1);
		assertThat(documentRows(caseId)).as("the row was never written").isZero();

		List<String> second = new ArrayList<>(settings);
		second.add("--consilium.documents.sweeper.grace=PT1S");
		second.add("--consilium.documents.sweeper.interval=PT2S");
		Process restarted = start(ConsiliumApplication.class, null, second, dir.resolve("second.log"));
		await(restarted, dir.resolve("second.log"), () -> Files.notExists(leftovers.get(0)));

		assertThat(objects(documents)).isEmpty();
		assertThat(documentRows(caseId)).as("the record never became visible").isZero();
		assertThat(caseRows(caseId)).as("the case itself committed before the upload").isOne();
		assertThat(Files.readString(dir.resolve("second.log"))).contains("Document sweeper removed 1 stored objects");
	}

	private Connection database() throws SQLException {
		return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "consilium"));
	}

	private long documentRows(UUID caseId) throws SQLException {
		return count("SELECT count(*) FROM records.document WHERE case_id = ?", caseId);
	}

	private long caseRows(UUID caseId) throws SQLException {
		return count("SELECT count(*) FROM intake.opinion_request WHERE id = ?", caseId);
	}

	private long count(String sql, UUID id) throws SQLException {
		try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
			s.setObject(1, id);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	private static List<Path> objects(Path documents) throws IOException {
		try (Stream<Path> files = Files.list(documents)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private Process start(Class<?> main, String systemProperty, List<String> args, Path log) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
		if (systemProperty != null) {
			command.add(systemProperty);
		}
		command.add(main.getName());
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		children.add(process);
		return process;
	}

	/** Waits (at most ten minutes, a guard against a hung child, not a timing assertion) for the condition. */
	private static void await(Process child, Path log, BooleanSupplier condition) throws Exception {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (!child.isAlive() || System.nanoTime() > deadline) {
				throw new AssertionError("The child process " + (child.isAlive() ? "hung" : "ended") + " before the expected point:\n"
						+ tail(Files.readString(log)));
			}
			Thread.sleep(250);
		}
	}

	private static String tail(String log) {
		return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
	}
}
