package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/** Address verification and password reset by e-mail, against a real SMTP server. */
class AccountEmailTests extends MailTestSupport {

	static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	String linkTokenSentTo(String address) throws Exception {
		while (sender.sendDue() > 0) {
			// send everything due
		}
		MimeMessage mail = receivedBy(address).get(receivedBy(address).size() - 1);
		Matcher m = TOKEN.matcher((String) mail.getContent());
		assertThat(m.find()).as("the mail holds a link with a token").isTrue();
		return m.group(1);
	}

	@Test
	void aSelfRegisteredPatientSignsInOnlyAfterUsingTheLinkWhichWorksOnce() throws Exception {
		String email = "new-" + UUID.randomUUID() + "@example.org";
		mvc.perform(post("/register").with(csrf()).param("displayName", "Ada Patient").param("email", email).param("password", PASSWORD))
			.andExpect(redirectedUrl("/account/check-email"));
		mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));

		String token = linkTokenSentTo(email);
		assertThat(jdbc.sql("SELECT token_hash FROM identity.account_token t JOIN identity.user_account a ON a.id = t.account_id WHERE a.email = ?")
			.param(email).query(String.class).single()).as("stored as SHA-256 only")
			.isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes())))
			.isNotEqualTo(token);

		mvc.perform(post("/account/verify").with(csrf()).param("token", token)).andExpect(redirectedUrl("/login?verified"));
		mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/"));
		mvc.perform(post("/account/verify").with(csrf()).param("token", token)).andExpect(content().string(
				org.hamcrest.Matchers.containsString("not valid any more")));
	}

	@Test
	void registeringAnAddressThatHasAnAccountAnswersTheSameAndSendsNothing() throws Exception {
		UserView existing = identity.seedAccount("taken-" + UUID.randomUUID() + "@example.org", "Taken", Role.PATIENT, null).account();
		mvc.perform(post("/register").with(csrf()).param("displayName", "Someone").param("email", existing.email()).param("password", PASSWORD))
			.andExpect(redirectedUrl("/account/check-email"));
		while (sender.sendDue() > 0) {
			// send everything due
		}
		assertThat(receivedBy(existing.email())).isEmpty();
		assertThat(identity.findByEmail(existing.email())).get().extracting(UserView::displayName).isEqualTo("Taken");
	}

	@Test
	void aPasswordResetLinkWorksOnceAndExpiresAfterThirtyMinutes() throws Exception {
		UserView user = identity.seedAccount("reset-" + UUID.randomUUID() + "@example.org", "Reset", Role.PATIENT, null).account();
		identity.requestPasswordReset(user.email());
		String token = linkTokenSentTo(user.email());
		assertThat(identity.isResetLinkValid(token)).isTrue();
		identity.resetPassword(token, PASSWORD);
		mvc.perform(formLogin("/login").user(user.email()).password(PASSWORD)).andExpect(redirectedUrl("/"));
		assertThatThrownBy(() -> identity.resetPassword(token, "another long password")).isInstanceOf(InvalidInputException.class);

		identity.requestPasswordReset(user.email());
		String late = linkTokenSentTo(user.email());
		clock.advance(Duration.ofMinutes(31));
		assertThat(identity.isResetLinkValid(late)).isFalse();
		assertThatThrownBy(() -> identity.resetPassword(late, "another long password")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aResetRequestForAnUnknownAddressAnswersAlikeAndStoresAndSendsNothing() throws Exception {
		UserView known = identity.seedAccount("known-" + UUID.randomUUID() + "@example.org", "Known", Role.PATIENT, null).account();
		String unknown = "unknown-" + UUID.randomUUID() + "@example.org";
		String knownAnswer = mvc.perform(post("/account/reset").with(csrf()).param("email", known.email()))
			.andExpect(redirectedUrl("/account/check-email")).andReturn().getResponse().getContentAsString();
		String unknownAnswer = mvc.perform(post("/account/reset").with(csrf()).param("email", unknown))
			.andExpect(redirectedUrl("/account/check-email")).andReturn().getResponse().getContentAsString();
		assertThat(unknownAnswer).isEqualTo(knownAnswer);

		identity.requestPasswordReset(unknown);
		assertThat(jdbc.sql("SELECT count(*) FROM notification.outbox_message WHERE to_address = ?").param(unknown).query(Long.class).single())
			.isZero();
	}
}
