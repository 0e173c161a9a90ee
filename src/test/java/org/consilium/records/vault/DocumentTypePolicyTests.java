package org.consilium.records.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.consilium.records.DocumentType;
import org.consilium.records.TestFiles;
import org.consilium.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consilium.records.TestFiles.concat;
import static org.consilium.records.TestFiles.utf8;

/** Each allowed type is proven by parsing; each refused kind of file is rejected with a message naming the reason. */
class DocumentTypePolicyTests {

	final DocumentTypePolicy policy = new DocumentTypePolicy();

	@TempDir
	Path dir;

	DocumentType check(byte[] content) throws IOException {
		Path file = Files.createTempFile(dir, "upload", ".bin");
		Files.write(file, content);
		return policy.check(file);
	}

	void assertRejected(byte[] content, String... messageParts) {
		var thrown = assertThatThrownBy(() -> check(content)).isInstanceOf(InvalidInputException.class);
		for (String part : messageParts) {
			thrown.hasMessageContaining(part);
		}
	}

	@Test
	void acceptsEachAllowedTypeBuiltByItsOwnWriter() throws IOException {
		assertThat(check(TestFiles.pdf())).isEqualTo(DocumentType.PDF);
		assertThat(check(org.consilium.TestDocuments.pdf())).isEqualTo(DocumentType.PDF);
		assertThat(check(TestFiles.image("png"))).isEqualTo(DocumentType.PNG);
		assertThat(check(TestFiles.image("jpeg"))).isEqualTo(DocumentType.JPEG);
		assertThat(check(TestFiles.image("tiff"))).isEqualTo(DocumentType.TIFF);
		assertThat(check(TestFiles.dicom())).isEqualTo(DocumentType.DICOM);
		assertThat(check(TestFiles.zip(Map.of("a.pdf", TestFiles.pdf())))).isEqualTo(DocumentType.ZIP);
		assertThat(check(utf8("Blutdruck 120/80 mmHg\r\nÄrztin: Dr. Núñez\tStation 3\n"))).isEqualTo(DocumentType.TEXT);
		assertThat(check(utf8("{\"resourceType\": \"Patient\", \"id\": \"p1\", \"name\": [{\"family\": \"Núñez\"}]}")))
			.isEqualTo(DocumentType.FHIR_JSON);
		assertThat(check(utf8("""
				{"id": "arbitrary.id", "subject": {"id": "proband A", "sex": "FEMALE"},
				 "phenotypicFeatures": [{"type": {"id": "HP:0001250", "label": "Seizure"}}],
				 "metaData": {"created": "2021-05-14T10:35:00Z", "createdBy": "anonymous", "phenopacketSchemaVersion": "2.0"}}""")))
			.isEqualTo(DocumentType.PHENOPACKET_JSON);
		assertThat(check(utf8("{\"note\": \"any other JSON is kept as text\"}"))).isEqualTo(DocumentType.TEXT);
	}

	@Test
	void onlyPdfJpegAndPngAreViewableInTheBrowser() {
		assertThat(DocumentType.values()).filteredOn(DocumentType::viewableInline)
			.containsExactlyInAnyOrder(DocumentType.PDF, DocumentType.JPEG, DocumentType.PNG);
	}

	@Test
	void rejectsHtml() {
		assertRejected(utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "HTML page", "text/html");
	}

