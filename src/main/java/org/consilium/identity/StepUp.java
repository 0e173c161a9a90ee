package org.consilium.identity;

import java.time.Clock;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * Step-up: signing an opinion and an administrator's action on another account need a confirmation of who acts that is
 * at most {@link SecondFactorSettings#stepUpAfter()} old (5 minutes by default). The time of the last one is the
 * session's {@link ConsiliumUser#authenticatedAt()}: the sign-in (with its second factor), or the last confirmation
 * here. A confirmation is the password, or a code from the second factor when one is set up; wrong ones count like wrong
 * passwords ({@link SignInLimits}). Audited as {@code identity.step-up} (SUCCESS or FAILED), without a case.
 */
@Service
@Transactional
public class StepUp {

	private static final String RECORD_TYPE = "UserAccount";

	private final SecondFactorSettings settings;

	private final UserAccountRepository accounts;

	private final SecondFactors factors;

	private final PasswordEncoder passwordEncoder;

	private final SignInLimits limits;

	private final AuditLog audit;

	private final Clock clock;

	private final SecondFactorManagement secondFactorManagement;

	StepUp(SecondFactorSettings settings, UserAccountRepository accounts, SecondFactors factors, PasswordEncoder passwordEncoder,
			SignInLimits limits, AuditLog audit, Clock clock, SecondFactorManagement secondFactorManagement) {
		this.secondFactorManagement = secondFactorManagement;
		this.settings = settings;
		this.accounts = accounts;
		this.factors = factors;
		this.passwordEncoder = passwordEncoder;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the current request's authentication is too old for a step that needs a recent one. */
	@Transactional(readOnly = true)
	public boolean isRequired() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		java.time.Instant at = auth == null ? null : authenticatedAt(auth.getPrincipal());
		return at == null || at.plus(settings.stepUpAfter()).isBefore(clock.instant());
	}

	/**
	 * When the principal last proved who they are: a local sign-in or confirmation, or, for a single sign-on, the time the
	 * provider authenticated them (the ID token's {@code auth_time}, else its issue time; OpenID Connect Core 1.0
	 * section 2). A single sign-on user refreshes it by signing in again at the provider.
	 */
	static java.time.Instant authenticatedAt(Object principal) {
		if (principal instanceof ConsiliumUser user) {
			return user.authenticatedAt();
		}
		if (principal instanceof SingleSignOnUser sso) {
			return sso.getAuthenticatedAt() != null ? sso.getAuthenticatedAt() : sso.getIssuedAt();
		}
		return null;
	}

	/** Whether the current user signed in through single sign-on (they confirm by signing in again at the provider). */
	public boolean isSingleSignOn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SingleSignOnUser;
	}

	/**
	 * For JSON endpoints: goes on only after a recent confirmation.
	 * @throws StepUpRequiredException (problem type {@code step-up-required}, 401) otherwise
	 */
	public void require() {
		if (isRequired()) {
			throw new StepUpRequiredException();
		}
	}

	/**
	 * Confirms who the actor is with a code from their second factor when one is given, else their password.
	 * @throws InvalidInputException when it is not correct (counted like a wrong password), or after too many attempts
	 */
	public void confirm(Actor actor, String password, String code, String origin) {
		UserAccount account = accounts.findById(actor.id().value()).orElseThrow(NotFoundException::new);
		String email = account.view().email();
		secondFactorManagement.checkLimits(account, origin);
		boolean right = code != null && !code.isBlank() ? factors.verify(account.id(), code).isPresent()
				: password != null && !password.isEmpty() && passwordEncoder.matches(password, account.passwordHash());
		if (!right) {
			limits.failed(email, origin);
			audit.failed(actor, AuditAction.IDENTITY_STEP_UP, null, RECORD_TYPE, account.id());
			throw new InvalidInputException("The password or code is not correct.");
		}
		limits.succeeded(email, origin);
		audit.success(actor, AuditAction.IDENTITY_STEP_UP, null, RECORD_TYPE, account.id());
	}

	/** Whether the actor can confirm with a code (has a second factor). */
	@Transactional(readOnly = true)
	public boolean offersCode(Actor actor) {
		return factors.isEnrolled(actor.id().value());
	}
}
