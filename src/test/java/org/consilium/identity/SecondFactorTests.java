package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * The second factor through the real login form and pages: staff set it up at their first sign-in with the QR code
 * (or the secret as text) and a code computed here with the same TOTP library; later sign-ins ask for a code; a code is
 * accepted once; a recovery code works once; wrong codes count like wrong passwords; patients need none.
 */
@ConsiliumIntegrationTest
class SecondFactorTests {

	static final String PASSWORD = "a long enough password";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AccountAdministration administration;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecondFactorSecrets secrets;

	final TotpCodes app = new TotpCodes();

	@Test
	void aCoordinatorSetsUpTheSecondFactorAtTheFirstSignInAndThenSignsInWithACodeThatWorksOnce() throws Exception {
		CreatedAccount coordinator = staff(Role.COORDINATOR);
		String email = coordinator.account().email();

		MockHttpSession first = signIn(email, PASSWORD);
		assertThat(redirect(first, "/cases")).isEqualTo("/account/second-factor/enrol");
		assertThat(mvc.perform(get("/api/cases").session(first)).andReturn().getResponse().getStatus()).isEqualTo(403);
		String page = mvc.perform(get("/account/second-factor/enrol").session(first)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<svg", "role=\"img\"", "aria-label=\"QR code for your authenticator app\"");
		app.enrolFrom(email, page);

		String codes = mvc.perform(post("/account/second-factor/enrol").session(first).with(csrf()).with(from(origin())).param("code", app.next(email)))
			.andReturn().getResponse().getContentAsString();
		assertThat(recoveryCodes(codes)).hasSize(10);
		assertThat(redirect(first, "/account/profile")).as("signed in fully").isNull();

		MockHttpSession second = signIn(email, PASSWORD);
		assertThat(redirect(second, "/cases")).isEqualTo("/account/second-factor");
		assertThat(enterCode(second, app.last(email)).getContentAsString()).as("the enrolment's code again")
			.contains("used already");
		assertThat(enterCode(second, app.next(email)).getRedirectedUrl()).isEqualTo("/");
		assertThat(redirect(second, "/account/profile")).isNull();

		MockHttpSession third = signIn(email, PASSWORD);
		assertThat(enterCode(third, app.last(email)).getContentAsString()).as("a code that signed in once").contains("used already");
		assertThat(redirect(third, "/account/profile")).isEqualTo("/account/second-factor");
		assertThat(audit(coordinator)).containsSubsequence("identity.second-factor.enrol:SUCCESS", "identity.second-factor:FAILED",
				"identity.second-factor:SUCCESS", "identity.second-factor:FAILED");
	}

	@Test
	void aRecoveryCodeSignsInOnceAndAnAdministratorCanRemoveTheSecondFactor() throws Exception {
		CreatedAccount specialist = staff(Role.SPECIALIST);
		String email = specialist.account().email();
		List<String> recovery = enrol(email);

		MockHttpSession lostPhone = signIn(email, PASSWORD);
		assertThat(enterCode(lostPhone, recovery.get(3).toUpperCase()).getRedirectedUrl()).isEqualTo("/");
		MockHttpSession again = signIn(email, PASSWORD);
		assertThat(enterCode(again, recovery.get(3)).getContentAsString()).contains("The code is not correct");
		assertThat(jdbc.sql("SELECT code_hash FROM identity.recovery_code WHERE account_id = ?").param(specialist.account().id().value())
			.query(String.class).list()).as("stored hashed").hasSize(10).doesNotContainAnyElementsOf(recovery);

		Actor admin = accounts.create(Role.ADMIN);
		administration.resetSecondFactor(admin, specialist.account().id());
		assertThat(redirect(lostPhone, "/account/profile")).as("its sessions end").isEqualTo("/login?ended");
		assertThat(redirect(signIn(email, PASSWORD), "/cases")).isEqualTo("/account/second-factor/enrol");
		assertThat(audit(specialist)).containsSubsequence("identity.second-factor.recovery-code:SUCCESS", "identity.second-factor:FAILED");
		assertThat(jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE actor_id = ? AND record_id = ?")
			.params(admin.id().value(), specialist.account().id().value()).query(String.class).list())
			.containsExactly("identity.account.second-factor-reset:SUCCESS");
	}