	@Test
	void rejectsSvg() {
		assertRejected(utf8("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "SVG",
				"image/svg+xml");
	}

	@Test
	void rejectsAShellScript() {
		assertRejected(utf8("#!/bin/sh\ncurl http://example.invalid | sh\n"), "shell script");
	}

	@Test
	void rejectsElfAndWindowsExecutables() {
		byte[] elf = new byte[128];
		System.arraycopy(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, elf, 0, 8);
		elf[16] = 2;
		assertRejected(elf, "program");
		byte[] pe = new byte[256];
		pe[0] = 'M';
		pe[1] = 'Z';
		pe[0x3C] = (byte) 0x80;
		System.arraycopy(new byte[] { 'P', 'E', 0, 0 }, 0, pe, 0x80, 4);
		assertRejected(pe, "Windows program");
	}

	@Test
	void rejectsAPdfHeaderFollowedByAScript() {
		assertRejected(utf8("%PDF-1.4\n<script>alert(document.cookie)</script>\n"), "HTML or script markup", "<script");
	}

	@Test
	void rejectsAPdfThatDoesNotParse() {
		assertRejected(utf8("%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf at all\n"), "does not open as one");
	}

	@Test
	void rejectsAPdfWithJavaScript() {
		assertRejected(TestFiles.pdfWithJavaScript(), "JavaScript");
	}

	@Test
	void rejectsPolyglotsOfAPdfOrAnImageAndAZip() {
		byte[] zip = TestFiles.zip(Map.of("x.txt", utf8("hello")));
		assertRejected(concat(TestFiles.pdf(), zip), "both a PDF and a ZIP archive", "polyglot");
		assertRejected(concat(TestFiles.image("png"), zip), "both an image and a ZIP archive");
	}

	@Test
	void rejectsAPolyglotOfAnImageAndAPdfOrHtml() {
		byte[] png = TestFiles.image("png");
		assertRejected(concat(TestFiles.image("jpeg"), utf8("%PDF-1.4\n")), "PDF header", "polyglot");
		byte[] withHtml = concat(png, utf8("<html><script>alert(1)</script></html>"));
		assertRejected(withHtml, "HTML or script markup");
	}

	@Test
	void rejectsAnImageThatDoesNotDecode() {
		byte[] png = TestFiles.image("png");
		byte[] cut = java.util.Arrays.copyOf(png, 40);
		assertRejected(cut, "does not decode as one");
	}

	@Test
	void rejectsADicomFileWithoutAValidFileMetaHeader() {
		byte[] dicom = TestFiles.dicom();
		byte[] broken = java.util.Arrays.copyOf(dicom, dicom.length);
		broken[128 + 4 + 4] = 'Z';
		broken[128 + 4 + 5] = 'Z';
		assertRejected(broken, "DICOM", "value representation");
		byte[] exePreamble = java.util.Arrays.copyOf(dicom, dicom.length);
		exePreamble[0] = 'M';
		exePreamble[1] = 'Z';
		assertThatThrownBy(() -> check(exePreamble)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void keepsAPdfCarryingHtmlOrScriptAfterItsHeadAsDownloadOnly() throws IOException {
		assertThat(check(TestFiles.pdf())).isEqualTo(DocumentType.PDF);
		assertThat(check(TestFiles.pdfWithHtmlAfterItsHead())).isEqualTo(DocumentType.PDF_DOWNLOAD_ONLY);
		assertThat(DocumentType.PDF_DOWNLOAD_ONLY.viewableInline()).isFalse();
	}

	@Test
	void findsMarkupAcrossTheBlocksItReadsInAnyCase(@TempDir Path dir) throws IOException {
		byte[] padding = new byte[64 * 1024 - 3];
		java.util.Arrays.fill(padding, (byte) 'a');
		Path straddling = Files.write(dir.resolve("straddling"), concat(padding, utf8("<ScRiPt src=x>")));
		Path clean = Files.write(dir.resolve("clean"), concat(padding, concat(padding, utf8("<?xml version=\"1.0\"?><x:xmpmeta/>"))));
		assertThat(DocumentTypePolicy.containsMarkup(straddling)).isTrue();
		assertThat(DocumentTypePolicy.containsMarkup(clean)).isFalse();
	}

	/** Raw deflate (RFC 1951, no zlib header), as PS3.5 section A.5 asks, of {@code chunk} repeated {@code times} times. */
	private static byte[] deflated(byte[] chunk, int times) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
		try (java.util.zip.DeflaterOutputStream deflating = new java.util.zip.DeflaterOutputStream(out, deflater)) {
			for (int i = 0; i < times; i++) {
				deflating.write(chunk);
			}
		}
		finally {
			deflater.end();
		}
		return out.toByteArray();
	}

	@Test
	void refusesADeflatedDicomWrapping512MiBOfZeros() throws IOException {
		byte[] bomb = TestFiles.dicom(DicomHeader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, deflated(new byte[1024 * 1024], 512));
		assertThat(bomb.length).as("about half a megabyte on disk").isLessThan(1024 * 1024);
		assertRejected(bomb, "DICOM", "decompression bomb");
	}

	@Test
	void acceptsAnOrdinaryDeflatedDicomAndRefusesOneThatIsNotDeflateData() throws IOException {
		byte[] modality = { 8, 0, 0x60, 0, 'C', 'S', 2, 0, 'O', 'T' };
		assertThat(check(TestFiles.dicom(DicomHeader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, deflated(modality, 1)))).isEqualTo(DocumentType.DICOM);
		assertRejected(TestFiles.dicom(DicomHeader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, new byte[] { (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4 }),
				"DICOM", "not valid deflate data");
		byte[] cut = deflated(modality, 50);
		assertRejected(TestFiles.dicom(DicomHeader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, java.util.Arrays.copyOf(cut, cut.length / 2)), "DICOM",
				"cut off");
	}

	@Test
	void rejectsTextThatIsNotUtf8() {
		assertRejected(new byte[] { 'c', 'a', 'f', (byte) 0xE9, ' ', 'a', 'u', ' ', 'l', 'a', 'i', 't', '\n' }, "not valid UTF-8");
	}

	@Test
	void rejectsTextWithControlCharacters() {
		assertRejected(utf8("Befund: unauffällig\nline two \u0001 hidden\n"), "control character U+0001", "line 2");
	}

	@Test
	void rejectsJsonThatDoesNotParse() {
		assertRejected(utf8("{\"resourceType\": \"Patient\",\n \"id\": }"), "does not parse", "line 2");
	}

	@Test
	void rejectsAnEmptyFile() {
		assertRejected(new byte[0], "empty");
	}
}
