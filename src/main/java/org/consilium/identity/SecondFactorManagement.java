package org.consilium.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * The second factor of local accounts ({@link SecondFactors}: TOTP, RFC 6238, with recovery codes): enrolment with a QR
 * code and the secret as text, the code at sign-in, and the authentication that follows. Wrong codes count like wrong
 * passwords in the {@link SignInLimits} of the account and the client's address, and an attempt the limits refuse is
 * not checked at all. Audited without a case: {@code identity.second-factor.enrol}, {@code identity.second-factor}
 * (SUCCESS or FAILED) and {@code identity.second-factor.recovery-code}.
 *
 * <p>Errors: {@link InvalidInputException} (problem type {@code invalid-input}, 422) for a wrong, reused or malformed
 * code, and for too many attempts (the message says when to try again); nothing changes then.
 */
@Service
@Transactional
public class SecondFactorManagement {

	private static final String RECORD_TYPE = "UserAccount";

	private final SecondFactors factors;

	private final UserAccountRepository accounts;

	private final SignInLimits limits;

	private final AuditLog audit;

	private final Clock clock;

	SecondFactorManagement(SecondFactors factors, UserAccountRepository accounts, SignInLimits limits, AuditLog audit, Clock clock) {
		this.factors = factors;
		this.accounts = accounts;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What the enrolment page shows: the secret as text (Base32, for typing into an app), the {@code otpauth://} URI
	 * and its QR code as inline SVG.
	 */
	public record Enrolment(String secret, String uri, String qrSvg) {
	}

	/** Whether the actor has set up a second factor, and how many recovery codes are left. */
	@Transactional(readOnly = true)
	public Optional<Integer> recoveryCodesLeft(Actor actor) {
		return factors.isEnrolled(actor.id().value()) ? Optional.of(factors.recoveryCodesLeft(actor.id().value())) : Optional.empty();
	}

	/**
	 * The actor's enrolment: the same secret until it is confirmed.
	 * @throws InvalidInputException when a second factor is set up already (an administrator removes it first)
	 */
	public Enrolment enrolment(Actor actor) {
		UserAccount account = account(actor);
		if (factors.isEnrolled(account.id())) {
			throw new InvalidInputException("A second factor is set up already. An administrator can remove it, for a lost phone.");
		}
		SecondFactors.Enrolment e = factors.pendingEnrolment(account.id(), account.view().email());
		return new Enrolment(e.secret(), e.uri(), QrCodeSvg.of(e.uri(), "QR code for your authenticator app"));
	}

	/**
	 * Confirms the enrolment with the first code from the app.
	 * @return the recovery codes, shown once
	 * @throws InvalidInputException for a wrong code (counted like a wrong password) or too many attempts
	 */
	public List<String> confirmEnrolment(Actor actor, String code, String origin) {
		UserAccount account = account(actor);
		checkLimits(account, origin);
		Optional<List<String>> recovery = factors.confirm(account.id(), code);
		if (recovery.isEmpty()) {
			failed(account, origin, AuditAction.IDENTITY_SECOND_FACTOR_ENROL);
		}
		limits.succeeded(account.view().email(), origin);
		audit.success(actor, AuditAction.IDENTITY_SECOND_FACTOR_ENROL, null, RECORD_TYPE, account.id());
		return recovery.get();
	}

	/**
	 * Checks a code from the app, or a recovery code (which is then used up), for the actor's second factor.
	 * @throws InvalidInputException for a wrong or reused code (counted like a wrong password) or too many attempts
	 */
	public void verify(Actor actor, String code, String origin) {
		UserAccount account = account(actor);
		checkLimits(account, origin);
		SecondFactors.Kind kind = factors.verify(account.id(), code).orElse(null);
		if (kind == null) {
			failed(account, origin, AuditAction.IDENTITY_SECOND_FACTOR);
		}
		limits.succeeded(account.view().email(), origin);
		audit.success(actor, kind == SecondFactors.Kind.RECOVERY_CODE ? AuditAction.IDENTITY_RECOVERY_CODE : AuditAction.IDENTITY_SECOND_FACTOR,
				null, RECORD_TYPE, account.id());
	}

	/**
	 * The authentication that follows a proved second factor or step-up: the same user with nothing pending, authenticated
	 * now ({@link ConsiliumUser#authenticatedAt()}).
	 */
	public Authentication authenticatedNow(Authentication current) {
		ConsiliumUser user = ((ConsiliumUser) current.getPrincipal()).authenticatedAgain(clock.instant());
		return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
	}

	/**
	 * Refuses (and audits) an attempt the {@link SignInLimits} hold back for this account from this origin, before any
	 * code or password is checked; step-up uses it too.
	 */
	void checkLimits(UserAccount account, String origin) {
		Optional<Duration> wait = limits.refusal(account.view().email(), origin);
		if (wait.isPresent()) {
			audit.denied(account.actor(), AuditAction.IDENTITY_SIGN_IN_LIMITED, null, RECORD_TYPE, account.id());
			throw new InvalidInputException("Too many wrong attempts. Try again in " + Math.max(1, wait.get().toMinutes() + 1) + " minutes.");
		}
	}

	private void failed(UserAccount account, String origin, AuditAction action) {
		limits.failed(account.view().email(), origin);
		audit.failed(account.actor(), action, null, RECORD_TYPE, account.id());
		throw new InvalidInputException("The code is not correct, or it was used already. Enter the code your app shows now.");
	}

	private UserAccount account(Actor actor) {
		return accounts.findById(actor.id().value()).orElseThrow(NotFoundException::new);
	}
}
