package org.consilium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's postmaster as a process: read from {@code postmaster.pid}, told apart from a zombie, and a stale
 * one left by a killed run stopped before the next start.
 */
final class PostmasterProcess {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(20);

	private PostmasterProcess() {
	}

	/** State {@code Z} in {@code /proc/<pid>/stat} (Linux); elsewhere never. */
	static boolean zombie(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
			int end = stat.lastIndexOf(')');
			return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	/**
	 * A postmaster still running on the folder while no application holds it (zonky's folder lock was free) was left
	 * by a killed run: it is stopped (fast shutdown, then kill after {@link #STALE_STOP_WAIT}). A live process that is
	 * not PostgreSQL is named with the command to check it instead.
	 */
	static void stopStale(Path dir) throws IOException {
		Optional<ProcessHandle> stale = read(dir).filter(ProcessHandle::isAlive);
		if (stale.isEmpty()) {
			return;
		}
		ProcessHandle process = stale.get();
		String command = process.info().command().orElse("");
		if (!command.endsWith("/postgres")) {
			throw new EmbeddedDatabase.Refused("The embedded database folder " + dir + " is locked by process " + process.pid() + " ("
					+ (command.isEmpty() ? "command unknown" : command) + "), named in " + dir.resolve("postmaster.pid")
					+ ". If it is a PostgreSQL engine left by an earlier run, stop it with: kill -INT " + process.pid());
		}
		log.warn("A PostgreSQL engine left running by an earlier run (pid {}) holds {}; stopping it", process.pid(), dir);
		signal("INT", process.pid());
		try {
			process.onExit().get(STALE_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			process.destroyForcibly();
			waitForExit(process);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping the stale engine", e);
		}
		catch (ExecutionException e) {
			throw new IOException(e);
		}
		if (process.isAlive()) {
			throw new EmbeddedDatabase.Refused("The PostgreSQL engine left by an earlier run (pid " + process.pid() + ") holds " + dir
					+ " and did not stop. Stop it with: kill -9 " + process.pid());
		}
	}

	private static void waitForExit(ProcessHandle process) throws IOException {
		try {
			process.onExit().get(5, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IOException("pid " + process.pid() + " did not exit", e);
		}
	}

	/** The postmaster's pid from the first line of {@code postmaster.pid}, if the file is there. */
	static Optional<ProcessHandle> read(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
	}

	private static void signal(String signal, long pid) throws IOException {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
