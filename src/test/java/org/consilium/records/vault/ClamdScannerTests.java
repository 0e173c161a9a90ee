package org.consilium.records.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.consilium.records.ClamdProcess;
import org.consilium.records.ScanStatus;
import org.consilium.records.TestFiles;
import org.consilium.records.VirusScannerUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The INSTREAM client against a real clamd (Debian's clamav-daemon) with an EICAR signature database. */
class ClamdScannerTests {

	static ClamdProcess clamd;

	@BeforeAll
	static void startClamd() throws Exception {
		clamd = ClamdProcess.start();
	}

	@AfterAll
	static void stopClamd() throws Exception {
		if (clamd != null) {
			clamd.close();
		}
	}

	static ClamdScanner tcp(int port) {
		return new ClamdScanner(new ClamdSettings("127.0.0.1", port, null, Duration.ofSeconds(30)));
	}

	@Test
	void findsTheEicarTestFileOverTcp() throws IOException {
		VirusScanner.Verdict verdict = tcp(clamd.port()).scan(new ByteArrayInputStream(TestFiles.EICAR));
		assertThat(verdict.status()).isEqualTo(ScanStatus.INFECTED);
		assertThat(verdict.signature()).startsWith("Eicar-Test-Signature");
	}

	@Test
	void findsTheEicarTestFileOverTheUnixSocket() throws IOException {
		ClamdScanner unix = new ClamdScanner(new ClamdSettings(null, 0, clamd.socket(), Duration.ofSeconds(30)));
		assertThat(unix.scan(new ByteArrayInputStream(TestFiles.EICAR)).status()).isEqualTo(ScanStatus.INFECTED);
		assertThat(unix.scan(new ByteArrayInputStream(TestFiles.pdf())).status()).isEqualTo(ScanStatus.SCANNED);
	}

	@Test
	void findsTheEicarTestFileInsideAZip() throws IOException {
		byte[] zip = TestFiles.zip(Map.of("notes/readme.txt", TestFiles.EICAR));
		assertThat(tcp(clamd.port()).scan(new ByteArrayInputStream(zip)).status()).isEqualTo(ScanStatus.INFECTED);
	}

	@Test
	void passesCleanFilesOfManyChunks() throws IOException {
		byte[] large = new byte[3 * 1024 * 1024 + 17];
		new java.util.Random(7).nextBytes(large);
		VirusScanner.Verdict verdict = tcp(clamd.port()).scan(new ByteArrayInputStream(large));
		assertThat(verdict.status()).isEqualTo(ScanStatus.SCANNED);
		assertThat(verdict.signature()).isNull();
	}

	@Test
	void saysTheScannerIsUnavailableWhenNothingListens() throws IOException {
		int closed;
		try (ServerSocket free = new ServerSocket(0)) {
			closed = free.getLocalPort();
		}
		InputStream pdf = new ByteArrayInputStream(TestFiles.pdf());
		assertThatThrownBy(() -> tcp(closed).scan(pdf)).isInstanceOf(VirusScannerUnavailableException.class)
			.hasMessageContaining("cannot be reached");
	}
}
