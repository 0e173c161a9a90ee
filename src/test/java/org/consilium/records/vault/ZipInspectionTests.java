package org.consilium.records.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.consilium.records.DocumentType;
import org.consilium.records.TestFiles;
import org.consilium.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.records.TestFiles.utf8;

/** ZIP archives are inspected from the central directory before extraction, then each entry like an upload. */
class ZipInspectionTests {

	static final ZipInspection.Limits DEFAULTS = new ZipInspection.Limits(10_000, 2L * 1024 * 1024 * 1024, 100);

	@TempDir
	Path dir;

	ZipInspection.Result inspect(byte[] zip, ZipInspection.Limits limits) throws IOException {
		Path file = Files.createTempFile(dir, "archive", ".zip");
		Files.write(file, zip);
		return new ZipInspection(new DocumentTypePolicy(), dir).inspect(file, limits);
	}

	void assertRejected(byte[] zip, ZipInspection.Limits limits, String... parts) {
		var thrown = assertThatThrownBy(() -> inspect(zip, limits)).isInstanceOf(InvalidInputException.class);
		for (String part : parts) {
			thrown.hasMessageContaining(part);
		}
	}

	@Test
	void listsEachEntryWithItsTypeAndSizeAndLeavesNothingExtracted() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("befunde/Arztbrief.pdf", TestFiles.pdf());
		entries.put("bilder/roentgen.png", TestFiles.image("png"));
		entries.put("bilder/ct.dcm", TestFiles.dicom());
		entries.put("__MACOSX/befunde/._Arztbrief.pdf", new byte[] { 0, 5, 22, 7, 0, 2, 0, 0 });
		entries.put("notiz.txt", utf8("Fragen an die Ärztin\n"));
		ZipInspection.Result result = inspect(TestFiles.zip(entries), DEFAULTS);
		assertThat(result.entries()).extracting(ZipInspection.Entry::path, ZipInspection.Entry::type).containsExactly(
				org.assertj.core.groups.Tuple.tuple("befunde/Arztbrief.pdf", DocumentType.PDF),
				org.assertj.core.groups.Tuple.tuple("bilder/roentgen.png", DocumentType.PNG),
				org.assertj.core.groups.Tuple.tuple("bilder/ct.dcm", DocumentType.DICOM),
				org.assertj.core.groups.Tuple.tuple("notiz.txt", DocumentType.TEXT));
		assertThat(result.entries().get(0).sizeBytes()).isEqualTo(TestFiles.pdf().length);
		assertThat(result.uncompressedBytes()).isEqualTo(result.entries().stream().mapToLong(ZipInspection.Entry::sizeBytes).sum());
		try (var left = Files.list(dir)) {
			assertThat(left).as("only the archive itself is left").hasSize(1);
		}
	}

	@Test
	void rejectsAnEntryThatClimbsOutWithDotDot() {
		assertRejected(TestFiles.zip(Map.of("befunde/../../etc/cron.d/x.txt", utf8("x"))), DEFAULTS, "'..'");
	}

	@Test
	void rejectsAnEntryWithAnAbsolutePath() {
		assertRejected(TestFiles.zip(Map.of("/etc/passwd.txt", utf8("x"))), DEFAULTS, "absolute path");
		assertRejected(TestFiles.zip(Map.of("C:\\Windows\\x.txt", utf8("x"))), DEFAULTS, "absolute path");
	}

	@Test
	void rejectsASymbolicLink() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
			ZipArchiveEntry link = new ZipArchiveEntry("report.txt");
			link.setUnixMode(0120777);
			zip.putArchiveEntry(link);
			zip.write(utf8("/etc/shadow"));
			zip.closeArchiveEntry();
		}
		assertRejected(out.toByteArray(), DEFAULTS, "report.txt", "symbolic link");
	}

	@Test
	void rejectsAZipBombOfZerosByItsCompressionRatio() {
		byte[] zeros = new byte[10 * 1024 * 1024];
		assertRejected(TestFiles.zip(Map.of("zeros.txt", zeros)), DEFAULTS, "compressed more than 100 to 1");
	}

	@Test
	void rejectsMoreEntriesThanConfigured() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 0; i < 4; i++) {
			entries.put("n" + i + ".txt", utf8("note " + i));
		}
		assertRejected(TestFiles.zip(entries), new ZipInspection.Limits(3, DEFAULTS.maxUncompressedBytes(), 100), "4 entries", "at most 3");
	}

	@Test
	void rejectsMoreUncompressedBytesThanConfigured() {
		assertRejected(TestFiles.zip(Map.of("a.pdf", TestFiles.pdf())), new ZipInspection.Limits(10, 100, 100), "once uncompressed", "at most 100");
	}

	@Test
	void rejectsANestedArchive() {
		byte[] inner = TestFiles.zip(Map.of("a.txt", utf8("inner")));
		assertRejected(TestFiles.zip(Map.of("inner.zip", inner)), DEFAULTS, "inner.zip", "nested archives");
	}

	@Test
	void rejectsAnEntryOfARefusedType() {
		assertRejected(TestFiles.zip(Map.of("page.html", utf8("<html><script>alert(1)</script></html>"))), DEFAULTS, "page.html", "HTML page");
	}

	@Test
	void servesAnEntryByIndexCutOffAtItsCheckedSize() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("a.txt", utf8("first"));
		entries.put("b.txt", utf8("second"));
		Path file = Files.createTempFile(dir, "archive", ".zip");
		Files.write(file, TestFiles.zip(entries));
		try (InputStream in = ZipInspection.openEntry(file, 1, "b.txt", 3)) {
			assertThat(in.readAllBytes()).isEqualTo(utf8("sec"));
		}
		assertThatThrownBy(() -> ZipInspection.openEntry(file, 1, "a.txt", 5)).isInstanceOf(IOException.class);
	}
}
