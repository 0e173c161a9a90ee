package org.consilium.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/**
 * Which Consilium account a provider's user signs in to, and the audit of it (rows without a case, record type
 * {@code UserAccount}). The rules, in order:
 * <ol>
 * <li>A provider identity (issuer and subject) linked before signs in to its account
 * ({@code identity.sso.sign-in}).</li>
 * <li>Otherwise an account with the same address is linked only when the issuer is trusted for it
 * ({@code consilium.sso.link-verified-email}) and the ID token says {@code email_verified: true}, and never a patient's
 * account ({@code identity.sso.link}); else the sign-in is refused and recorded as FAILED against that account.</li>
 * <li>Otherwise a new account without a password is made ({@code identity.sso.account-create}); its role is the one
 * the provider's claim maps, or none until an administrator grants one.</li>
 * </ol>
 * When the provider decides roles ({@link ProviderRoles#decides()}), each sign-in sets the account's role to the
 * mapped one, none included ({@code identity.sso.role-change}).
 */
@Service
@Transactional
class SingleSignOnAccounts {

	private static final String RECORD_TYPE = "UserAccount";

	private final UserAccountRepository accounts;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	SingleSignOnAccounts(UserAccountRepository accounts, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What the provider says about the user, from the validated ID token (and user info).
	 *
	 * @param issuer the {@code iss} claim
	 * @param subject the {@code sub} claim
	 * @param email the {@code email} claim, or null
	 * @param emailVerified the {@code email_verified} claim (false when absent)
	 * @param displayName the name to show
	 * @param decidesRole whether the provider's claims decide the role
	 * @param role the mapped role, or null
	 */
	record ProviderIdentity(String issuer, String subject, String email, boolean emailVerified, String displayName,
			boolean decidesRole, Role role) {
	}

	/**
	 * The actor the provider's user signs in as, linking or making the account on the first sign-in.
	 *
	 * @throws SingleSignOnRefusal (already audited) when the address belongs to an account that may not be linked, or
	 *         the provider sent no address for a user it has not signed in before
	 */
	Actor signIn(ProviderIdentity who, boolean trustVerifiedEmail) {
		Optional<UserAccount> linked = linkedAccount(who.issuer(), who.subject());
		if (linked.isPresent()) {
			return signedIn(linked.get(), who);
		}
		String email = UserAccount.normalize(who.email());
		if (email.isEmpty()) {
			throw refuse(null, SingleSignOnRefusal.NO_EMAIL);
		}
		Optional<UserAccount> sameAddress = accounts.findByEmail(email);
		if (sameAddress.isPresent()) {
			UserAccount account = sameAddress.get();
			if (!(trustVerifiedEmail && who.emailVerified())) {
				throw refuse(account, SingleSignOnRefusal.LINK_NOT_TRUSTED);
			}
			if (account.role() == Role.PATIENT) {
				throw refuse(account, SingleSignOnRefusal.PATIENT_ACCOUNT);
			}
			if (isLinked(who.issuer(), account.id())) {
				throw refuse(account, SingleSignOnRefusal.LINKED_TO_ANOTHER);
			}
			link(who, account);
			audit.success(account.actor(), AuditAction.IDENTITY_SSO_LINK, null, RECORD_TYPE, account.id());
			return signedIn(account, who);
		}
		String name = who.displayName() == null || who.displayName().isBlank() ? email : who.displayName();
		UserAccount created = accounts.save(UserAccount.createForSingleSignOn(email, name, who.decidesRole() ? who.role() : null, clock.instant()));
		link(who, created);
		audit.success(created.actor(), AuditAction.IDENTITY_SSO_ACCOUNT_CREATE, null, RECORD_TYPE, created.id());
		audit.success(created.actor(), AuditAction.IDENTITY_SSO_SIGN_IN, null, RECORD_TYPE, created.id());
		return created.actor();
	}

	/**
	 * Records a refused sign-on (a failed check of the provider's answer, a missing {@code acr}/{@code amr}) against the
	 * account linked to the provider identity, or against nobody when there is none or it is unknown.
	 */
	@Transactional(readOnly = true)
	void failed(String issuer, String subject) {
		UserAccount account = issuer == null || subject == null ? null : linkedAccount(issuer, subject).orElse(null);
		audit.failed(account == null ? Actor.ANONYMOUS : account.actor(), AuditAction.IDENTITY_SSO_SIGN_IN, null, RECORD_TYPE,
				account == null ? null : account.id());
	}

	/** Records a step-up at the provider whose answer was fresh ({@code identity.step-up}, SUCCESS). */
	void steppedUp(Actor actor) {
		audit.success(actor, AuditAction.IDENTITY_STEP_UP, null, RECORD_TYPE, actor.id().value());
	}

	/** Records a step-up at the provider whose answer was not fresh ({@code identity.step-up}, FAILED). */
	@Transactional(readOnly = true)
	void stepUpFailed(String issuer, String subject) {
		UserAccount account = linkedAccount(issuer, subject).orElse(null);
		audit.failed(account == null ? Actor.ANONYMOUS : account.actor(), AuditAction.IDENTITY_STEP_UP, null, RECORD_TYPE,
				account == null ? null : account.id());
	}

	/** Records the end of a single sign-on session. */
	void signedOut(Actor actor) {
		audit.success(actor, AuditAction.IDENTITY_SSO_SIGN_OUT, null, RECORD_TYPE, actor.id().value());
	}

	private Actor signedIn(UserAccount account, ProviderIdentity who) {
		if (who.decidesRole() && account.role() != who.role()) {
			account.takeProviderRole(who.role());
			account = accounts.save(account);
			audit.success(account.actor(), AuditAction.IDENTITY_SSO_ROLE_CHANGE, null, RECORD_TYPE, account.id());
		}
		audit.success(account.actor(), AuditAction.IDENTITY_SSO_SIGN_IN, null, RECORD_TYPE, account.id());
		return account.actor();
	}

	private SingleSignOnRefusal refuse(UserAccount account, String reason) {
		audit.failed(account == null ? Actor.ANONYMOUS : account.actor(), AuditAction.IDENTITY_SSO_SIGN_IN, null, RECORD_TYPE,
				account == null ? null : account.id());
		return new SingleSignOnRefusal(reason);
	}

	private Optional<UserAccount> linkedAccount(String issuer, String subject) {
		return jdbc.sql("SELECT account_id FROM identity.sso_link WHERE issuer = ? AND subject = ?").params(issuer, subject)
			.query(UUID.class).optional().flatMap(accounts::findById);
	}

	private boolean isLinked(String issuer, UUID accountId) {
		return jdbc.sql("SELECT count(*) FROM identity.sso_link WHERE issuer = ? AND account_id = ?").params(issuer, accountId)
			.query(Long.class).single() > 0;
	}

	private void link(ProviderIdentity who, UserAccount account) {
		jdbc.sql("INSERT INTO identity.sso_link (issuer, subject, account_id, linked_at) VALUES (?, ?, ?, ?)")
			.params(who.issuer(), who.subject(), account.id(), Timestamp.from(clock.instant()))
			.update();
	}
}
