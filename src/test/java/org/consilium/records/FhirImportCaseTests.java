package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.PatientDetails;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/**
 * FHIR imports across the imports of one case, on a real PostgreSQL: shared resources found again by identifier, the
 * wrong-patient stop (facade, API and page) and the background import with its progress page.
 */
@ConsiliumIntegrationTest
class FhirImportCaseTests {

	static final Path SYNTHEA = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "fhir/synthea-smart-r4-2019");

	static final String HOSPITAL_ID = "ef58ea08-d883-3957-8300-150554edc8fb";

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
	void aSecondImportRefersToTheFirstImportsOrganizationAndPractitionerWithoutStoringThemTwice() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, about("Visit", "Vera", "1960-06-06"));
		FhirImportView hospitals = records.importFhirBundle(patient, new CaseId(caseId), "hospitals.json",
				Files.readAllBytes(SYNTHEA.resolve("hospitalInformation1559319163815.json")));
		FhirImportView practitioners = records.importFhirBundle(patient, new CaseId(caseId), "practitioners.json",
				Files.readAllBytes(SYNTHEA.resolve("practitionerInformation1559319163815.json")));
		assertThat(hospitals.sharedResourcesAdded()).isEqualTo(102);
		assertThat(practitioners.sharedResourcesAdded()).isEqualTo(102);
		long stored = sharedRows(caseId);

		FhirImportView visit = records.importFhirBundle(patient, new CaseId(caseId), "visit.json", visit(
				"Organization?identifier=https://github.com/synthetichealth/synthea|" + HOSPITAL_ID,
				"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|" + firstNpi()).getBytes(StandardCharsets.UTF_8));
		// the same resources in another Bundle (its own id): the very same Bundle would be refused as already imported
		FhirImportView again = records.importFhirBundle(patient, new CaseId(caseId), "hospitals-again.json",
				Files.readString(SYNTHEA.resolve("hospitalInformation1559319163815.json")).replaceFirst("\\{", "{\"id\":\"hospitals-again\",")
					.getBytes(StandardCharsets.UTF_8));

		assertThat(visit.sharedResourcesAdded()).as("the visit's own Patient").isEqualTo(1);
		assertThat(again.sharedResourcesAdded()).isZero();
		assertThat(again.sharedResourcesKnown()).isEqualTo(102);
		assertThat(sharedRows(caseId)).isEqualTo(stored + 1);
		assertThat(records.records(patient, new CaseId(caseId)).imports()).hasSize(4);
	}

	@Test
	void aConditionalReferenceThatNothingInTheCaseMatchesIsRejectedAndStoresNothing() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);

		assertThatThrownBy(() -> records.importFhirBundle(patient, new CaseId(caseId), "visit.json",
				visit("Organization?identifier=https://github.com/synthetichealth/synthea|" + HOSPITAL_ID, "Practitioner?identifier=0")
					.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Organization?identifier=https://github.com/synthetichealth/synthea|" + HOSPITAL_ID + "' matches no resource");
		assertThat(jdbc.sql("SELECT count(*) FROM records.fhir_import WHERE case_id = ?").param(caseId).query(Long.class).single()).isZero();
	}

	@Test
	void aBundleAboutAnotherPatientStopsUntilConfirmedAndTheConfirmationIsAudited() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = patient; // the one who confirms: on a draft, the patient
		UUID caseId = cases.draft(patient, about("Núñez", "María", "1980-02-03"));
		records.importFhirBundle(patient, new CaseId(caseId), "mine.json", person("Núñez", "María", "1980-02-03").getBytes(StandardCharsets.UTF_8));
		records.importFhirBundle(patient, new CaseId(caseId), "mine-again.json", person("Nunez", "Maria Elena", "1980-02-03").getBytes(StandardCharsets.UTF_8));

		WrongPatientException wrong = catchThrowableOfType(WrongPatientException.class, () -> records.importFhirBundle(coordinator, new CaseId(caseId),
				"other.json", person("Núñez", "María", "1980-02-04").getBytes(StandardCharsets.UTF_8)));

		assertThat(wrong.type()).isEqualTo("wrong-patient");
		assertThat(wrong.getMessage()).contains("María Núñez, born 1980-02-04").contains("María Núñez, born 1980-02-03");
		assertThat(imports(caseId)).isEqualTo(2);
		assertThat(audited(caseId, "records.fhir.import.wrong-patient", coordinator)).isEqualTo(1);

		FhirImportView confirmed = records.importFhirBundle(coordinator, new CaseId(caseId), "other.json",
				person("Núñez", "María", "1980-02-04").getBytes(StandardCharsets.UTF_8), true);

		assertThat(confirmed.patientMismatchConfirmed()).isTrue();
		assertThat(imports(caseId)).isEqualTo(3);
		assertThat(audited(caseId, "records.fhir.import.patient-mismatch-confirmed", coordinator)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT patient_mismatch_confirmed_by FROM records.fhir_import WHERE id = ?").param(confirmed.id()).query(UUID.class)
			.single()).isEqualTo(coordinator.id().value());
	}

	@Test
	void theApiAnswersWrongPatientAsAProblemAndImportsWhenConfirmed() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, about("Doe", "Jane", "1970-01-01"));
		records.importFhirBundle(patient, new CaseId(caseId), "mine.json", person("Doe", "Jane", "1970-01-01").getBytes(StandardCharsets.UTF_8));
		String other = person("Roe", "Richard", "1970-01-01");

		mvc.perform(post("/api/cases/{id}/fhir-imports", caseId).contentType(MediaType.APPLICATION_JSON).content(other).with(csrf())
			.with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("wrong-patient"))
			.andExpect(jsonPath("$.type").value("urn:consilium:problem:wrong-patient"));
		assertThat(imports(caseId)).isEqualTo(1);

		mvc.perform(post("/api/cases/{id}/fhir-imports", caseId).param("confirmPatientMismatch", "true").contentType(MediaType.APPLICATION_JSON)
			.content(other).with(csrf()).with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.patientMismatchConfirmed").value(true));
		assertThat(imports(caseId)).isEqualTo(2);
	}

	@Test
	void thePageImportsInTheBackgroundShowsProgressAndAsksBeforeImportingAnotherPatient() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, about("Doe", "Jane", "1970-01-01"));
		records.importFhirBundle(patient, new CaseId(caseId), "mine.json", person("Doe", "Jane", "1970-01-01").getBytes(StandardCharsets.UTF_8));

		String job = upload(patient, caseId, person("Roe", "Richard", "1971-01-01"));
		String page = poll(patient, caseId, job);

		assertThat(page).contains("Is this the right patient?", "Jane Doe", "1970-01-01", "Richard Roe", "1971-01-01")
			.doesNotContain("hx-trigger");
		assertThat(imports(caseId)).as("nothing stored before the confirmation").isEqualTo(1);

		mvc.perform(post("/cases/{id}/fhir-imports/jobs/{job}/confirm", caseId, job).with(csrf())
			.with(authentication(TestAccounts.authentication(patient)))).andExpect(status().is3xxRedirection());

		assertThat(poll(patient, caseId, job)).contains("Imported 2 entries from other.json");
		assertThat(imports(caseId)).isEqualTo(2);
		assertThat(audited(caseId, "records.fhir.import.patient-mismatch-confirmed", patient)).isEqualTo(1);
	}

	@Test
	void anImportsProgressIsVisibleOnlyUnderItsOwnCase() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, about("Doe", "Jane", "1970-01-01"));
		UUID otherCase = cases.draft(patient);
		String job = upload(patient, caseId, person("Doe", "Jane", "1970-01-01"));

		assertThat(poll(patient, caseId, job)).contains("Imported 2 entries");
		assertThatThrownBy(() -> records.records(accounts.create(Role.PATIENT), new CaseId(caseId))).isInstanceOf(NotFoundException.class);
		mvc.perform(get("/cases/{id}/fhir-imports/jobs/{job}", otherCase, job).with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aRejectedBackgroundImportShowsItsReasons() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);

		String job = upload(patient, caseId, "{\"resourceType\":\"Bundle\",\"type\":\"message\"}");

		assertThat(poll(patient, caseId, job)).contains("Not imported", "a Bundle of type &#39;message&#39; is not a patient record");
		assertThat(imports(caseId)).isZero();
	}

	@Test
	void theProgressPageIsAuditedOncePerPersonHoweverOftenItPolls() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, about("Doe", "Jane", "1970-01-01"));
		String job = upload(patient, caseId, person("Doe", "Jane", "1970-01-01"));

		poll(patient, caseId, job);
		poll(patient, caseId, job);
		poll(patient, caseId, job);

		assertThat(audited(caseId, "records.fhir.import.status", patient)).isEqualTo(1);
	}

	private String upload(Actor actor, UUID caseId, String json) throws Exception {
		MvcResult result = mvc.perform(multipart("/cases/{id}/fhir-imports", caseId)
			.file(new org.springframework.mock.web.MockMultipartFile("bundle", "other.json", "application/fhir+json",
					json.getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).with(authentication(TestAccounts.authentication(actor)))).andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/cases/" + caseId + "/fhir-imports/jobs/");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** Polls the progress panel as htmx does until the import stops running; returns the last panel. */
	private String poll(Actor actor, UUID caseId, String job) throws Exception {
		for (int i = 0; i < 600; i++) {
			String panel = mvc.perform(get("/cases/{id}/fhir-imports/jobs/{job}", caseId, job).header("HX-Request", "true")
				.with(authentication(TestAccounts.authentication(actor)))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			assertThat(panel).contains("id=\"import-progress\"").doesNotContain("<html");
			if (!panel.contains("hx-trigger=\"every 1s\"")) {
				return panel;
			}
			assertThat(panel).contains("entries validated");
			Thread.sleep(200);
		}
		throw new AssertionError("the import did not finish");
	}

	private long imports(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM records.fhir_import WHERE case_id = ?").param(caseId).query(Long.class).single();
	}

	private long sharedRows(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM records.fhir_identified_resource WHERE case_id = ?").param(caseId).query(Long.class).single();
	}

	private long audited(UUID caseId, String action, Actor actor) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = ? AND actor_id = ?")
			.params(caseId, action, actor.id().value()).query(Long.class).single();
	}

	private static String firstNpi() throws Exception {
		String text = Files.readString(SYNTHEA.resolve("practitionerInformation1559319163815.json"));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"system\": \"http://hl7.org/fhir/sid/us-npi\",\\s*\"value\": \"([^\"]+)\"")
			.matcher(text);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	/** A transaction: a Patient and an Encounter whose service provider and participant are conditional references. */
	private static String visit(String organization, String practitioner) {
		return """
				{"resourceType":"Bundle","type":"transaction","entry":[
				{"fullUrl":"urn:uuid:cccccccc-0000-4000-8000-000000000001","resource":{"resourceType":"Patient","id":"cccccccc-0000-4000-8000-000000000001",
				"identifier":[{"system":"http://example.org/mrn","value":"m-1"}],"name":[{"family":"Visit","given":["Vera"]}],"birthDate":"1960-06-06"},
				"request":{"method":"POST","url":"Patient"}},
				{"fullUrl":"urn:uuid:cccccccc-0000-4000-8000-000000000002","resource":{"resourceType":"Encounter","status":"finished",
				"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
				"subject":{"reference":"urn:uuid:cccccccc-0000-4000-8000-000000000001"},
				"participant":[{"individual":{"reference":"%s"}}],
				"serviceProvider":{"reference":"%s"}},"request":{"method":"POST","url":"Encounter"}}]}
				""".formatted(practitioner, organization);
	}

	@Test
	void theSameBundleImportedAgainIsRecognisedAndNotStoredTwiceEvenReformatted() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, about("Weber", "Anna", "1975-05-05"));
		String bundle = person("Weber", "Anna", "1975-05-05");
		records.importFhirBundle(patient, new CaseId(caseId), "anna.json", bundle.getBytes(StandardCharsets.UTF_8));
		long summaryRows = jdbc.sql("SELECT count(*) FROM records.summary_entry WHERE case_id = ?").param(caseId).query(Long.class).single();
		assertThat(summaryRows).isPositive();

		String pretty = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
			.writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(bundle));
		String reordered = bundle.replace("\"name\":[{\"use\":\"official\",\"family\":\"Weber\",\"given\":[\"Anna\"]}],\"birthDate\":\"1975-05-05\"",
				"\"birthDate\":\"1975-05-05\",\"name\":[{\"given\":[\"Anna\"],\"family\":\"Weber\",\"use\":\"official\"}]");
		assertThat(reordered).isNotEqualTo(bundle);
		for (String same : java.util.List.of(bundle, pretty, reordered)) {
			AlreadyImportedException again = catchThrowableOfType(AlreadyImportedException.class,
					() -> records.importFhirBundle(patient, new CaseId(caseId), "anna-again.json", same.getBytes(StandardCharsets.UTF_8)));
			assertThat(again.type()).isEqualTo("already-imported");
			assertThat(again.getMessage()).startsWith("This FHIR Bundle is already in the records of this case (imported on ");
		}
		assertThat(imports(caseId)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM records.summary_entry WHERE case_id = ?").param(caseId).query(Long.class).single())
			.isEqualTo(summaryRows);

		MvcResult api = mvc.perform(post("/api/cases/{id}/fhir-imports", caseId).contentType("application/fhir+json").content(bundle)
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(409);
		assertThat(api.getResponse().getContentAsString()).contains("\"code\":\"already-imported\"");
		assertThat(imports(caseId)).isEqualTo(1);
	}

	/** The case's patient details as intake records them, without a sex. */
	static PatientDetails about(String family, String given, String birthDate) {
		return new PatientDetails(family, given, LocalDate.parse(birthDate), null);
	}

	/** A collection about one patient: the Patient and a body weight. */
	static String person(String family, String given, String birthDate) {
		return """
				{"resourceType":"Bundle","type":"collection","entry":[
				{"fullUrl":"urn:uuid:dddddddd-0000-4000-8000-000000000001","resource":{"resourceType":"Patient","id":"dddddddd-0000-4000-8000-000000000001",
				"name":[{"use":"official","family":"%s","given":["%s"]}],"birthDate":"%s"}},
				{"fullUrl":"urn:uuid:dddddddd-0000-4000-8000-000000000002","resource":{"resourceType":"Observation","status":"final",
				"code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body weight"}]},
				"subject":{"reference":"urn:uuid:dddddddd-0000-4000-8000-000000000001"},"effectiveDateTime":"2024-03-01T09:00:00+01:00",
				"valueQuantity":{"value":72.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}}]}
				""".formatted(family, given.replace(" ", "\",\""), birthDate);
	}
}
