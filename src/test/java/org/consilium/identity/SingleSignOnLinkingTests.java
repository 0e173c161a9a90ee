package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.SingleSignOnAccounts.ProviderIdentity;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * Which account a provider's user signs in to ({@link SingleSignOnAccounts}), on the real database, with the audit row
 * of each outcome. The browser and Keycloak side: {@code SingleSignOnBrowserTests}.
 */
@ConsiliumIntegrationTest
class SingleSignOnLinkingTests {

	private static final String ISSUER = "https://idp.example.org/realms/hospital";

	@Autowired
	SingleSignOnAccounts sso;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnknownUserGetsAnAccountWithoutPasswordOrRoleAndComesBackByIssuerAndSubject() {
		String subject = UUID.randomUUID().toString();
		String email = "new-" + subject + "@hospital.example.org";
		Actor first = sso.signIn(who(subject, email, true, false, null), true);
		assertThat(first.role()).isNull();
		assertThat(identity.findByEmail(email)).get().extracting(UserView::id).isEqualTo(first.id());
		assertThat(actions(first)).containsExactlyInAnyOrder("identity.sso.account-create:SUCCESS", "identity.sso.sign-in:SUCCESS");
		assertThat(jdbc.sql("SELECT password_hash FROM identity.user_account WHERE id = ?").param(first.id().value()).query(String.class).optional()).isEmpty();

		Actor again = sso.signIn(who(subject, "changed-" + email, false, false, null), false);
		assertThat(again.id()).isEqualTo(first.id());
	}

	@Test
	void theProviderDecidesTheRoleAtEverySignInWhenItsClaimIsConfigured() {
		String subject = UUID.randomUUID().toString();
		String email = "mapped-" + subject + "@hospital.example.org";
		Actor coordinator = sso.signIn(who(subject, email, true, true, Role.COORDINATOR), false);
		assertThat(coordinator.role()).isEqualTo(Role.COORDINATOR);

		Actor withoutRole = sso.signIn(who(subject, email, true, true, null), false);
		assertThat(withoutRole.role()).isNull();
		assertThat(identity.findUser(coordinator.id())).get().extracting(UserView::role).isNull();
		assertThat(actions(coordinator)).contains("identity.sso.role-change:SUCCESS");
	}

	@Test
	void aVerifiedAddressFromATrustedIssuerLinksTheExistingStaffAccount() {
		Actor local = new TestAccounts(identity).create(Role.SPECIALIST);
		String email = identity.findUser(local.id()).orElseThrow().email();
		String subject = UUID.randomUUID().toString();
		Actor signedIn = sso.signIn(who(subject, email.toUpperCase(), true, false, null), true);
		assertThat(signedIn.id()).isEqualTo(local.id());
		assertThat(signedIn.role()).isEqualTo(Role.SPECIALIST);
		assertThat(actions(local)).contains("identity.sso.link:SUCCESS", "identity.sso.sign-in:SUCCESS");
		assertThat(jdbc.sql("SELECT account_id FROM identity.sso_link WHERE issuer = ? AND subject = ?").params(ISSUER, subject)
			.query(UUID.class).single()).isEqualTo(local.id().value());
	}

	@Test
	void anUnverifiedAddressOrAnUntrustedIssuerDoesNotLinkAndIsRefusedAgainstTheAccount() {
		Actor local = new TestAccounts(identity).create(Role.COORDINATOR);
		String email = identity.findUser(local.id()).orElseThrow().email();
		assertThatThrownBy(() -> sso.signIn(who(UUID.randomUUID().toString(), email, false, false, null), true))
			.isInstanceOfSatisfying(SingleSignOnRefusal.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(SingleSignOnRefusal.LINK_NOT_TRUSTED));
		assertThatThrownBy(() -> sso.signIn(who(UUID.randomUUID().toString(), email, true, false, null), false))
			.isInstanceOf(SingleSignOnRefusal.class);
		assertThat(actions(local)).containsExactly("identity.sso.sign-in:FAILED", "identity.sso.sign-in:FAILED");
		assertThat(links(local)).isZero();
	}

	@Test
	void aPatientsAccountIsNeverLinkedToTheStaffSignOn() {
		Actor patient = new TestAccounts(identity).create(Role.PATIENT);
		String email = identity.findUser(patient.id()).orElseThrow().email();
		assertThatThrownBy(() -> sso.signIn(who(UUID.randomUUID().toString(), email, true, true, Role.ADMIN), true))
			.isInstanceOfSatisfying(SingleSignOnRefusal.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(SingleSignOnRefusal.PATIENT_ACCOUNT));
		assertThat(identity.findUser(patient.id())).get().extracting(UserView::role).isEqualTo(Role.PATIENT);
		assertThat(links(patient)).isZero();
	}

	@Test
	void anAccountLinkedToOneIdentityIsNotLinkedToASecondOneOfTheSameIssuer() {
		Actor local = new TestAccounts(identity).create(Role.REFERRING_PHYSICIAN);
		String email = identity.findUser(local.id()).orElseThrow().email();
		sso.signIn(who(UUID.randomUUID().toString(), email, true, false, null), true);
		assertThatThrownBy(() -> sso.signIn(who(UUID.randomUUID().toString(), email, true, false, null), true))
			.isInstanceOfSatisfying(SingleSignOnRefusal.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(SingleSignOnRefusal.LINKED_TO_ANOTHER));
		assertThat(links(local)).isEqualTo(1);
	}

	@Test
	void aFirstSignInWithoutAnAddressIsRefusedAndNamesNobody() {
		long before = anonymousFailures();
		assertThatThrownBy(() -> sso.signIn(who(UUID.randomUUID().toString(), null, false, false, null), true))
			.isInstanceOfSatisfying(SingleSignOnRefusal.class, e -> assertThat(e.getError().getErrorCode()).isEqualTo(SingleSignOnRefusal.NO_EMAIL));
		assertThat(anonymousFailures()).isEqualTo(before + 1);
	}

	private static ProviderIdentity who(String subject, String email, boolean verified, boolean decidesRole, Role role) {
		return new ProviderIdentity(ISSUER, subject, email, verified, "Dr. Provider User", decidesRole, role);
	}

	private List<String> actions(Actor actor) {
		return jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE record_id = ? AND action LIKE 'identity.sso.%' ORDER BY id")
			.param(actor.id().value()).query(String.class).list();
	}

	private long links(Actor actor) {
		return jdbc.sql("SELECT count(*) FROM identity.sso_link WHERE account_id = ?").param(actor.id().value()).query(Long.class).single();
	}

	private long anonymousFailures() {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'identity.sso.sign-in' AND outcome = 'FAILED' AND actor_role = 'ANONYMOUS'")
			.query(Long.class).single();
	}
}
