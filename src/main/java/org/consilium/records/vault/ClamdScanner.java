package org.consilium.records.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import org.consilium.records.ScanStatus;
import org.consilium.records.VirusScannerUnavailableException;

/**
 * Scans through a ClamAV daemon with its {@code INSTREAM} command (https://docs.clamav.net/manual/Usage/Scanning.html
 * and clamd(8)): {@code zINSTREAM\0}, then chunks each prefixed with its length as a 4-byte big-endian integer, then a
 * zero length; clamd answers {@code stream: OK}, {@code stream: <signature> FOUND} or {@code ... ERROR}. Over TCP
 * ({@code consilium.records.clamd.host}/{@code port}, with the configured timeout) or a unix socket
 * ({@code consilium.records.clamd.socket}). clamd's {@code StreamMaxLength} (25 MB by default) must be at least
 * {@code consilium.records.max-file-size}, or larger uploads are refused as not scannable.
 */
final class ClamdScanner implements VirusScanner {

	private static final int CHUNK = 64 * 1024;

	private final ClamdSettings settings;

	ClamdScanner(ClamdSettings settings) {
		this.settings = settings;
	}

	@Override
	public Verdict scan(InputStream content) throws IOException {
		String reply;
		try (Connection connection = connect()) {
			reply = instream(content, connection.out(), connection.in());
		}
		catch (IOException e) {
			throw new VirusScannerUnavailableException("The virus scanner cannot be reached (" + e.getMessage() + "); try again later.");
		}
		if (reply.endsWith("OK") && !reply.contains("FOUND")) {
			return new Verdict(ScanStatus.SCANNED, null);
		}
		if (reply.endsWith("FOUND")) {
			String signature = reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).strip();
			return new Verdict(ScanStatus.INFECTED, signature);
		}
		throw new VirusScannerUnavailableException("The virus scanner could not scan this file (" + reply + "); nothing was stored.");
	}

	/** Sends the stream; reads the reply even when clamd closes early (it does when a size limit is exceeded). */
	private static String instream(InputStream content, OutputStream out, InputStream in) throws IOException {
		try {
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			byte[] buffer = new byte[CHUNK];
			int n;
			while ((n = content.readNBytes(buffer, 0, CHUNK)) > 0) {
				out.write(new byte[] { (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n });
				out.write(buffer, 0, n);
			}
			out.write(new byte[4]);
			out.flush();
		}
		catch (IOException writeFailed) {
			String reply = readReply(in);
			if (reply.isEmpty()) {
				throw writeFailed;
			}
			return reply;
		}
		return readReply(in);
	}

	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) > 0 && reply.size() < 4096) {
			reply.write(b);
		}
		return reply.toString(StandardCharsets.UTF_8).strip();
	}

	private record Connection(AutoCloseable channel, InputStream in, OutputStream out) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				channel.close();
			}
			catch (IOException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IOException(e);
			}
		}
	}

	private Connection connect() throws IOException {
		if (settings.socket() != null) {
			SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				channel.connect(UnixDomainSocketAddress.of(settings.socket()));
			}
			catch (IOException e) {
				channel.close();
				throw e;
			}
			return new Connection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
		}
		Socket socket = new Socket();
		try {
			int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
			socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
			socket.setSoTimeout(timeout);
		}
		catch (IOException e) {
			socket.close();
			throw e;
		}
		return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
	}
}
