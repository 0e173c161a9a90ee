package org.consilium.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.shared.Actor;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * Accounts: self-registration of patients, invitations, staff accounts created by an administrator, password
 * changes (audited as {@code identity.password.change}, without a case) and look-ups other modules need (specialists
 * by specialty, a user's display name).
 */
@Service
@Transactional
public class IdentityManagement {

	/** Minimum password length, after NIST SP 800-63B §5.1.1 (at least 8; we ask 12 for health data). */
	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final AccountLinkSettings links;

	private final AuditLog audit;

	IdentityManagement(UserAccountRepository accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc, Clock clock,
			AccountTokens tokens, AccountMail mail, AccountLinkSettings links, AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.clock = clock;
		this.tokens = tokens;
		this.mail = mail;
		this.links = links;
	}

	/** A new account and the one-time password to hand over once; it must be changed at first login. */
	public record CreatedAccount(UserView account, String oneTimePassword) {
	}

	/**
	 * An administrator creates a staff account (coordinator, specialist, referring physician, administrator).
	 * @throws ForbiddenActionException when the actor is not an administrator
	 * @throws InvalidInputException when the e-mail is taken, a specialist has no known specialty, or a field is blank
	 */
	public CreatedAccount createStaffAccount(Actor admin, String email, String displayName, Role role,
			String specialtyCode, String preferredLanguage) {
		if (!admin.is(Role.ADMIN)) {
			throw new ForbiddenActionException("Only an administrator creates staff accounts.");
		}
		if (role == Role.PATIENT) {
			throw new InvalidInputException("Patients register themselves or are invited.");
		}
		if (role == Role.SPECIALIST && specialty(specialtyCode).isEmpty()) {
			throw new InvalidInputException("Choose the specialist's specialty from the list.");
		}
		return createWithOneTimePassword(email, displayName, role, role == Role.SPECIALIST ? specialtyCode : null, preferredLanguage);
	}

	/**
	 * A coordinator or administrator makes a patient's account, with a one-time password to hand over. A referring
	 * physician does not: their answer would tell them whether an address has an account; they invite the patient to
	 * accept a draft instead ({@link #inviteToCase}).
	 * @throws ForbiddenActionException for anyone else
	 */
	public CreatedAccount invitePatient(Actor by, String email, String displayName, String preferredLanguage) {
		if (!(by.is(Role.COORDINATOR) || by.is(Role.ADMIN))) {
			throw new ForbiddenActionException("Only a coordinator or administrator makes patients' accounts.");
		}
		return createWithOneTimePassword(email, displayName, Role.PATIENT, null, preferredLanguage);
	}

	/**
	 * Queues the e-mail that invites the patient at {@code email} to accept a draft a referring physician made for them
	 * (intake keeps the invitation). The address is checked for form only and the e-mail is queued whether or not it has
	 * an account, so neither the answer nor the e-mail tells the physician who uses the service (issue #11).
	 * @param linkPath where the invitation is accepted, below the configured base URL
	 * @return the normalised address
	 * @throws InvalidInputException for a malformed address (it depends on the input only)
	 */
	public String inviteToCase(String email, String linkPath) {
		String normalized = checkAddress(email);
		mail.sendInvitation(normalized, linkPath);
		return normalized;
	}

	/**
	 * A patient registers with e-mail and password.
	 * @throws InvalidInputException when the e-mail is taken or the password is shorter than {@value #MIN_PASSWORD_LENGTH}
	 */
	public UserView registerPatient(String email, String displayName, String password, String preferredLanguage) {
		checkNew(email, displayName);
		checkPassword(password);
		UserAccount account = UserAccount.create(email, displayName, passwordEncoder.encode(password), Role.PATIENT,
				null, language(preferredLanguage), false, clock.instant());
		return accounts.save(account).view();
	}

	/**
	 * A patient registers themself. The account stays inactive until the link sent to the address is used
	 * ({@link #verifyEmail}); when e-mail is off ({@link AccountMail#delivers()} false) no link can arrive, so it is active
	 * at once. An address that has an account already changes nothing and gets no e-mail: the caller shows the same
	 * "check your e-mail" answer either way, and the password is hashed on both paths so the timing is alike.
	 * @throws InvalidInputException for a malformed address, a blank name or a password shorter than {@value #MIN_PASSWORD_LENGTH}
	 *         (these depend on the input only, never on whether the address has an account)
	 */
	public void selfRegister(String email, String displayName, String password, String preferredLanguage) {
		String normalized = checkAddressAndName(email, displayName);
		checkPassword(password);
		String hash = passwordEncoder.encode(password);
		if (accounts.findByEmail(normalized).isPresent()) {
			return;
		}
		UserAccount account = UserAccount.createInactive(normalized, displayName, hash, language(preferredLanguage), clock.instant());
		if (!mail.delivers()) {
			account.activate();
			accounts.save(account);
			return;
		}
		UserView saved = accounts.save(account).view();
		String token = tokens.issue(saved.id().value(), AccountMail.Purpose.VERIFY_EMAIL, clock.instant(), links.verificationValidity());
		mail.send(saved, AccountMail.Purpose.VERIFY_EMAIL, "/account/verify?token=" + token);
	}

	/**
	 * Activates the account the verification link belongs to; the link works once.
	 * @throws InvalidInputException when the link is unknown, used or expired (one message for all three)
	 */
	public void verifyEmail(String token) {
		UUID id = tokens.use(token, AccountMail.Purpose.VERIFY_EMAIL, clock.instant()).orElseThrow(IdentityManagement::invalidLink);
		UserAccount account = accounts.findById(id).orElseThrow(IdentityManagement::invalidLink);
		account.activate();
		accounts.save(account);
	}

	/**
	 * Sends a password reset link (valid {@link AccountLinkSettings#passwordResetValidity()}, 30 minutes by default) to
	 * the address when it has an account; for an unknown address nothing is sent and nothing is stored. Returns nothing
	 * either way; the web layer runs it after answering, so neither the answer nor its timing tells the two apart.
	 */
	public void requestPasswordReset(String email) {
		accounts.findByEmail(UserAccount.normalize(email)).ifPresent(account -> {
			String token = tokens.issue(account.id(), AccountMail.Purpose.RESET_PASSWORD, clock.instant(), links.passwordResetValidity());
			mail.send(account.view(), AccountMail.Purpose.RESET_PASSWORD, "/account/reset/new?token=" + token);
		});
	}

	/** Whether a reset link can still be used (to show its form or a clear "expired" message). */
	@Transactional(readOnly = true)
	public boolean isResetLinkValid(String token) {
		return tokens.isValid(token, AccountMail.Purpose.RESET_PASSWORD, clock.instant());
	}

	/**
	 * Sets a new password through a reset link, which then stops working; it also proves the address, so an unverified
	 * account becomes active, and a one-time password need not be changed again.
	 * @throws InvalidInputException when the password is too short (the link stays usable) or the link is unknown,
	 *         used or expired
	 */
	public void resetPassword(String token, String newPassword) {
		checkPassword(newPassword);
		UUID id = tokens.use(token, AccountMail.Purpose.RESET_PASSWORD, clock.instant()).orElseThrow(IdentityManagement::invalidLink);
		UserAccount account = accounts.findById(id).orElseThrow(IdentityManagement::invalidLink);
		account.changePassword(passwordEncoder.encode(newPassword));
		account.activate();
		accounts.save(account);
		auditPasswordChange(account);
	}

	private void auditPasswordChange(UserAccount account) {
		audit.success(account.actor(), AuditAction.IDENTITY_PASSWORD_CHANGE, null, "UserAccount", account.id());
	}

	private static InvalidInputException invalidLink() {
		return new InvalidInputException("This link is not valid any more: it was used already or it expired. Ask for a new one.");
	}

	/**
	 * Changes the actor's password; clears the one-time flag.
	 * @throws InvalidInputException when the current password is wrong or the new one is too short or unchanged
	 */
	public void changePassword(Actor actor, String currentPassword, String newPassword) {
		UserAccount account = accounts.findById(actor.id().value()).orElseThrow(() -> new InvalidInputException("Unknown account."));
		if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
			throw new InvalidInputException("The current password is not correct.");
		}
		checkPassword(newPassword);
		if (newPassword.equals(currentPassword)) {
			throw new InvalidInputException("Choose a new password that differs from the current one.");
		}
		account.changePassword(passwordEncoder.encode(newPassword));
		accounts.save(account);
		auditPasswordChange(account);
	}

	/**
	 * Changes the actor's own name and preferred language (an IETF language tag such as {@code de} or {@code pt-BR}).
	 * @throws InvalidInputException for a blank name or a malformed language tag
	 */
	public UserView updateProfile(Actor actor, String displayName, String preferredLanguage) {
		UserAccount account = accounts.findById(actor.id().value()).orElseThrow(() -> new InvalidInputException("Unknown account."));
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			throw new InvalidInputException("Enter your name (at most 200 characters).");
		}
		String lang = language(preferredLanguage);
		if (java.util.Locale.forLanguageTag(lang).getLanguage().isEmpty()) {
			throw new InvalidInputException("Choose a language from the list.");
		}
		account.updateProfile(displayName, lang);
		return accounts.save(account).view();
	}

	/** Creates the first administrator when none exists; returns its one-time password, or empty. */
	public Optional<CreatedAccount> ensureInitialAdministrator(String email) {
		if (accounts.countAdministrators() > 0) {
			return Optional.empty();
		}
		return Optional.of(createWithOneTimePassword(email, "Administrator", Role.ADMIN, null, "en"));
	}

	/** Creates an account of any role with a one-time password, for demo seeding at start-up only. */
	public CreatedAccount seedAccount(String email, String displayName, Role role, String specialtyCode) {
		return createWithOneTimePassword(email, displayName, role, specialtyCode, "en");
	}

	/** The account with this id (empty for null or an unknown id); a view without the password hash. */
	@Transactional(readOnly = true)
	public Optional<UserView> findUser(UserId id) {
		return id == null ? Optional.empty() : accounts.findById(id.value()).map(UserAccount::view);
	}

	/** The account with this e-mail address, compared case-insensitively after trimming; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<UserView> findByEmail(String email) {
		return accounts.findByEmail(UserAccount.normalize(email)).map(UserAccount::view);
	}

	/** Whether the account exists and is not deactivated (a deactivated one keeps its history but does nothing). */
	@Transactional(readOnly = true)
	public boolean isActive(UserId id) {
		return id != null && accounts.findById(id.value()).filter(a -> a.deactivatedAt() == null).isPresent();
	}

	/** Display name for timelines; "(unknown)" for a missing id. */
	@Transactional(readOnly = true)
	public String displayName(UserId id) {
		return findUser(id).map(UserView::displayName).orElse("(unknown)");
	}

	/** The specialist accounts holding the specialty ({@code specialtyCode}, a NUCC taxonomy code), by name. */
	@Transactional(readOnly = true)
	public List<UserView> specialists(String specialtyCode) {
		return accounts.findSpecialists(specialtyCode).stream().map(UserAccount::view).toList();
	}

	/** Every account with the role, by display name. */
	@Transactional(readOnly = true)
	public List<UserView> usersWithRole(Role role) {
		return accounts.findByRoleOrderByDisplayName(role).stream().map(UserAccount::view).toList();
	}

	/** Every account, by role and then display name, for the administrators' list. */
	@Transactional(readOnly = true)
	public List<UserView> allUsers() {
		return accounts.findAll().stream().map(UserAccount::view)
			.sorted(java.util.Comparator.comparing(UserView::role, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(UserView::displayName)).toList();
	}

	/** The NUCC health care provider taxonomy codes staff specialties and triage use, by display name. */
	@Transactional(readOnly = true)
	public List<Specialty> specialties() {
		return jdbc.sql("SELECT code, display FROM identity.specialty ORDER BY display").query(Specialty.class).list();
	}

	/** The specialty with this NUCC code; empty for a blank or unknown code. */
	@Transactional(readOnly = true)
	public Optional<Specialty> specialty(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT code, display FROM identity.specialty WHERE code = ?").param(code).query(Specialty.class).optional();
	}

	private CreatedAccount createWithOneTimePassword(String email, String displayName, Role role, String specialtyCode, String lang) {
		checkNew(email, displayName);
		String password = oneTimePassword();
		UserAccount account = UserAccount.create(email, displayName, passwordEncoder.encode(password), role, specialtyCode,
				language(lang), true, clock.instant());
		return new CreatedAccount(accounts.save(account).view(), password);
	}

	private void checkNew(String email, String displayName) {
		String normalized = checkAddressAndName(email, displayName);
		if (accounts.findByEmail(normalized).isPresent()) {
			throw new InvalidInputException("An account with this e-mail address exists already.");
		}
	}

	private static String checkAddressAndName(String email, String displayName) {
		String normalized = checkAddress(email);
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidInputException("Enter a name.");
		}
		return normalized;
	}

	private static String checkAddress(String email) {
		String normalized = UserAccount.normalize(email);
		// at most 254 characters (RFC 5321 section 4.5.3.1.3) before the pattern, whose two unbounded runs around the
		// dot would otherwise retry each other on a long address
		if (normalized.length() > 254 || !normalized.matches("[^@\\s]++@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidInputException("Enter a valid e-mail address.");
		}
		return normalized;
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidInputException("Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
	}

	private static String language(String lang) {
		return lang == null || lang.isBlank() ? "en" : lang.strip();
	}

	static String oneTimePassword() {
		char[] chars = new char[16];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(chars);
	}
}
