package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/**
 * The first diagnosis is found, not typed: a code is checked against its system's form and, for ICD-10-CM, the installed
 * list (the test fixture {@code icd10cm/icd10cm-order-fixture.txt}); a refused code saves nothing. On a real PostgreSQL.
 */
@ConsiliumIntegrationTest
class DiagnosisCodeTests {

	@Autowired
	IntakeManagement intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void notACodeIsRefusedWithAFieldProblemAndNothingIsSaved() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		int version = version(caseId);
		MockHttpServletResponse answer = mvc.perform(put("/api/cases/{id}/draft", caseId).with(csrf()).with(authentication(TestAccounts.authentication(patient)))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"expectedVersion": %d, "content": {"reason": "changed", "firstDiagnosisText": "Breast cancer",
					 "firstDiagnosisSystem": "ICD_10_CM", "firstDiagnosisCode": "NOTACODE", "questions": ["q?"], "consentToShare": true}}"""
				.formatted(version)))
			.andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(422);
		assertThat(answer.getContentAsString()).contains("\"code\":\"invalid-input\"", "\"field\":\"firstDiagnosisCode\"",
				"NOTACODE", "is not an ICD-10-CM code");
		assertThat(version(caseId)).as("nothing saved").isEqualTo(version);
		assertThat(jdbc.sql("SELECT reason || '|' || first_diagnosis_code FROM intake.opinion_request WHERE id = ?").param(caseId).query(String.class).single())
			.isEqualTo("r|");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'case.update' AND outcome = 'FAILED'").param(caseId)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void eachSystemsFormAndTheInstalledIcd10CmListDecide() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		assertThatThrownBy(() -> save(patient, caseId, CodeSystem.SNOMED_CT, "254837008")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Verhoeff check digit").extracting(e -> ((InvalidInputException) e).field()).isEqualTo("firstDiagnosisCode");
		assertThatThrownBy(() -> save(patient, caseId, CodeSystem.OMIM, "15470")).isInstanceOf(InvalidInputException.class).hasMessageContaining("6 digits");
		assertThatThrownBy(() -> save(patient, caseId, CodeSystem.ORPHA, "OMIM:558")).as("another system's prefix").isInstanceOf(InvalidInputException.class);
		assertThat(save(patient, caseId, CodeSystem.ORPHA, "orpha:558").firstDiagnosisCode()).as("the system's own prefix is dropped").isEqualTo("558");
		assertThatThrownBy(() -> save(patient, caseId, CodeSystem.MONDO, "7947")).isInstanceOf(InvalidInputException.class).hasMessageContaining("7 digits");
		assertThatThrownBy(() -> save(patient, caseId, CodeSystem.ICD_10_CM, "C50.99")).as("well formed, not on the installed list")
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("not on the installed ICD-10-CM code list");
		assertThatThrownBy(() -> save(patient, caseId, null, "C50.919")).isInstanceOf(InvalidInputException.class).hasMessageContaining("code system");
		assertThat(save(patient, caseId, CodeSystem.ICD_10_CM, "c50.919").firstDiagnosisCode()).isEqualTo("C50.919");
		assertThat(save(patient, caseId, CodeSystem.SNOMED_CT, "254837009").firstDiagnosisCode()).as("no SNOMED CT list installed: the form decides")
			.isEqualTo("254837009");
		assertThat(save(patient, caseId, null, "").firstDiagnosisCode()).as("plain words, coded at triage").isEmpty();
	}

	@Test
	void theDraftPageShowsTheMessageBesideTheCodeAndKeepsWhatWasTyped() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		String page = mvc.perform(post("/cases/{id}/draft", caseId).with(csrf()).with(authentication(TestAccounts.authentication(patient)))
			.param("expectedVersion", String.valueOf(version(caseId))).param("reason", "r").param("firstDiagnosisText", "Breast cancer")
			.param("firstDiagnosisSystem", "ICD_10_CM").param("firstDiagnosisCode", "NOTACODE")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"firstDiagnosisCode-error\"", "aria-describedby=\"firstDiagnosisCode-error\"", "value=\"NOTACODE\"",
				"role=\"listbox\"");
	}

	@Test
	void theSearchAnswersOptionsForTheComboboxAndAPageWithoutJavaScript() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		String options = mvc.perform(get("/diagnoses/search").param("q", "Marfan syndrome type 1").header("X-Requested-With", "fetch")
			.with(authentication(TestAccounts.authentication(patient)))).andReturn().getResponse().getContentAsString();
		assertThat(options).contains("role=\"option\"", "data-system=\"MONDO\"", "data-code=\"0007947\"", "also called Marfan syndrome type 1")
			.doesNotContain("<html");
		String page = mvc.perform(get("/diagnoses/search").param("q", "unspecified female breast").with(authentication(TestAccounts.authentication(patient))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<h1>Find a diagnosis code</h1>", "C50.919", "ICD-10-CM");
	}

	private OpinionRequestView save(Actor patient, UUID caseId, CodeSystem system, String code) {
		return intake.updateDraft(patient, new CaseId(caseId), version(caseId), new DraftContent("r", "Breast cancer", system, code, "", "", "", null, "",
				List.of("q?"), Urgency.ROUTINE, true, null));
	}

	private int version(UUID caseId) {
		return jdbc.sql("SELECT version FROM intake.opinion_request WHERE id = ?").param(caseId).query(Integer.class).single();
	}
}
