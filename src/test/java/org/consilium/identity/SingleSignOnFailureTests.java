package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.identity.TestOpenIdProvider.Answer;
import org.consilium.phenotype.HpoIntegrationTest;

/**
 * Bad answers at the single sign-on's redirect endpoint, through the real filter chain with single sign-on configured:
 * a forged or replayed {@code state} (refused before any provider is asked), and, from the provider the tests control
 * ({@link TestOpenIdProvider}), an ID token with a wrong or replayed {@code nonce}, from another issuer, for another
 * audience, expired, or signed with a key not the provider's. Each ends on our failure page, is audited, and signs
 * nobody in; the same provider's right answer signs in, so the refusals are the token's fault.
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

	@Test
	void theTestProvidersRightAnswerSignsIn() throws Exception {
		MockHttpSession session = new MockHttpSession();
		provider().answer(Answer.GOOD, "top-right", "consilium-specialist");
		MvcResult callback = signOnAtTheTestProvider(session);
		assertThat(callback.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).as("signed in").isNotNull();
		UUID account = jdbc.sql("SELECT id FROM identity.user_account WHERE email = 'top-right@test.consilium.local'").query(UUID.class).single();
		assertThat(jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE record_id = ?").param(account).query(String.class).list())
			.contains("identity.sso.account-create:SUCCESS", "identity.sso.sign-in:SUCCESS");
	}

	@ParameterizedTest
	@EnumSource(value = Answer.class, names = { "WRONG_NONCE", "OTHER_ISSUER", "OTHER_AUDIENCE", "EXPIRED", "FOREIGN_KEY" })
	void aBadIdTokenIsRefusedOnOurPageAuditedAndSignsNobodyIn(Answer answer) throws Exception {
		long before = failures();
		MockHttpSession session = new MockHttpSession();
		provider().answer(answer, "top-" + answer.name().toLowerCase().replace('_', '-'), "consilium-specialist");
		MvcResult callback = signOnAtTheTestProvider(session);
		assertThat(callback.getResponse().getRedirectedUrl()).isEqualTo("/sso/failed?reason=token");
		assertThat(failures()).isEqualTo(before + 1);
		assertSignedOut(session);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.user_account WHERE email LIKE 'top-' || ? || '%'")
			.param(answer.name().toLowerCase().replace('_', '-')).query(Long.class).single()).as("no account made").isZero();
	}

	@Test
	void anIdTokenReplayedFromAnEarlierSignInIsRefused() throws Exception {
		provider().answer(Answer.GOOD, "top-replayed", "consilium-specialist");
		assertThat(signOnAtTheTestProvider(new MockHttpSession()).getResponse().getRedirectedUrl()).isEqualTo("/");
		long before = failures();
		MockHttpSession attacker = new MockHttpSession();
		provider().answer(Answer.REPLAYED_TOKEN, "top-replayed", "consilium-specialist");
		assertThat(signOnAtTheTestProvider(attacker).getResponse().getRedirectedUrl()).isEqualTo("/sso/failed?reason=token");
		assertThat(failures()).isEqualTo(before + 1);
		assertSignedOut(attacker);
	}

	@Test
	void aReplayedAnswerWithItsStateIsRefusedInAnyBrowser() throws Exception {
		MockHttpSession session = new MockHttpSession();
		provider().answer(Answer.GOOD, "top-state-replay", "consilium-specialist");
		URI answer = provider().authorize(mvc.perform(get("/oauth2/authorization/" + TestOpenIdProvider.REGISTRATION_ID).session(session))
			.andReturn().getResponse().getRedirectedUrl());
		assertThat(mvc.perform(get(answer).session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
		long before = failures();
		MockHttpSession elsewhere = new MockHttpSession();
		assertThat(mvc.perform(get(answer).session(elsewhere)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sso/failed?reason=state");
		assertThat(mvc.perform(get(answer).session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/sso/failed?reason=state");
		assertThat(failures()).isEqualTo(before + 2);
		assertSignedOut(elsewhere);
	}

	private static TestOpenIdProvider provider() {
		return TestOpenIdProvider.get();
	}

	/** Starts a sign-on at the test provider in {@code session}, lets it answer, and returns our answer to its redirect. */
	private MvcResult signOnAtTheTestProvider(MockHttpSession session) throws Exception {
		String toProvider = mvc.perform(get("/oauth2/authorization/" + TestOpenIdProvider.REGISTRATION_ID).session(session))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(toProvider).startsWith(provider().issuer() + "/authorize");
		return mvc.perform(get(provider().authorize(toProvider)).session(session)).andReturn();
	}

	private void assertSignedOut(MockHttpSession session) throws Exception {
		assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).as("no security context in the session").isNull();
		assertThat(mvc.perform(get("/cases").accept(MediaType.TEXT_HTML).session(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	private long failures() {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'identity.sso.sign-in' AND outcome = 'FAILED'").query(Long.class).single();
	}
}
