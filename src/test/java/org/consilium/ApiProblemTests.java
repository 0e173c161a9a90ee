package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.identity.TestAccounts;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/** Every answer of the JSON API is either the resource or an RFC 9457 problem detail that says what is wrong. */
@ConsiliumIntegrationTest
class ApiProblemTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Test
	void withoutSignInTheApiAnswers401AsAProblem() throws Exception {
		MvcResult result = mvc.perform(get("/api/cases")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"unauthenticated\"", "X-CSRF-TOKEN");
	}

	@Test
	void aChangeWithoutTheCsrfTokenAnswers403AsAProblem() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{}")
			.with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
	}

	@Test
	void aDraftWithoutTheConsentFieldIsADraftWithoutConsent() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{\"content\":{\"reason\":\"Second look\"}}")
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		assertThat(result.getResponse().getContentAsString()).contains("\"reason\":\"Second look\"", "\"consentToShare\":false");
	}

	@Test
	void anUnknownPropertyIsRefusedByName() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"misplaced\"}")
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"unreadable-body\"", "reason");
	}

	@Test
	void everyFaultOfABodyIsListedAtOnceAndNothingIsStored() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		String body = """
				{"requestToken":"not-an-id","colour":"blue","content":{"reason":"r","urgency":"SOONISH","firstOpinionDate":"yesterday","mood":1}}""";
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body)
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"unreadable-body\"",
				"The field 'requestToken' has the wrong form (line 1, column", "an identifier in double quotes belongs there",
				"Unknown field 'colour'", "The field 'content.urgency' has the wrong form", "one of ",
				"The field 'content.firstOpinionDate' has the wrong form", "a date or time in double quotes",
				"Unknown field 'content.mood'")
			.doesNotContain("org.consilium", "java.", "`");
		MvcResult list = mvc.perform(get("/api/cases").with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(list.getResponse().getContentAsString()).isEqualTo("[]");
	}

	@Test
	void aBodyOfTheWrongShapeOrWithAnUnknownFieldIsToldSoWithoutJavaTypeNames() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		for (String body : List.of("[]", "{\"reason\":\"x\",\"foo\":1}", "{\"reason\":")) {
			MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
			assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
			assertThat(result.getResponse().getContentAsString()).as(body).contains("\"code\":\"unreadable-body\"")
				.doesNotContain("org.consilium", "java.", "$", "`");
		}
	}

	@Test
	void aRequestWithoutBodyIsToldSoWithoutJavaSignatures() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"unreadable-body\"",
				"\"detail\":\"The request has no body; send a JSON object.\"").doesNotContain("java.", "public ", "org.consilium");
	}

	@Test
	void aMalformedCaseIdIsNotFoundOnPagesAndApi() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult page = mvc.perform(get("/cases/not-a-uuid").accept(MediaType.TEXT_HTML)
			.with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(404);
		assertThat(page.getResponse().getContentType()).startsWith("text/html");
		MvcResult api = mvc.perform(get("/api/cases/not-a-uuid").with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(404);
		assertThat(api.getResponse().getContentAsString()).contains("\"code\":\"not-found\"");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
			{"content":{"reason":"x",}}                     | The JSON is not well-formed (line 1, column 26): unexpected character '}'.
			{"content":{"reason":"x" "questions":[]}}        | The JSON is not well-formed (line 1, column 26): unexpected character '"' where a comma belongs.
			{"content":{"reason":                           | The JSON ends too early (line 1, column 22): a value, a closing } or ] or a closing quote is missing.
			{"content":{"reason":yes}}                      | The JSON is not well-formed (line 1, column 22): a word that is not a JSON value (text needs double quotes).
			{"content":{"questions":"one"}}                 | The field 'content.questions' has the wrong form (line 1, column 25): a list [ ... ] belongs there.
			{"requestToken":"abc"}                          | The field 'requestToken' has the wrong form (line 1, column 17): an identifier in double quotes belongs there.
			{"content":{"reason":"x","colour":"red"}}        | Unknown field 'content.colour' (line 1, column 40).
			""")
	void aJsonFaultIsToldInOurWordsWithItsPlace(String body, String expected) throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body.strip())
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.getResponse().getContentAsString()).path("detail").asText())
			.as(body).isEqualTo("The request body could not be read. " + expected);
		assertThat(result.getResponse().getContentAsString()).as(body).contains("\"code\":\"unreadable-body\"")
			.doesNotContain("Source", "REDACTED", "StreamReadFeature", "java.", "org.consilium", "`", "(code ");
	}

	@Test
	void aBodyThatIsNotMultipartToAnUploadAnswers415() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		java.util.UUID caseId = cases.draft(patient);
		for (String type : List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE)) {
			MvcResult result = mvc.perform(post("/api/cases/{id}/documents", caseId).contentType(type).content("{\"file\":\"x\"}")
				.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
			assertThat(result.getResponse().getStatus()).as(type).isEqualTo(415);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"unsupported-media-type\"",
					"send multipart/form-data (a form with the file in the field 'file')");
		}
		MvcResult page = mvc.perform(post("/cases/{id}/documents", caseId).contentType(MediaType.APPLICATION_JSON).content("{}")
			.accept(MediaType.TEXT_HTML).with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(415);
		assertThat(page.getResponse().getContentAsString()).contains("multipart/form-data");
	}
}
