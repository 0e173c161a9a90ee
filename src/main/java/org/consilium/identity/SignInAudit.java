package org.consilium.identity;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;

/**
 * The audit rows of signing in and out ({@link AuditAction#IDENTITY_SIGN_IN}, {@link AuditAction#IDENTITY_SIGN_IN_LIMITED},
 * {@link AuditAction#IDENTITY_SIGN_OUT}), without a case. A failure or refusal for an existing account is recorded
 * against that account (its id and role); for an address without an account the row names nobody
 * ({@link Actor#ANONYMOUS}, role {@code ANONYMOUS}): neither the typed address nor the password is stored anywhere.
 */
@Component
class SignInAudit {

	private static final String RECORD_TYPE = "UserAccount";

	private final AuditLog audit;

	private final UserAccountRepository accounts;

	SignInAudit(AuditLog audit, UserAccountRepository accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void signedIn(Actor actor) {
		audit.success(actor, AuditAction.IDENTITY_SIGN_IN, null, RECORD_TYPE, actor.id().value());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void signedOut(Actor actor) {
		audit.success(actor, AuditAction.IDENTITY_SIGN_OUT, null, RECORD_TYPE, actor.id().value());
	}

	/** A wrong password, an unknown address or a disabled account. */
	void failed(String username) {
		UserAccount account = account(username);
		audit.failed(account == null ? Actor.ANONYMOUS : account.actor(), AuditAction.IDENTITY_SIGN_IN, null, RECORD_TYPE,
				account == null ? null : account.id());
	}

	/** An attempt refused with 429 before the password was checked. */
	void limited(String username) {
		UserAccount account = account(username);
		audit.denied(account == null ? Actor.ANONYMOUS : account.actor(), AuditAction.IDENTITY_SIGN_IN_LIMITED, null, RECORD_TYPE,
				account == null ? null : account.id());
	}

	private UserAccount account(String username) {
		return accounts.findByEmail(UserAccount.normalize(username)).orElse(null);
	}
}
