package org.consilium.identity;

import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.ActingPrincipal;
import org.consilium.shared.Actor;

/**
 * The audit rows of signing in and out ({@link AuditAction#IDENTITY_SIGN_IN}, {@link AuditAction#IDENTITY_SIGN_IN_LIMITED},
 * {@link AuditAction#IDENTITY_SIGN_OUT}, {@link AuditAction#IDENTITY_SESSION_EXPIRED}), without a case. A failure or refusal for an existing account is recorded
 * against that account (its id and role); for an address without an account the row names nobody
 * ({@link Actor#ANONYMOUS}, role {@code ANONYMOUS}): neither the typed address nor the password is stored anywhere.
 */
@Component
class SignInAudit {

	private static final String RECORD_TYPE = "UserAccount";

	/** Set on a session its user signs out of, so that its end is not also audited as an expiry. */
	static final String SIGNED_OUT = SignInAudit.class.getName() + ".SIGNED_OUT";

	private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

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

	/** Marks a session its user signs out of, so that its end is audited as the sign-out only. */
	static void markSignedOut(HttpSession session) {
		if (session != null) {
			session.setAttribute(SIGNED_OUT, Boolean.TRUE);
		}
	}

	/**
	 * A signed-in session that ends without its user signing out: the idle timeout (or the container shutting down),
	 * audited against the account. Published by Spring Security's {@code HttpSessionEventPublisher}, on the container's
	 * thread; when the audit cannot be written (the database is away) it is logged without any detail of the user.
	 */
	@EventListener
	void sessionEnded(HttpSessionDestroyedEvent event) {
		if (event.getSession().getAttribute(SIGNED_OUT) != null) {
			return;
		}
		for (SecurityContext context : event.getSecurityContexts()) {
			if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof ActingPrincipal user) {
				try {
					audit.successOnItsOwn(user.actor(), AuditAction.IDENTITY_SESSION_EXPIRED, null, RECORD_TYPE, user.actor().id().value());
				}
				catch (RuntimeException e) {
					log.warn("The end of an idle session could not be audited: {}", e.getClass().getSimpleName());
				}
			}
		}
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
