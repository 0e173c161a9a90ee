package org.consilium.identity;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * What an administrator does to another account: a one-time password or a reset link, unlocking after failed
 * sign-ins, deactivating and reactivating, changing the role and specialty, removing the second factor. Each action is
 * audited against the account ({@code identity.account.*}, record type {@code UserAccount}, no case): SUCCESS in the
 * action's transaction, FAILED on its own when it is refused. Deactivating, a role change and a one-time password end
 * the account's sessions at their next request ({@link AccountStateFilter}); deactivating publishes
 * {@link AccountDeactivated}. Nothing is deleted: a deactivated account keeps its row, its cases and its trail.
 *
 * <p>Errors, for every method: {@link ForbiddenActionException} (problem type {@code forbidden-action}, 403) for an
 * actor who is not an administrator, and for an administrator acting on their own account where that would lock them
 * out; {@link NotFoundException} (404) for an unknown account; {@link InvalidInputException} (422) when the rule named
 * in the method is broken. Nothing changes then.
 */
@Service
@Transactional
public class AccountAdministration {

	private static final String RECORD_TYPE = "UserAccount";

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInLimits limits;

	private final SecondFactors secondFactors;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final AccountLinkSettings links;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final IdentityManagement identity;

	private final Clock clock;

	AccountAdministration(UserAccountRepository accounts, PasswordEncoder passwordEncoder, SignInLimits limits,
			SecondFactors secondFactors, AccountTokens tokens, AccountMail mail, AccountLinkSettings links,
			ApplicationEventPublisher events, AuditLog audit, IdentityManagement identity, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.limits = limits;
		this.secondFactors = secondFactors;
		this.tokens = tokens;
		this.mail = mail;
		this.links = links;
		this.events = events;
		this.audit = audit;
		this.identity = identity;
		this.clock = clock;
	}

	/** The account with its state, for its administration page. */
	@Transactional(readOnly = true)
	public AccountState state(Actor admin, UserId id) {
		requireAdministrator(admin);
		return state(load(id));
	}

	/** The accounts that need an administrator: held back by failed sign-ins, or deactivated; by name. */
	@Transactional(readOnly = true)
	public List<AccountState> needingAttention(Actor admin) {
		requireAdministrator(admin);
		List<UserAccount> deactivated = accounts.findDeactivated();
		List<UserAccount> active = accounts.findAll().stream().filter(a -> a.deactivatedAt() == null).toList();
		Set<String> held = Set.copyOf(limits.limited(active.stream().map(a -> a.view().email()).toList()));
		Stream<UserAccount> locked = active.stream().filter(a -> held.contains(a.view().email()));
		return Stream.concat(locked, deactivated.stream()).map(this::state)
			.sorted(Comparator.comparing((AccountState s) -> s.account().displayName())).toList();
	}

