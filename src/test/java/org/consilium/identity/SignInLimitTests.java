package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * Sign-in limits per origin and per account and origin (429 with Retry-After), which never keep an account's owner out
 * because of someone else's wrong passwords, and the audit rows of signing in and out (issue #11, failure 7).
 */
@ConsiliumIntegrationTest
class SignInLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInLimits limits;

	/** A client address of its own per test, so no test spends another's attempts. */
	private static String newOrigin() {
		return "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + ":" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);
	}

	private MockHttpServletResponse signIn(String email, String password, String origin) throws Exception {
		return mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(origin);
			return request;
		})).andReturn().getResponse();
	}

	private List<String> auditOf(UUID accountId) {
		return jdbc.sql("SELECT action || ' ' || outcome FROM audit.audit_event WHERE actor_id = ? AND case_id IS NULL ORDER BY id")
			.param(accountId).query(String.class).list();
	}

	@Test
	void oneOriginTryingManyAccountsGets429WithRetryAfter() throws Exception {
		String origin = newOrigin();
		List<Integer> statuses = new ArrayList<>();
		MockHttpServletResponse last = null;
		for (int i = 0; i < 25; i++) {
			last = signIn("guess-" + i + "-" + UUID.randomUUID() + "@test.consilium.local", "a-guessed-password", origin);
			statuses.add(last.getStatus());
		}
		assertThat(statuses.subList(0, 20)).as("the first 20 failures are answered as wrong passwords").containsOnly(302);
		assertThat(statuses.subList(20, 25)).as("then the origin is refused").containsOnly(429);
		assertThat(Long.parseLong(last.getHeader("Retry-After"))).isPositive();
		assertThat(signIn("someone-else-" + UUID.randomUUID() + "@test.consilium.local", "x", newOrigin()).getStatus())
			.as("another origin is not affected").isEqualTo(302);
	}

	@Test
	void aCoordinatorWhoseAccountWasHammeredFromElsewhereStillSignsIn() throws Exception {
		String email = "hammered-" + UUID.randomUUID() + "@test.consilium.local";
		IdentityManagement.CreatedAccount coordinator = identity.seedAccount(email, "Hammered Coordinator", Role.COORDINATOR, null);
		String attacker = newOrigin();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong-password-" + i, attacker).getRedirectedUrl()).isEqualTo("/login?error");
		}
		MockHttpServletResponse refused = signIn(email, coordinator.oneTimePassword(), attacker);
		assertThat(refused.getStatus()).as("the attacker's origin is refused for this account, right password or not").isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).matches("[1-9][0-9]*");

		MockHttpServletResponse owner = signIn(email, coordinator.oneTimePassword(), newOrigin());
		assertThat(owner.getRedirectedUrl()).as("the owner, from their own origin, signs in").isEqualTo("/");

		assertThat(auditOf(coordinator.account().id().value())).containsExactly("identity.sign-in FAILED", "identity.sign-in FAILED",
				"identity.sign-in FAILED", "identity.sign-in FAILED", "identity.sign-in FAILED", "identity.sign-in.limited DENIED",
				"identity.sign-in SUCCESS");
	}

	@Test
	void failuresFromAnywhereSlowAnAccountDownOneSecondAtATimeUpToThreeButNeverRefuseIt() {
		String email = "slowed-" + UUID.randomUUID() + "@test.consilium.local";
		List<Long> delays = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			delays.add(limits.delayFor(email).toSeconds());
			limits.failed(email, newOrigin());
		}
		assertThat(delays).containsExactly(0L, 0L, 0L, 1L, 2L, 3L, 3L);
		assertThat(limits.refusal(email, newOrigin())).as("another origin may still try").isEmpty();
		limits.succeeded(email, newOrigin());
		assertThat(limits.delayFor(email)).as("a success forgets the account's failures").isZero();
	}

	@Test
	void signOutAndPasswordChangeAreAuditedAndAFailureForAnUnknownAddressNamesNobody() throws Exception {
		String email = "audited-" + UUID.randomUUID() + "@test.consilium.local";
		IdentityManagement.CreatedAccount account = identity.seedAccount(email, "Audited Patient", Role.PATIENT, null);
		MockHttpServletResponse signedIn = signIn(email, account.oneTimePassword(), newOrigin());
		assertThat(signedIn.getRedirectedUrl()).isEqualTo("/");
		Actor actor = new Actor(account.account().id(), Role.PATIENT, "Audited Patient");
		identity.changePassword(actor, account.oneTimePassword(), "a-new-long-password-1");
		MockHttpSession session = new MockHttpSession();
		session.setAttribute("SPRING_SECURITY_CONTEXT",
				new org.springframework.security.core.context.SecurityContextImpl(TestAccounts.authentication(actor)));
		mvc.perform(post("/logout").session(session).with(csrf()));
		assertThat(auditOf(account.account().id().value())).containsExactly("identity.sign-in SUCCESS", "identity.password.change SUCCESS",
				"identity.sign-out SUCCESS");

		long anonymousBefore = jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'identity.sign-in' AND actor_id IS NULL AND actor_role = 'ANONYMOUS'")
			.query(Long.class).single();
		signIn("nobody-" + UUID.randomUUID() + "@test.consilium.local", "whatever-password", newOrigin());
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'identity.sign-in' AND actor_id IS NULL AND actor_role = 'ANONYMOUS' AND outcome = 'FAILED'")
			.query(Long.class).single()).isEqualTo(anonymousBefore + 1);
	}
}
