package org.consilium.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import org.consilium.shared.Actor;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * A local account. The e-mail is stored lower-cased and is the login name. A one-time password (first
 * administrator, staff created by an admin, invited patients, demo accounts) must be changed at first login.
 * Specialists carry a specialty code from {@link Specialty}. An account made at a first single sign-on has no password
 * and, until the provider maps a role or an administrator grants one, no role.
 */
@Table(schema = "identity", name = "user_account")
class UserAccount {

	@Id
	private final UUID id;

	@Version
	private Integer version;

	private final String email;

	private String displayName;

	private String passwordHash;

	private Role role;

	private String specialtyCode;

	private String preferredLanguage;

	private boolean mustChangePassword;

	private final Instant createdAt;

	private boolean active;

	private Instant deactivatedAt;

	private UUID deactivatedBy;

	private String deactivationReason;

	private Instant sessionsValidAfter;

	@PersistenceCreator
	UserAccount(UUID id, Integer version, String email, String displayName, String passwordHash, Role role,
			String specialtyCode, String preferredLanguage, boolean mustChangePassword, Instant createdAt, boolean active,
			Instant deactivatedAt, UUID deactivatedBy, String deactivationReason, Instant sessionsValidAfter) {
		this.id = id;
		this.version = version;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.specialtyCode = specialtyCode;
		this.preferredLanguage = preferredLanguage;
		this.mustChangePassword = mustChangePassword;
		this.createdAt = createdAt;
		this.active = active;
		this.deactivatedAt = deactivatedAt;
		this.deactivatedBy = deactivatedBy;
		this.deactivationReason = deactivationReason;
		this.sessionsValidAfter = sessionsValidAfter;
	}

	static UserAccount create(String email, String displayName, String passwordHash, Role role, String specialtyCode,
			String preferredLanguage, boolean oneTimePassword, Instant now) {
		return new UserAccount(UUID.randomUUID(), null, normalize(email), displayName.strip(), passwordHash, role,
				specialtyCode, preferredLanguage, oneTimePassword, now, true, null, null, null, null);
	}

	/** A self-registered patient whose address is not verified yet: cannot sign in until {@link #activate()}. */
	static UserAccount createInactive(String email, String displayName, String passwordHash, String preferredLanguage, Instant now) {
		return new UserAccount(UUID.randomUUID(), null, normalize(email), displayName.strip(), passwordHash, Role.PATIENT, null,
				preferredLanguage, false, now, false, null, null, null, null);
	}

	/** An account for a provider's user seen for the first time: no local password; {@code role} may be null. */
	static UserAccount createForSingleSignOn(String email, String displayName, Role role, Instant now) {
		return new UserAccount(UUID.randomUUID(), null, normalize(email), displayName.strip(), null, role, null, "en", false, now, true, null, null, null, null);
	}

	/** The role the provider's claim decides at a sign-on; null takes the role away. */
	void takeProviderRole(Role providerRole) {
		this.role = providerRole;
	}

	/** The owner proved the address (verification link or password reset link). */
	void activate() {
		this.active = true;
	}

	static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.mustChangePassword = false;
	}

	void updateProfile(String displayName, String preferredLanguage) {
		this.displayName = displayName.strip();
		this.preferredLanguage = preferredLanguage;
	}

	/**
	 * The principal of a sign-in at {@code now}; a deactivated account is not enabled (the generic sign-in failure). After
	 * a one-time password the change comes first, and the second factor at the sign-in with the new password.
	 */
	ConsiliumUser toPrincipal(Instant now, boolean enrolled, boolean required) {
		ConsiliumUser.Pending pending = mustChangePassword ? ConsiliumUser.Pending.NOTHING
				: enrolled ? ConsiliumUser.Pending.SECOND_FACTOR : required ? ConsiliumUser.Pending.ENROLMENT : ConsiliumUser.Pending.NOTHING;
		return new ConsiliumUser(actor(), email, passwordHash, mustChangePassword, active && deactivatedAt == null, now, pending);
	}

	/**
	 * An administrator ended the account: it cannot sign in and its sessions end at their next request. The row, its
	 * cases and its audit trail stay.
	 */
	void deactivate(UUID by, String reason, Instant now) {
		this.deactivatedAt = now;
		this.deactivatedBy = by;
		this.deactivationReason = reason;
		this.sessionsValidAfter = now;
	}

	void reactivate() {
		this.deactivatedAt = null;
		this.deactivatedBy = null;
		this.deactivationReason = null;
	}

	/** A new role (and the specialty a specialist needs, none for other roles); sessions signed in before now end. */
	void changeRole(Role newRole, String newSpecialtyCode, Instant now) {
		this.role = newRole;
		this.specialtyCode = newRole == Role.SPECIALIST ? newSpecialtyCode : null;
		this.sessionsValidAfter = now;
	}

	/** An administrator set a one-time password: it must be changed at the next sign-in; sessions before now end. */
	void resetPassword(String oneTimeHash, Instant now) {
		this.passwordHash = oneTimeHash;
		this.mustChangePassword = true;
		this.sessionsValidAfter = now;
	}

	/** Sessions signed in before now end at their next request. */
	void endSessions(Instant now) {
		this.sessionsValidAfter = now;
	}

	/** Whether a session signed in at {@code signedInAt} may go on: the account is not deactivated and nothing ended it. */
	boolean admitsSessionFrom(Instant signedInAt) {
		return deactivatedAt == null && (sessionsValidAfter == null || signedInAt == null || !signedInAt.isBefore(sessionsValidAfter));
	}

	Instant deactivatedAt() {
		return deactivatedAt;
	}

	String deactivationReason() {
		return deactivationReason;
	}

	Actor actor() {
		return new Actor(new UserId(id), role, displayName);
	}

	UserView view() {
		return new UserView(new UserId(id), email, displayName, role, specialtyCode, preferredLanguage);
	}

	UUID id() {
		return id;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}
}
