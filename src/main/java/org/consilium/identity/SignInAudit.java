package org.consilium.identity;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;

/**
 * The audit rows of signing in and out ({@link AuditAction#IDENTITY_SIGN_IN}, {@link AuditAction#IDENTITY_SIGN_IN_LIMITED},
 * {@link AuditAction#IDENTITY_SIGN_OUT}), without a case. A failure or refusal for an existing account is recorded
 * against that account (its id and role); for an address without an account the row names nobody (role
 * {@value #NOBODY}): neither the typed address nor the password is stored anywhere.
 */
@Component
class SignInAudit {

	static final String NOBODY = "ANONYMOUS";

	private static final String RECORD_TYPE = "UserAccount";

	private final AuditLog audit;

	private final UserAccountRepository accounts;

	SignInAudit(AuditLog audit, UserAccountRepository accounts) {
		this.audit = audit;
		this.accounts = accounts;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void signedIn(Actor actor) {
		audit.success(actor.userId(), actor.role().name(), AuditAction.IDENTITY_SIGN_IN.code(), null, RECORD_TYPE, actor.userId());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void signedOut(Actor actor) {
		audit.success(actor.userId(), actor.role().name(), AuditAction.IDENTITY_SIGN_OUT.code(), null, RECORD_TYPE, actor.userId());
	}

	/** A wrong password, an unknown address or a disabled account. */
	void failed(String username) {
		UserAccount account = account(username);
		UUID id = account == null ? null : account.id();
		audit.failed(id, account == null ? NOBODY : account.role().name(), AuditAction.IDENTITY_SIGN_IN.code(), null, RECORD_TYPE, id);
	}

	/** An attempt refused with 429 before the password was checked. */
	void limited(String username) {
		UserAccount account = account(username);
		UUID id = account == null ? null : account.id();
		audit.denied(id, account == null ? NOBODY : account.role().name(), AuditAction.IDENTITY_SIGN_IN_LIMITED.code(), null, RECORD_TYPE, id);
	}

	private UserAccount account(String username) {
		return accounts.findByEmail(UserAccount.normalize(username)).orElse(null);
	}
}
