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

import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;

/**
 * Accounts: self-registration of patients, invitations, staff accounts created by an administrator, password
 * changes and look-ups other modules need (specialists by specialty, a user's display name).
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

	IdentityManagement(UserAccountRepository accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.clock = clock;
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
	 * A referring physician, coordinator or administrator invites a patient, who receives a one-time password.
	 * @throws ForbiddenActionException when a patient or specialist tries it
	 */
	public CreatedAccount invitePatient(Actor by, String email, String displayName, String preferredLanguage) {
		if (!(by.is(Role.REFERRING_PHYSICIAN) || by.is(Role.COORDINATOR) || by.is(Role.ADMIN))) {
			throw new ForbiddenActionException("Only a referring physician, coordinator or administrator invites patients.");
		}
		return createWithOneTimePassword(email, displayName, Role.PATIENT, null, preferredLanguage);
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
	 * Changes the actor's password; clears the one-time flag.
	 * @throws InvalidInputException when the current password is wrong or the new one is too short or unchanged
	 */
	public void changePassword(Actor actor, String currentPassword, String newPassword) {
		UserAccount account = accounts.findById(actor.userId()).orElseThrow(() -> new InvalidInputException("Unknown account."));
		if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
			throw new InvalidInputException("The current password is not correct.");
		}
		checkPassword(newPassword);
		if (newPassword.equals(currentPassword)) {
			throw new InvalidInputException("Choose a new password that differs from the current one.");
		}
		account.changePassword(passwordEncoder.encode(newPassword));
		accounts.save(account);
	}

	/**
	 * Changes the actor's own name and preferred language (an IETF language tag such as {@code de} or {@code pt-BR}).
	 * @throws InvalidInputException for a blank name or a malformed language tag
	 */
	public UserView updateProfile(Actor actor, String displayName, String preferredLanguage) {
		UserAccount account = accounts.findById(actor.userId()).orElseThrow(() -> new InvalidInputException("Unknown account."));
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

	@Transactional(readOnly = true)
	public Optional<UserView> findUser(UUID id) {
		return id == null ? Optional.empty() : accounts.findById(id).map(UserAccount::view);
	}

	@Transactional(readOnly = true)
	public Optional<UserView> findByEmail(String email) {
		return accounts.findByEmail(UserAccount.normalize(email)).map(UserAccount::view);
	}

	/** Display name for timelines; "(unknown)" for a missing id. */
	@Transactional(readOnly = true)
	public String displayName(UUID id) {
		return findUser(id).map(UserView::displayName).orElse("(unknown)");
	}

	@Transactional(readOnly = true)
	public List<UserView> specialists(String specialtyCode) {
		return accounts.findSpecialists(specialtyCode).stream().map(UserAccount::view).toList();
	}

	@Transactional(readOnly = true)
	public List<UserView> usersWithRole(Role role) {
		return accounts.findByRoleOrderByDisplayName(role).stream().map(UserAccount::view).toList();
	}

	@Transactional(readOnly = true)
	public List<UserView> allUsers() {
		return accounts.findAll().stream().map(UserAccount::view)
			.sorted(java.util.Comparator.comparing(UserView::role).thenComparing(UserView::displayName)).toList();
	}

	@Transactional(readOnly = true)
	public List<Specialty> specialties() {
		return jdbc.sql("SELECT code, display FROM identity.specialty ORDER BY display").query(Specialty.class).list();
	}

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
		String normalized = UserAccount.normalize(email);
		if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidInputException("Enter a valid e-mail address.");
		}
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidInputException("Enter a name.");
		}
		if (accounts.findByEmail(normalized).isPresent()) {
			throw new InvalidInputException("An account with this e-mail address exists already.");
		}
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
