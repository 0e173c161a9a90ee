package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.phenotype.HpoIntegrationTest;

/**
 * Bad answers at the single sign-on's redirect endpoint, through the real filter chain with single sign-on configured
 * (no provider needs to run: these are refused before it is asked): a forged or replayed {@code state} ends on our
 * failure page, is audited, and signs nobody in.
 */
@HpoIntegrationTest
class SingleSignOnFailureTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgedStateIsRefusedOnOurPageAuditedAndSignsNobodyIn() throws Exception {
		long before = failures();
		MockHttpSession session = new MockHttpSession();
		MvcResult result = mvc.perform(get("/login/oauth2/code/sso").param("code", "stolen-code").param("state", "forged-state").session(session))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sso/failed?reason=state");
		assertThat(failures()).isEqualTo(before + 1);
		assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).as("no security context in the session").isNull();
		assertThat(mvc.perform(get("/cases").accept(MediaType.TEXT_HTML).session(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void theFailurePageExplainsTheReasonToAnyoneAndNeverEchoesTheRequest() throws Exception {
		String page = mvc.perform(get("/sso/failed").param("reason", "state")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("does not belong to a sign-in started in this browser", "Try again with Test Hospital Keycloak");
		String unknown = mvc.perform(get("/sso/failed").param("reason", "<b>injected</b>")).andReturn().getResponse().getContentAsString();
		assertThat(unknown).contains("The sign-in through the identity provider failed").doesNotContain("injected");
	}

	@Test
	void theSignInPageOffersTheHospitalSignOn() throws Exception {
		String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"/oauth2/authorization/sso\"", "Sign in with Test Hospital Keycloak");
	}

	private long failures() {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'identity.sso.sign-in' AND outcome = 'FAILED'").query(Long.class).single();
	}
}
