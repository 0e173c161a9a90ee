package org.consilium.records;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.TestDocuments;
import org.consilium.identity.Actor;
import org.consilium.identity.Role;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	JdbcClient jdbc;

	private UUID newCase(Actor patient) {
		return intake.createDraft(patient, null, UUID.randomUUID(),
				new DraftContent("r", "d", null, "", "", "", "", null, "", List.of("q?"), Urgency.ROUTINE, true)).id();
	}

	@Test
	void aSyntheaBundleBecomesTheCaseSummaryWithEveryRowLinkedToItsSource() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		byte[] bundle = Files.readAllBytes(DATA.resolve("fhir/synthea-smart-r4-2019/Alberto_Atencio_fc712d1f-5a2e-4407-9c55-a2a2bad623c2.json"));
		FhirImportView imported = records.importFhirBundle(patient, caseId, "alberto.json", bundle);
		String json = new String(bundle, StandardCharsets.UTF_8);
		CaseRecordsView view = records.records(patient, caseId);
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
		UUID caseId = newCase(patient);
		byte[] bad = Files.readAllBytes(DATA.resolve("fhir-invalid/resources/bad-json-close-3.json"));
		assertThatThrownBy(() -> records.importFhirBundle(patient, caseId, "bad.json", bad)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("line");
		assertThat(jdbc.sql("SELECT count(*) FROM records.fhir_import WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM records.summary_entry WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
	}

	@Test
	void aPdfIsStoredWithItsChecksumAndReadBackByteForByte() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		byte[] pdf = TestDocuments.pdf();
		DocumentView doc = records.uploadDocument(patient, caseId, "Ärztebrief_Núñez\u202Egnp.pdf", new ByteArrayInputStream(pdf));
		assertThat(doc.mediaType()).isEqualTo("application/pdf");
		assertThat(doc.fileName()).as("bidirectional override stripped, letters kept").isEqualTo("Ärztebrief_Núñezgnp.pdf");
		assertThat(doc.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
		try (InputStream in = records.openDocument(patient, caseId, doc.id()).content()) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void htmlDisguisedAsAPdfIsRejectedWithAClearMessage() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> records.uploadDocument(patient, caseId, "report.pdf", new ByteArrayInputStream(html)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("HTML page").hasMessageContaining("text/html");
		assertThat(jdbc.sql("SELECT count(*) FROM records.document WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
	}

	private static int count(String json, String type) {
		return json.split("\"resourceType\"\\s*:\\s*\"" + type + "\"", -1).length - 1;
	}
}
