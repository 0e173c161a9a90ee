package org.consilium.shared;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: the signed-in user's account id and role. Every facade method that touches a case takes one,
 * so access is decided in the module, not only in the controller; the audit trail records it.
 *
 * @param id the account
 * @param role the account's role
 * @param displayName the name shown to colleagues (never written to logs or the audit trail)
 */
public record Actor(UserId id, Role role, String displayName) {

	/**
	 * The system actor, for start-up and background work (seeding, rankings computed after a change), never for a
	 * user's request. It has no account; the audit trail records its role as {@code SYSTEM}.
	 */
	public static final Actor SYSTEM = new Actor(new UserId(new UUID(0, 0)), Role.ADMIN, "Consilium");

	/**
	 * Someone not signed in, for the audit of a refused sign-in with an address that has no account: no id, no role;
	 * the audit trail records the role as {@code ANONYMOUS}. Never passed to a use case.
	 */
	/** The audit role of an {@link #externalReader}. */
	public static final String EXTERNAL_ROLE = "EXTERNAL";

	public static final Actor ANONYMOUS = new Actor(null, null, "Unknown");

	/**
	 * Someone outside the program who reads what the patient sent them through a link (a treating or referring physician,
	 * issue #12): no account and no role; {@code linkId} is the link's id, which the audit trail records as the actor with
	 * the role {@code EXTERNAL}. What they may read is decided by the grants behind {@code intake.ExternalReaders}.
	 */
	public static Actor externalReader(java.util.UUID linkId, String displayName) {
		return new Actor(new UserId(linkId), null, displayName);
	}

	/** True for an {@link #externalReader}. */
	public boolean isExternalReader() {
		return role == null && id != null;
	}

	/**
	 * The actor of the current request.
	 * @throws NotFoundException when nobody is signed in (answered as 404 like any unreachable case)
	 */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ActingPrincipal principal) {
			return principal.actor();
		}
		throw new NotFoundException();
	}

	public boolean is(Role r) {
		return role == r;
	}

	/** True for {@link #SYSTEM}. */
	public boolean isSystem() {
		return SYSTEM.id.equals(id);
	}

	/**
	 * The role as the audit trail records it: the role's name, {@code SYSTEM} for {@link #SYSTEM}, {@code EXTERNAL} for
	 * an {@link #externalReader} or {@code ANONYMOUS} for {@link #ANONYMOUS}.
	 */
	public String auditRole() {
		return isSystem() ? "SYSTEM" : isExternalReader() ? EXTERNAL_ROLE : role == null ? "ANONYMOUS" : role.name();
	}
}
