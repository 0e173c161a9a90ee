package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.OutsideServicesIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/**
 * The configurable upload limits, small in this context ({@link OutsideServicesIntegrationTest}: 64 KB a file, 150 KB
 * and 3 documents a case) so the tests stay small: enforced while streaming, per file and per case.
 */
@OutsideServicesIntegrationTest
class DocumentLimitsTests {

	static final int KB = 1024;

	@Autowired
	RecordsManagement records;

	@Autowired
	IntakeManagement intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	JdbcClient jdbc;


	private long documents(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM records.document WHERE case_id = ?").param(caseId).query(Long.class).single();
	}

	/** A text of {@code size} bytes: numbered lines, so it compresses like ordinary notes do. */
	static byte[] text(int size) {
		StringBuilder out = new StringBuilder();
		for (int line = 1; out.length() < size; line++) {
			out.append("Befund Zeile ").append(line).append(": unauffaellig\n");
		}
		return out.substring(0, size).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	/** An endless upload that counts how much of it was read. */
	static final class EndlessUpload extends InputStream {

		long read;

		@Override
		public int read() {
			read++;
			return 'a';
		}

		@Override
		public int read(byte[] b, int off, int len) {
			java.util.Arrays.fill(b, off, off + len, (byte) 'a');
			read += len;
			return len;
		}
	}

	@Test
	void anOversizedUploadIsCutOffEarlyAndLeavesNothing() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		EndlessUpload upload = new EndlessUpload();
		assertThatThrownBy(() -> records.uploadDocument(patient, new CaseId(caseId), "huge.txt", upload)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("larger than 64 KB");
		assertThat(upload.read).as("read no further than the limit and one buffer").isLessThanOrEqualTo(64 * KB + 64 * KB);
		assertThat(documents(caseId)).isZero();
	}

	@Test
	void aCaseHoldsAtMostTheConfiguredNumberOfDocuments() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		for (int i = 0; i < 3; i++) {
			records.uploadDocument(patient, new CaseId(caseId), "note" + i + ".txt", new ByteArrayInputStream(text(KB)));
		}
		assertThatThrownBy(() -> records.uploadDocument(patient, new CaseId(caseId), "note4.txt", new ByteArrayInputStream(text(KB))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("already holds 3 documents");
		assertThat(documents(caseId)).isEqualTo(3);
	}

	@Test
	void aCaseHoldsAtMostTheConfiguredBytes() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		records.uploadDocument(patient, new CaseId(caseId), "a.txt", new ByteArrayInputStream(text(60 * KB)));
		records.uploadDocument(patient, new CaseId(caseId), "b.txt", new ByteArrayInputStream(text(60 * KB)));
		assertThatThrownBy(() -> records.uploadDocument(patient, new CaseId(caseId), "c.txt", new ByteArrayInputStream(text(60 * KB))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("past 150 KB");
		assertThat(documents(caseId)).isEqualTo(2);
	}

	@Test
	void anArchiveCountsAgainstTheCaseByItsUncompressedSize() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		byte[] zip = TestFiles.zip(Map.of("notes.txt", text(320 * KB)));
		assertThat(zip.length).as("the archive itself fits the file limit").isLessThan(64 * KB);
		assertThatThrownBy(() -> records.uploadDocument(patient, new CaseId(caseId), "notes.zip", new ByteArrayInputStream(zip)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("once uncompressed").hasMessageContaining("past 150 KB");
		assertThat(documents(caseId)).isZero();
	}
}