	/**
	 * Gives the account a new one-time password, shown once to the administrator and to be changed at the next
	 * sign-in; the account's sessions end and its failed sign-ins are forgotten.
	 * @return the one-time password
	 */
	public String resetPassword(Actor admin, UserId id) {
		String[] password = new String[1];
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_PASSWORD_RESET, account -> {
			password[0] = IdentityManagement.oneTimePassword();
			account.resetPassword(passwordEncoder.encode(password[0]), clock.instant());
			limits.unlock(account.view().email());
		});
		return password[0];
	}

	/**
	 * Sends the account's owner a password reset link (the same single-use link as "Forgot your password?").
	 * @throws InvalidInputException when e-mail is off ({@link AccountMail#delivers()}): give a one-time password instead
	 */
	public void sendResetLink(Actor admin, UserId id) {
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_RESET_LINK, account -> {
			if (!mail.delivers()) {
				throw new InvalidInputException("E-mail is not set up here, so no link can arrive. Give a one-time password instead.");
			}
			String token = tokens.issue(account.id(), AccountMail.Purpose.RESET_PASSWORD, clock.instant(), links.passwordResetValidity());
			mail.send(account.view(), AccountMail.Purpose.RESET_PASSWORD, "/account/reset/new?token=" + token);
		});
	}

	/** Forgets the account's failed sign-ins (password and second-factor codes) from every origin. */
	public void unlock(Actor admin, UserId id) {
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_UNLOCK, account -> limits.unlock(account.view().email()));
	}

	/**
	 * Deactivates the account: it cannot sign in, and its sessions end at their next request. A specialist's open
	 * cases go back to the coordinators' queue and their unsigned draft opinions are voided ({@link AccountDeactivated}).
	 * @throws InvalidInputException without a reason, or for an account that is deactivated already
	 * @throws ForbiddenActionException for the administrator's own account, or the last active administrator
	 */
	public void deactivate(Actor admin, UserId id, String reason) {
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_DEACTIVATE, account -> {
			if (reason == null || reason.isBlank() || reason.length() > 500) {
				throw new InvalidInputException("Say why the account is deactivated (at most 500 characters).");
			}
			if (account.deactivatedAt() != null) {
				throw new InvalidInputException("This account is deactivated already.");
			}
			notOwnAccount(admin, account);
			keepAnAdministrator(account);
			account.deactivate(admin.id().value(), reason.strip(), clock.instant());
			events.publishEvent(new AccountDeactivated(new UserId(account.id()), account.role(), admin.id(), clock.instant()));
		});
	}

	/**
	 * Lets a deactivated account sign in again. Cases taken from a specialist stay with whoever has them now.
	 * @throws InvalidInputException for an account that is active
	 */
	public void reactivate(Actor admin, UserId id) {
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_REACTIVATE, account -> {
			if (account.deactivatedAt() == null) {
				throw new InvalidInputException("This account is active.");
			}
			account.reactivate();
		});
	}

	/**
	 * Changes the role and, for a specialist, the specialty (a NUCC taxonomy code from {@link Specialty}); the account's
	 * sessions end so that the next sign-in carries the new role.
	 * @throws InvalidInputException for a specialist without a known specialty, or a change to or from the patient role
	 *         (patients register or are invited)
	 * @throws ForbiddenActionException for the administrator's own account, or the last active administrator
	 */
	public void changeRole(Actor admin, UserId id, Role role, String specialtyCode) {
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_ROLE_CHANGE, account -> {
			if (role == null || role == Role.PATIENT || account.role() == Role.PATIENT) {
				throw new InvalidInputException("Choose a staff role; a patient's account keeps its role.");
			}
			if (role == Role.SPECIALIST && identity.specialty(specialtyCode).isEmpty()) {
				throw new InvalidInputException("Choose the specialist's specialty from the list.");
			}
			notOwnAccount(admin, account);
			if (role != Role.ADMIN) {
				keepAnAdministrator(account);
			}
			account.changeRole(role, specialtyCode, clock.instant());
		});
	}

	/**
	 * Removes the account's second factor and recovery codes, for a lost phone; the owner sets one up again at the next
	 * sign-in when their role requires one. The account's sessions end.
	 */
	public void resetSecondFactor(Actor admin, UserId id) {
		act(admin, id, AuditAction.IDENTITY_ACCOUNT_SECOND_FACTOR_RESET, account -> {
			secondFactors.remove(account.id());
			account.endSessions(clock.instant());
		});
	}

	private void act(Actor admin, UserId id, AuditAction action, Consumer<UserAccount> change) {
		requireAdministrator(admin);
		audit.recordingFailures(admin, action, null, RECORD_TYPE, () -> {
			UserAccount account = load(id);
			change.accept(account);
			accounts.save(account);
			return account;
		});
		audit.success(admin, action, null, RECORD_TYPE, id.value());
	}

	private AccountState state(UserAccount account) {
		return new AccountState(account.view(), limits.isLimited(account.view().email()), account.deactivatedAt(),
				account.deactivationReason(), secondFactors.isEnrolled(account.id()));
	}

	private UserAccount load(UserId id) {
		return accounts.findById(id == null ? new UUID(0, 0) : id.value()).orElseThrow(NotFoundException::new);
	}

	private static void requireAdministrator(Actor admin) {
		if (!admin.is(Role.ADMIN) || admin.isSystem()) {
			throw new ForbiddenActionException("Only an administrator manages accounts.");
		}
	}

	private static void notOwnAccount(Actor admin, UserAccount account) {
		if (admin.id().value().equals(account.id())) {
			throw new ForbiddenActionException("You cannot do this to your own account; ask another administrator.");
		}
	}

	private void keepAnAdministrator(UserAccount account) {
		if (account.role() == Role.ADMIN && account.deactivatedAt() == null && accounts.countActiveAdministrators() <= 1) {
			throw new ForbiddenActionException("This is the last active administrator; make another one first.");
		}
	}
}
