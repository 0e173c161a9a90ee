package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/** Form login through the real filter chain: one answer for every failure, one-time passwords (limits: {@link SignInLimitTests}). */
@ConsiliumIntegrationTest
class LoginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	private String newAccount(String email) {
		return identity.seedAccount(email, "Login Tester", Role.PATIENT, null).oneTimePassword();
	}

	private String login(String email, String password) throws Exception {
		return mvc.perform(formLogin("/login").user(email).password(password)).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void anUnknownAccountAndAWrongPasswordGetTheSameAnswer() throws Exception {
		String email = "known-" + UUID.randomUUID() + "@test.consilium.local";
		newAccount(email);
		assertThat(login("nobody-" + UUID.randomUUID() + "@test.consilium.local", "whatever-password")).isEqualTo("/login?error");
		assertThat(login(email, "wrong-password-123")).isEqualTo("/login?error");
	}

	@Test
	void aUserChangesTheirNameAndPreferredLanguage() throws Exception {
		Actor patient = new TestAccounts(identity).create(Role.PATIENT);
		String page = mvc.perform(get("/account/profile").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(TestAccounts.authentication(patient)))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("German", "Your profile");
		identity.updateProfile(patient, "Renamed Patient", "de");
		assertThat(identity.findUser(patient.id()).orElseThrow()).extracting(UserView::displayName, UserView::preferredLanguage)
			.containsExactly("Renamed Patient", "de");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.updateProfile(patient, " ", "de"))
			.isInstanceOf(org.consilium.shared.InvalidInputException.class);
	}

	@Test
	void aOneTimePasswordSignsInButLeadsOnlyToThePasswordChange() throws Exception {
		String email = "first-" + UUID.randomUUID() + "@test.consilium.local";
		String password = newAccount(email);
		MvcResult result = mvc.perform(formLogin("/login").user(email).password(password)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		assertThat(mvc.perform(get("/cases").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(mvc.perform(get("/api/cases").session(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
	}
}