	@Test
	void wrongCodesCountLikeWrongPasswords() throws Exception {
		CreatedAccount admin = staff(Role.ADMIN);
		String email = admin.account().email();
		enrol(email);
		String origin = origin();
		MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", email).param("password", PASSWORD).with(csrf())
			.with(from(origin))).andReturn().getRequest().getSession();
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/account/second-factor").session(session).with(csrf()).with(from(origin)).param("code", "000000"));
		}
		String refused = mvc.perform(post("/account/second-factor").session(session).with(csrf()).with(from(origin)).param("code", app.next(email)))
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Too many wrong attempts");
		assertThat(redirect(session, "/account/profile")).isEqualTo("/account/second-factor");
	}

	@Test
	void aPatientSignsInWithoutASecondFactorAndMaySetOneUp() throws Exception {
		String email = "patient-2fa-" + UUID.randomUUID() + "@test.consilium.local";
		identity.registerPatient(email, "Pat Two", PASSWORD, "en");
		MockHttpSession session = signIn(email, PASSWORD);
		assertThat(redirect(session, "/account/profile")).isNull();
		assertThat(mvc.perform(get("/account/profile").session(session)).andReturn().getResponse().getContentAsString())
			.contains("Set up a second factor");
	}

	@Test
	void theSecretIsStoredEncryptedAndACiphertextCopiedToAnotherAccountDoesNotVerify() throws Exception {
		String owner = staff(Role.COORDINATOR).account().email();
		String secret = enrolWithSecret(owner);
		StoredSecret stored = stored(owner);
		assertThat(stored.secret()).as("not the Base32 secret, nor containing it").isNotEqualTo(secret).doesNotContain(secret);
		assertThat(stored.masterKeyId()).isNotNull();
		assertThat(enterCode(signIn(owner, PASSWORD), app.next(owner)).getRedirectedUrl()).as("sign-in with TOTP").isEqualTo("/");

		String other = staff(Role.COORDINATOR).account().email();
		enrolWithSecret(other);
		jdbc.sql("UPDATE identity.second_factor SET secret = ?, master_key_id = ? WHERE account_id = ?")
			.params(stored.secret(), stored.masterKeyId(), accountId(other)).update();
		app.enrol(other, secret);
		assertThat(enterCode(signIn(other, PASSWORD), app.next(other)).getContentAsString()).as("the owner's code on the copied row")
			.contains("The code is not correct");
	}

	@Test
	void aPlainLegacyRowIsEncryptedByTheUpgradeAndStillVerifies() throws Exception {
		String email = staff(Role.SPECIALIST).account().email();
		String secret = enrolWithSecret(email);
		jdbc.sql("UPDATE identity.second_factor SET secret = ?, master_key_id = NULL WHERE account_id = ?").params(secret, accountId(email))
			.update();

		assertThat(secrets.upgrade()).isPositive();
		StoredSecret upgraded = stored(email);
		assertThat(upgraded.masterKeyId()).isNotNull();
		assertThat(upgraded.secret()).doesNotContain(secret);
		secrets.upgrade();
		assertThat(stored(email)).as("a second run changes nothing").isEqualTo(upgraded);
		assertThat(enterCode(signIn(email, PASSWORD), app.next(email)).getRedirectedUrl()).isEqualTo("/");
	}

	record StoredSecret(String secret, String masterKeyId) {
	}

	private StoredSecret stored(String email) {
		return jdbc.sql("SELECT secret, master_key_id FROM identity.second_factor WHERE account_id = ?").param(accountId(email))
			.query(StoredSecret.class).single();
	}

	private UUID accountId(String email) {
		return jdbc.sql("SELECT id FROM identity.user_account WHERE email = ?").param(email).query(UUID.class).single();
	}

	/** Enrols through the pages and returns the Base32 secret the page showed. */
	private String enrolWithSecret(String email) throws Exception {
		MockHttpSession session = signIn(email, PASSWORD);
		String secret = app.enrolFrom(email, mvc.perform(get("/account/second-factor/enrol").session(session)).andReturn().getResponse()
			.getContentAsString());
		mvc.perform(post("/account/second-factor/enrol").session(session).with(csrf()).with(from(origin())).param("code", app.next(email)));
		assertThat(redirect(session, "/account/profile")).as("enrolled").isNull();
		return secret;
	}

	/** A staff account whose one-time password is already changed to {@link #PASSWORD}. */
	private CreatedAccount staff(Role role) {
		CreatedAccount created = identity.seedAccount(role.name().toLowerCase() + "-2fa-" + UUID.randomUUID() + "@test.consilium.local",
				role.label() + " Two", role, role == Role.SPECIALIST ? "207RX0202X" : null);
		Actor actor = new Actor(created.account().id(), role, created.account().displayName());
		identity.changePassword(actor, created.oneTimePassword(), PASSWORD);
		return created;
	}

	private List<String> enrol(String email) throws Exception {
		MockHttpSession session = signIn(email, PASSWORD);
		app.enrolFrom(email, mvc.perform(get("/account/second-factor/enrol").session(session)).andReturn().getResponse().getContentAsString());
		return recoveryCodes(mvc.perform(post("/account/second-factor/enrol").session(session).with(csrf()).with(from(origin())).param("code", app.next(email)))
			.andReturn().getResponse().getContentAsString());
	}

	private MockHttpSession signIn(String email, String password) throws Exception {
		var result = mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()).with(from(origin()))).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession();
	}

	private MockHttpServletResponse enterCode(MockHttpSession session, String code) throws Exception {
		return mvc.perform(post("/account/second-factor").session(session).with(csrf()).with(from(origin())).param("code", code)).andReturn()
			.getResponse();
	}

	private String redirect(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn().getResponse().getRedirectedUrl();
	}

	private static List<String> recoveryCodes(String page) {
		Matcher m = Pattern.compile("<li><code>([a-z0-9-]+)</code></li>").matcher(page);
		List<String> codes = new java.util.ArrayList<>();
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

	private List<String> audit(CreatedAccount account) {
		return jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE actor_id = ? AND action LIKE 'identity.second-factor%' ORDER BY id")
			.param(account.account().id().value()).query(String.class).list();
	}

	private static String origin() {
		return "2001:db8::f:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);
	}

	private static RequestPostProcessor from(String origin) {
		return request -> {
			request.setRemoteAddr(origin);
			return request;
		};
	}
}
