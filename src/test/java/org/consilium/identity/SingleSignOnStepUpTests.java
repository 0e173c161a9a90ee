package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.identity.TestOpenIdProvider.Answer;
import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.shared.Role;

/**
 * Step-up for a single sign-on user without signing out, through the real filter chain and the provider the tests
 * control ({@link TestOpenIdProvider}): an administrator whose sign-on is ten minutes old is sent to confirm; the
 * confirmation sends them to the provider with {@code prompt=login} and {@code max_age=0}; a fresh {@code auth_time}
 * brings them back to the account's page, where the action goes through. A provider that does not sign the user in
 * again is refused, audited, and the session keeps its old sign-in, which still needs the step-up.
 */
@HpoIntegrationTest
class SingleSignOnStepUpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Test
	void aFreshSignInAtTheProviderConfirmsWithoutSigningOutAndGoesBackToTheStep() throws Exception {
		MockHttpSession session = signedOnTenMinutesAgo("top-stepup-admin", Answer.GOOD);
		UserView target = identity.seedAccount("top-stepup-target@test.consilium.local", "Tom Target", Role.COORDINATOR, null).account();
		String page = "/admin/users/" + target.id().value();
		assertThat(unlock(session, target)).isEqualTo("/account/confirm?continue=" + page);
		assertThat(mvc.perform(get("/account/confirm").param("continue", page).session(session)).andReturn().getResponse().getContentAsString())
			.contains("/oauth2/authorization/sso?step-up=&amp;continue=" + page);

		String toProvider = mvc.perform(get("/oauth2/authorization/" + TestOpenIdProvider.REGISTRATION_ID).param("step-up", "")
			.param("continue", page).session(session)).andReturn().getResponse().getRedirectedUrl();
		assertThat(toProvider).contains("prompt=login", "max_age=0");
		String back = mvc.perform(get(TestOpenIdProvider.get().authorize(toProvider)).session(session)).andReturn().getResponse().getRedirectedUrl();

		assertThat(back).isEqualTo(page);
		assertThat(authenticatedAt(session)).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
		UserView admin = identity.findByEmail("top-stepup-admin@test.consilium.local").orElseThrow();
		assertThat(audit(admin)).contains("identity.step-up:SUCCESS");
		assertThat(unlock(session, target)).as("the action goes through now").isEqualTo(page);
		assertThat(audit(target)).contains("identity.account.unlock:SUCCESS");
	}

	@Test
	void aProviderThatDoesNotSignTheUserInAgainIsRefusedAndTheStepStillWaits() throws Exception {
		MockHttpSession session = signedOnTenMinutesAgo("top-stale-admin", Answer.IGNORES_PROMPT);
		UserView target = identity.seedAccount("top-stale-target@test.consilium.local", "Tia Target", Role.COORDINATOR, null).account();
		String page = "/admin/users/" + target.id().value();
		Instant before = authenticatedAt(session);

		String toProvider = mvc.perform(get("/oauth2/authorization/" + TestOpenIdProvider.REGISTRATION_ID).param("step-up", "")
			.param("continue", page).session(session)).andReturn().getResponse().getRedirectedUrl();
		String back = mvc.perform(get(TestOpenIdProvider.get().authorize(toProvider)).session(session)).andReturn().getResponse().getRedirectedUrl();

		assertThat(back).isEqualTo("/sso/failed?reason=step-up");
		UserView admin = identity.findByEmail("top-stale-admin@test.consilium.local").orElseThrow();
		assertThat(audit(admin)).contains("identity.step-up:FAILED").doesNotContain("identity.step-up:SUCCESS");
		assertThat(authenticatedAt(session)).as("still the earlier sign-in").isEqualTo(before);
		assertThat(unlock(session, target)).as("still signed in, and the step still waits").isEqualTo("/account/confirm?continue=" + page);
		assertThat(audit(target)).doesNotContain("identity.account.unlock:SUCCESS");
	}

	/** An administrator signed on at the test provider, whose provider session began ten minutes ago. */
	private MockHttpSession signedOnTenMinutesAgo(String user, Answer answer) throws Exception {
		TestOpenIdProvider provider = TestOpenIdProvider.get().answer(answer, user, "consilium-admin")
			.signedInAt(Instant.now().minus(Duration.ofMinutes(10)));
		MockHttpSession session = new MockHttpSession();
		String toProvider = mvc.perform(get("/oauth2/authorization/" + TestOpenIdProvider.REGISTRATION_ID).session(session))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(toProvider).doesNotContain("prompt=", "max_age=");
		assertThat(mvc.perform(get(provider.authorize(toProvider)).session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
		return session;
	}

	private String unlock(MockHttpSession session, UserView target) throws Exception {
		return mvc.perform(post("/admin/users/{id}/unlock", target.id().value()).with(csrf()).session(session)).andReturn().getResponse()
			.getRedirectedUrl();
	}

	private static Instant authenticatedAt(MockHttpSession session) {
		SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
		return StepUp.authenticatedAt(context.getAuthentication().getPrincipal());
	}

	private List<String> audit(UserView account) {
		return jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE record_id = ? ORDER BY id")
			.param(account.id().value()).query(String.class).list();
	}
}
