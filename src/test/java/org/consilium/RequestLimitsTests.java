package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.identity.TestAccounts;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/** Request bodies keep to their limits (issue #11, failure 6): 1 MB for JSON, the FHIR import its own. */
@ConsiliumIntegrationTest
class RequestLimitsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	CaseQueries queries;

	/** A JSON object of exactly {@code size} bytes: a reason padded with spaces. */
	private static byte[] jsonOf(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		byte[] start = "{\"content\":{\"reason\":\"Second look\"}}".getBytes();
		System.arraycopy(start, 0, body, 0, start.length);
		return body;
	}

	@Test
	void aJsonBodyOverOneMegabyteIsRefusedWith413AndCreatesNothing() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult tooLarge = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(jsonOf(1024 * 1024 + 1))
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(tooLarge.getResponse().getStatus()).isEqualTo(413);
		assertThat(tooLarge.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(tooLarge.getResponse().getContentAsString()).contains("\"code\":\"payload-too-large\"", "1 MB");
		assertThat(queries.myCases(patient)).isEmpty();

		MvcResult justFits = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(jsonOf(1024 * 1024))
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(justFits.getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void theFhirImportTakesMoreThanOneMegabyteButNotMoreThanItsOwnLimit() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		MvcResult large = mvc.perform(post("/api/cases/{id}/fhir-imports", caseId).contentType("application/fhir+json")
			.content(new byte[2 * 1024 * 1024]).with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(large.getResponse().getStatus()).isNotEqualTo(413).isBetween(400, 499);
		MvcResult tooLarge = mvc.perform(post("/api/cases/{id}/fhir-imports", caseId).contentType("application/fhir+json")
			.content(new byte[25 * 1024 * 1024 + 1]).with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(tooLarge.getResponse().getStatus()).isEqualTo(413);
		assertThat(tooLarge.getResponse().getContentAsString()).contains("\"code\":\"payload-too-large\"", "25 MB");
	}

	@Test
	void aFormOverOneMegabyteIsRefusedWith413OnThePageAndCreatesNothing() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		String form = "requestToken=" + UUID.randomUUID() + "&reason=" + "x".repeat(1024 * 1024);
		MvcResult tooLarge = mvc.perform(post("/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form)
			.accept(MediaType.TEXT_HTML).with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(tooLarge.getResponse().getStatus()).isEqualTo(413);
		assertThat(queries.myCases(patient)).isEmpty();
	}
}
