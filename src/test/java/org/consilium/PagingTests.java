package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * Paged lists answer a page they do not have with 422 and a clear message, never 500 (issue #11, failure 11:
 * {@code ?page=2147483647} overflowed into a negative SQL OFFSET). The first page always answers.
 */
@ConsiliumIntegrationTest
class PagingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	private MvcResult getAs(Actor actor, String path, String page, MediaType accept) throws Exception {
		return mvc.perform(get(path).param("page", page).accept(accept).with(authentication(TestAccounts.authentication(actor))))
			.andReturn();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2147483647", "-1", "10001", "10000" })
	void theApiAnswersAPageItDoesNotHaveWith422(String page) throws Exception {
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		for (MvcResult result : new MvcResult[] { getAs(coordinator, "/api/triage/queue", page, MediaType.APPLICATION_JSON),
				getAs(patient, "/api/cases/" + caseId + "/access-log", page, MediaType.APPLICATION_JSON) }) {
			assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(422);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"page-out-of-range\"", "There is no page " + page);
		}
		assertThat(getAs(coordinator, "/api/triage/queue", "0", MediaType.APPLICATION_JSON).getResponse().getStatus()).isEqualTo(200);
		assertThat(getAs(patient, "/api/cases/" + caseId + "/access-log", "0", MediaType.APPLICATION_JSON).getResponse().getStatus())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2147483647", "-1", "10000" })
	void pagesShowAMessageForAPageTheyDoNotHave(String page) throws Exception {
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		for (MvcResult result : new MvcResult[] { getAs(coordinator, "/triage", page, MediaType.TEXT_HTML),
				getAs(coordinator, "/cases", page, MediaType.TEXT_HTML), getAs(coordinator, "/notices", page, MediaType.TEXT_HTML),
				getAs(patient, "/cases/" + caseId + "/access-log", page, MediaType.TEXT_HTML) }) {
			assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(422);
			assertThat(result.getResponse().getContentType()).startsWith("text/html");
			assertThat(result.getResponse().getContentAsString()).contains("There is no page " + page + " of this list");
		}
		assertThat(getAs(coordinator, "/notices", "0", MediaType.TEXT_HTML).getResponse().getStatus()).isEqualTo(200);
	}
}
