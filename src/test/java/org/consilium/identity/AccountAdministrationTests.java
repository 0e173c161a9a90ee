package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.shared.Actor;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * What an administrator does to another account, through the real pages and filter chain: each action changes the
 * account as it says and leaves its audit row (the administrator, the action, the account); a refused action changes
 * nothing and is audited as FAILED.
 */
@ConsiliumIntegrationTest
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AccountAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aOneTimePasswordFromTheAdministratorReplacesTheOldPasswordAndIsAudited() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		CreatedAccount patient = seed(Role.PATIENT);
		String oneTime = administration.resetPassword(admin, patient.account().id());

		assertThat(signIn(patient, patient.oneTimePassword())).isEqualTo("/login?error");
		assertThat(signIn(patient, oneTime)).isEqualTo("/");
		assertThat(auditRow(admin, patient.account().id())).containsExactly("identity.account.password-reset:SUCCESS");
	}

	@Test
	void anAccountHeldBackByFailedSignInsIsListedAndUnlocked() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		CreatedAccount coordinator = seed(Role.COORDINATOR);
		for (int i = 0; i < 4; i++) {
			signIn(coordinator, "wrong-password-" + i);
		}
		assertThat(page(admin, "/admin/users/attention")).contains(coordinator.account().email(), "Locked by failed sign-ins");

		mvc.perform(post("/admin/users/{id}/unlock", coordinator.account().id().value()).with(csrf()).with(authentication(TestAccounts.authentication(admin))));

		assertThat(administration.state(admin, coordinator.account().id()).locked()).isFalse();
		assertThat(page(admin, "/admin/users/attention")).doesNotContain(coordinator.account().email());
		assertThat(auditRow(admin, coordinator.account().id())).containsExactly("identity.account.unlock:SUCCESS");
	}

	@Test
	void aDeactivatedAccountCannotSignInIsListedAndCanBeReactivated() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		CreatedAccount referrer = seed(Role.REFERRING_PHYSICIAN);
		UUID id = referrer.account().id().value();

		mvc.perform(post("/admin/users/{id}/deactivate", id).with(csrf()).with(authentication(TestAccounts.authentication(admin)))
			.param("reason", "Left the hospital"));
		assertThat(signIn(referrer, referrer.oneTimePassword())).isEqualTo("/login?error");
		assertThat(page(admin, "/admin/users/attention")).contains(referrer.account().email(), "Deactivated: Left the hospital");
		assertThat(identity.findUser(referrer.account().id())).as("the account and its history stay").isPresent();

		mvc.perform(post("/admin/users/{id}/reactivate", id).with(csrf()).with(authentication(TestAccounts.authentication(admin))));
		assertThat(signIn(referrer, referrer.oneTimePassword())).isEqualTo("/");
		assertThat(auditRow(admin, referrer.account().id())).containsExactly("identity.account.deactivate:SUCCESS",
				"identity.account.reactivate:SUCCESS");
	}

	@Test
	void aRoleChangeTakesEffectAndEndsTheAccountsSession() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		CreatedAccount coordinator = seed(Role.COORDINATOR);
		var session = signedInSession(coordinator);

		mvc.perform(post("/admin/users/{id}/role", coordinator.account().id().value()).with(csrf())
			.with(authentication(TestAccounts.authentication(admin))).param("role", "SPECIALIST").param("specialtyCode", "2084N0400X"));

		UserView changed = identity.findUser(coordinator.account().id()).orElseThrow();
		assertThat(changed.role()).isEqualTo(Role.SPECIALIST);
		assertThat(changed.specialtyCode()).isEqualTo("2084N0400X");
		assertThat(mvc.perform(get("/account/profile").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("the session that still carries the old role is signed out").isEqualTo("/login?ended");
		assertThat(auditRow(admin, coordinator.account().id())).containsExactly("identity.account.role-change:SUCCESS");
	}

	@Test
	void refusedActionsChangeNothingAndAreAuditedAsFailed() {
		Actor admin = accounts.create(Role.ADMIN);
		CreatedAccount specialist = seed(Role.SPECIALIST);
		UserId id = specialist.account().id();

		assertThatThrownBy(() -> administration.changeRole(admin, id, Role.SPECIALIST, "not-a-code")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> administration.deactivate(admin, id, " ")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> administration.deactivate(admin, admin.id(), "Myself")).isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> administration.sendResetLink(admin, id)).as("e-mail is off in this context")
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> administration.unlock(asActor(specialist), id))
			.as("only an administrator").isInstanceOf(ForbiddenActionException.class);

		assertThat(identity.findUser(id).orElseThrow().specialtyCode()).isEqualTo("207RX0202X");
		assertThat(administration.state(admin, id).deactivated()).isFalse();
		assertThat(administration.state(admin, admin.id()).deactivated()).isFalse();
		assertThat(jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE actor_id = ? ORDER BY id")
			.param(admin.id().value()).query(String.class).list()).containsExactly("identity.account.role-change:FAILED",
					"identity.account.deactivate:FAILED", "identity.account.deactivate:FAILED", "identity.account.reset-link:FAILED");
	}

	private CreatedAccount seed(Role role) {
		String email = role.name().toLowerCase() + "-admin-" + UUID.randomUUID() + "@test.consilium.local";
		return identity.seedAccount(email, role.label() + " Managed", role, role == Role.SPECIALIST ? "207RX0202X" : null);
	}

	private static Actor asActor(CreatedAccount account) {
		return new Actor(account.account().id(), account.account().role(), account.account().displayName());
	}

	/** Signs in from a client address of its own, so that no test spends another's attempts ({@link SignInLimitTests}). */
	private String signIn(CreatedAccount account, String password) throws Exception {
		return mvc.perform(post("/login").param("username", account.account().email()).param("password", password).with(csrf()).with(ORIGIN))
			.andReturn().getResponse().getRedirectedUrl();
	}

	static final org.springframework.test.web.servlet.request.RequestPostProcessor ORIGIN = request -> {
		request.setRemoteAddr("2001:db8::a:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff));
		return request;
	};

	private org.springframework.mock.web.MockHttpSession signedInSession(CreatedAccount account) throws Exception {
		var result = mvc.perform(post("/login").param("username", account.account().email()).param("password", account.oneTimePassword())
			.with(csrf()).with(ORIGIN)).andReturn();
		var session = (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession();
		assertThat(mvc.perform(get("/account/password").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		return session;
	}

	private String page(Actor admin, String path) throws Exception {
		return mvc.perform(get(path).with(authentication(TestAccounts.authentication(admin)))).andReturn().getResponse().getContentAsString();
	}

	private List<String> auditRow(Actor admin, UserId account) {
		return jdbc.sql("""
				SELECT action || ':' || outcome FROM audit.audit_event WHERE actor_id = ? AND record_id = ? AND action LIKE 'identity.account.%'
				ORDER BY id""").params(admin.id().value(), account.value()).query(String.class).list();
	}
}
