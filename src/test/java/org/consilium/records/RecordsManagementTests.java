package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.TestDocuments;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/** Documents and FHIR imports stored on a real PostgreSQL through the records facade. */
@ConsiliumIntegrationTest
class RecordsManagementTests {

	static final Path DATA = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));

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

	@Autowired
	MockMvc mvc;


	@Test
	void aSyntheaBundleBecomesTheCaseSummaryWithEveryRowLinkedToItsSource() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, new org.consilium.intake.PatientDetails("Atencio", "Alberto", java.time.LocalDate.of(1993, 6, 7),
				org.consilium.intake.AdministrativeSex.MALE));
		byte[] bundle = Files.readAllBytes(DATA.resolve("fhir/synthea-smart-r4-2019/Alberto_Atencio_fc712d1f-5a2e-4407-9c55-a2a2bad623c2.json"));
		FhirImportView imported = records.importFhirBundle(patient, new CaseId(caseId), "alberto.json", bundle);
		String json = new String(bundle, StandardCharsets.UTF_8);
		CaseRecordsView view = records.records(patient, new CaseId(caseId));
		assertThat(view.summary().conditions()).hasSize(count(json, "Condition"));
		assertThat(view.summary().procedures()).hasSize(count(json, "Procedure"));
		assertThat(view.summary().allergies()).hasSize(count(json, "AllergyIntolerance"));
		assertThat(view.summary().medications()).hasSize(count(json, "MedicationRequest") + count(json, "MedicationStatement"));
		assertThat(view.summary().conditions()).allSatisfy(c -> assertThat(c.sourceEntry()).startsWith("urn:uuid:"));
		assertThat(imported.bundleType()).isEqualTo("transaction");
	}

	@Test
	void aRejectedBundleStoresNothingAndSaysWhy() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		byte[] bad = Files.readAllBytes(DATA.resolve("fhir-invalid/resources/bad-json-close-3.json"));
		assertThatThrownBy(() -> records.importFhirBundle(patient, new CaseId(caseId), "bad.json", bad)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("line");
		assertThat(jdbc.sql("SELECT count(*) FROM records.fhir_import WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM records.summary_entry WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
	}

	@Test
	void aPdfIsStoredWithItsChecksumAndReadBackByteForByte() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		byte[] pdf = TestDocuments.pdf();
		DocumentView doc = records.uploadDocument(patient, new CaseId(caseId), "Ärztebrief_Núñez\u202Egnp.pdf", new ByteArrayInputStream(pdf));
		assertThat(doc.mediaType()).isEqualTo("application/pdf");
		assertThat(doc.fileName()).as("bidirectional override stripped, letters kept").isEqualTo("Ärztebrief_Núñezgnp.pdf");
		assertThat(doc.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
		try (InputStream in = records.openDocument(patient, new CaseId(caseId), doc.id()).content()) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void htmlDisguisedAsAPdfIsRejectedWithAClearMessage() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> records.uploadDocument(patient, new CaseId(caseId), "report.pdf", new ByteArrayInputStream(html)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("HTML page").hasMessageContaining("text/html");
		assertThat(jdbc.sql("SELECT count(*) FROM records.document WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
	}

	@Test
	void aPdfCarryingHtmlAndScriptAfterItsHeadIsServedOnlyAsAnAttachment() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		var auth = authentication(TestAccounts.authentication(patient));
		byte[] polyglot = TestFiles.pdfWithHtmlAfterItsHead();
		DocumentView pdf = records.uploadDocument(patient, new CaseId(caseId), "report.pdf", new ByteArrayInputStream(polyglot));
		assertThat(pdf.type()).isEqualTo(DocumentType.PDF_DOWNLOAD_ONLY);
		assertThat(pdf.viewableInline()).isFalse();
		var response = mvc.perform(get("/cases/{id}/documents/{d}", caseId, pdf.id()).with(auth)).andReturn().getResponse();
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getContentAsByteArray()).isEqualTo(polyglot);
	}

	@Test
	void downloadsCarryTheUtf8NameNosniffAndOpenInlineOnlyForPdfAndImages() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		var auth = authentication(TestAccounts.authentication(patient));
		byte[] pdfBytes = TestFiles.pdf();
		DocumentView pdf = records.uploadDocument(patient, new CaseId(caseId), "Ärztebrief_Núñez.pdf", new ByteArrayInputStream(pdfBytes));
		DocumentView tiff = records.uploadDocument(patient, new CaseId(caseId), "scan.tiff", new ByteArrayInputStream(TestFiles.image("tiff")));
		DocumentView text = records.uploadDocument(patient, new CaseId(caseId), "notes\u202Etxt.html", new ByteArrayInputStream(TestFiles.utf8("Fragen\n")));

		var inline = mvc.perform(get("/cases/{id}/documents/{d}", caseId, pdf.id()).with(auth)).andReturn().getResponse();
		assertThat(inline.getHeader("Content-Disposition")).startsWith("inline;")
			.contains("filename*=UTF-8''%C3%84rztebrief_N%C3%BA%C3%B1ez.pdf");
		assertThat(inline.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(inline.getContentType()).isEqualTo("application/pdf");
		assertThat(inline.getContentAsByteArray()).isEqualTo(pdfBytes);
		assertThat(mvc.perform(get("/cases/{id}/documents/{d}", caseId, pdf.id()).param("download", "true").with(auth)).andReturn().getResponse()
			.getHeader("Content-Disposition")).startsWith("attachment;");

		var tiffResponse = mvc.perform(get("/cases/{id}/documents/{d}", caseId, tiff.id()).with(auth)).andReturn().getResponse();
		assertThat(tiff.type()).isEqualTo(DocumentType.TIFF);
		assertThat(tiffResponse.getHeader("Content-Disposition")).as("browsers do not show TIFF").startsWith("attachment;");

		var textResponse = mvc.perform(get("/cases/{id}/documents/{d}", caseId, text.id()).with(auth)).andReturn().getResponse();
		assertThat(text.fileName()).isEqualTo("notestxt.html");
		assertThat(textResponse.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(textResponse.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(textResponse.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void anArchiveIsOneRecordWhoseEntriesAreListedAndEachDownloadable() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		files.put("Befunde/Arztbrief.pdf", TestFiles.pdf());
		files.put("Befunde/CT.dcm", TestFiles.dicom());
		files.put("phenopacket.json", TestFiles.utf8("{\"id\": \"p1\", \"subject\": {\"id\": \"s\"}, \"metaData\": {}}"));
		DocumentView zip = records.uploadDocument(patient, new CaseId(caseId), "records.zip", new ByteArrayInputStream(TestFiles.zip(files)));
		assertThat(zip.type()).isEqualTo(DocumentType.ZIP);
		assertThat(zip.entries()).extracting(ArchiveEntryView::path, ArchiveEntryView::type, ArchiveEntryView::sizeBytes).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Befunde/Arztbrief.pdf", DocumentType.PDF, (long) TestFiles.pdf().length),
				org.assertj.core.groups.Tuple.tuple("Befunde/CT.dcm", DocumentType.DICOM, (long) TestFiles.dicom().length),
				org.assertj.core.groups.Tuple.tuple("phenopacket.json", DocumentType.PHENOPACKET_JSON, (long) files.get("phenopacket.json").length));
		assertThat(records.records(patient, new CaseId(caseId)).documents()).singleElement().satisfies(d -> assertThat(d.entries()).hasSize(3));

		var auth = authentication(TestAccounts.authentication(patient));
		ArchiveEntryView dicom = zip.entries().get(1);
		var response = mvc.perform(get("/cases/{id}/documents/{d}/entries/{e}", caseId, zip.id(), dicom.id()).with(auth)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;").contains("CT.dcm");
		assertThat(response.getContentType()).isEqualTo("application/dicom");
		assertThat(response.getContentAsByteArray()).isEqualTo(TestFiles.dicom());
		String page = mvc.perform(get("/cases/{id}/records", caseId).with(auth)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Befunde/CT.dcm").contains("/entries/" + dicom.id());
	}

	@Test
	void aRejectedArchiveStoresNothingAndNamesTheEntry() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		byte[] zip = TestFiles.zip(java.util.Map.of("../../evil.txt", TestFiles.utf8("x")));
		assertThatThrownBy(() -> records.uploadDocument(patient, new CaseId(caseId), "a.zip", new ByteArrayInputStream(zip)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("'..'");
		assertThat(jdbc.sql("SELECT count(*) FROM records.document WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM records.archive_entry WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
	}

	private static int count(String json, String type) {
		return json.split("\"resourceType\"\\s*:\\s*\"" + type + "\"", -1).length - 1;
	}
}
