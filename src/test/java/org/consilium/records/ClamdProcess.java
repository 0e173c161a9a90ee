package org.consilium.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real ClamAV daemon for tests, started from Debian's {@code clamav-daemon} package with a configuration and a
 * signature database of its own in a temporary folder: the official database cannot be downloaded here, so the database
 * is one {@code .hdb} line, the MD5 and size of the EICAR test file (ClamAV signature format:
 * https://docs.clamav.net/manual/Signatures/HashSignatures.html). It listens on a free TCP port on 127.0.0.1 and on a
 * unix socket in that folder, and runs as the current user (root included: without a {@code User} line clamd keeps the
 * user it was started as).
 */
public final class ClamdProcess implements AutoCloseable {

	private final Process process;

	private final Path dir;

	private final int port;

	private ClamdProcess(Process process, Path dir, int port) {
		this.process = process;
		this.dir = dir;
		this.port = port;
	}

	/** Starts clamd and waits until it answers PING; fails with the install command when clamd is missing. */
	public static ClamdProcess start() throws Exception {
		Path clamd = Path.of("/usr/sbin/clamd");
		if (!Files.isExecutable(clamd)) {
			throw new AssertionError("clamd is not installed (/usr/sbin/clamd): run `apt-get install -y clamav-daemon` "
					+ "(.ci/run installs it) to run the virus-scanning tests.");
		}
		Path dir = Files.createTempDirectory("clamd-test");
		String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(TestFiles.EICAR));
		Files.writeString(dir.resolve("test.hdb"), md5 + ":" + TestFiles.EICAR.length + ":Eicar-Test-Signature\n");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Files.writeString(dir.resolve("clamd.conf"), """
				DatabaseDirectory %s
				TCPSocket %d
				TCPAddr 127.0.0.1
				LocalSocket %s
				Foreground yes
				StreamMaxLength 200M
				LogVerbose no
				""".formatted(dir, port, dir.resolve("clamd.sock")));
		Process process = new ProcessBuilder(clamd.toString(), "-c", dir.resolve("clamd.conf").toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("clamd.log").toFile()).start();
		ClamdProcess started = new ClamdProcess(process, dir, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!started.answersPing()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				String log = Files.readString(dir.resolve("clamd.log"));
				started.close();
				throw new AssertionError("clamd did not start:\n" + log);
			}
			Thread.sleep(200);
		}
		return started;
	}

	public int port() {
		return port;
	}

	Path socket() {
		return dir.resolve("clamd.sock");
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
		}
		catch (IOException notYet) {
			return false;
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		process.destroy();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
