package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.PatientDetails;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * Issue #11, "the right patient": every FHIR import, the first included, is compared with the patient's details the case
 * holds; a case without them takes the first import's only once someone confirms it; the case's pages name the patient.
 */
@ConsiliumIntegrationTest
class RightPatientTests {

	@Autowired
	RecordsManagement records;

	@Autowired
	CaseQueries queries;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	static final PatientDetails MARIA = new PatientDetails("Núñez", "María", LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE);

	@Test
	void theFirstImportAboutAnotherPatientStopsForConfirmationAndStoresNothing() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, MARIA);
		WrongPatientException wrong = catchThrowableOfType(WrongPatientException.class, () -> records.importFhirBundle(patient, new CaseId(caseId),
				"stranger.json", bytes(FhirImportCaseTests.person("Roe", "Richard", "1980-02-03"))));
		assertThat(wrong).isNotNull();
		assertThat(wrong.getMessage()).contains("Richard Roe", "María Núñez");
		assertThat(imports(caseId)).isZero();
		assertThat(audited(caseId, "records.fhir.import.wrong-patient")).isEqualTo(1);
	}

	@Test
	void theFirstImportAboutTheRecordedPatientImportsWithoutCaseOrAccents() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, MARIA);
		records.importFhirBundle(patient, new CaseId(caseId), "mine.json", bytes(FhirImportCaseTests.person("NUNEZ", "Maria", "1980-02-03")));
		assertThat(imports(caseId)).isEqualTo(1);
		assertThat(audited(caseId, "records.fhir.import.wrong-patient")).isZero();
	}

	@Test
	void anotherBirthDateOrSexThanTheRecordedOneStops() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, MARIA);
		assertThat(catchThrowableOfType(WrongPatientException.class, () -> records.importFhirBundle(patient, new CaseId(caseId), "a.json",
				bytes(FhirImportCaseTests.person("Núñez", "María", "1980-02-04"))))).isNotNull();
		String male = FhirImportCaseTests.person("Núñez", "María", "1980-02-03").replace("\"birthDate\"", "\"gender\":\"male\",\"birthDate\"");
		assertThat(catchThrowableOfType(WrongPatientException.class, () -> records.importFhirBundle(patient, new CaseId(caseId), "b.json",
				bytes(male)))).isNotNull();
		assertThat(imports(caseId)).isZero();
	}

	@Test
	void aCaseWithoutDetailsTakesTheFirstImportsOnlyOnceConfirmed() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		assertThat(queries.read(patient, new CaseId(caseId), AuditAction.CASE_READ).patient().recorded()).isFalse();
		byte[] maria = bytes(FhirImportCaseTests.person("Núñez", "María", "1980-02-03"));

		WrongPatientException ask = catchThrowableOfType(WrongPatientException.class,
				() -> records.importFhirBundle(patient, new CaseId(caseId), "mine.json", maria));
		assertThat(ask).isNotNull();
		assertThat(ask.onFile()).isNull();
		assertThat(ask.getMessage()).contains("no patient details recorded");
		assertThat(queries.read(patient, new CaseId(caseId), AuditAction.CASE_READ).patient().recorded()).isFalse();

		assertThat(page(patient, "/cases/{id}", caseId)).contains("Patient details: <strong>not recorded</strong>");
		assertThat(page(patient, "/cases/{id}/records", caseId)).contains("Patient details: <strong>not recorded</strong>");

		records.importFhirBundle(patient, new CaseId(caseId), "mine.json", maria, true);
		assertThat(page(patient, "/cases/{id}", caseId)).contains("Patient: <strong>María Núñez, born 3 February 1980, sex not recorded</strong>")
			.doesNotContain("Patient details: <strong>not recorded");
		assertThat(queries.read(patient, new CaseId(caseId), AuditAction.CASE_READ).patient())
			.isEqualTo(new PatientDetails("Núñez", "María", LocalDate.of(1980, 2, 3), null));
		assertThat(audited(caseId, "records.fhir.import.patient-details-taken")).isEqualTo(1);

		// from now on imports are compared with the details taken
		assertThat(catchThrowableOfType(WrongPatientException.class, () -> records.importFhirBundle(patient, new CaseId(caseId), "roe.json",
				bytes(FhirImportCaseTests.person("Roe", "Richard", "1980-02-03"))))).isNotNull();
	}

	@Test
	void theCasePageAndTheRecordsPageNameThePatientInAHeader() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, MARIA);
		assertThat(page(patient, "/cases/{id}", caseId))
			.contains("<section class=\"patient-header\" aria-labelledby=\"patient-header-h\" id=\"patient-header\">")
			.contains("Patient: <strong>María Núñez, born 3 February 1980, female</strong>");
		assertThat(page(patient, "/cases/{id}/records", caseId)).contains("Patient: <strong>María Núñez, born 3 February 1980, female</strong>");
	}

	private String page(Actor actor, String path, UUID caseId) throws Exception {
		return mvc.perform(get(path, caseId).with(authentication(TestAccounts.authentication(actor)))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private long imports(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM records.fhir_import WHERE case_id = ?").param(caseId).query(Long.class).single();
	}

	private long audited(UUID caseId, String action) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = ?").params(caseId, action).query(Long.class).single();
	}
}
