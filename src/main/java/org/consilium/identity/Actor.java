package org.consilium.identity;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.consilium.shared.NotFoundException;

/**
 * Who is acting: the signed-in user's account id and role. Every facade method that touches a case takes one,
 * so access is decided in the module, not only in the controller.
 */
public record Actor(UUID userId, Role role, String displayName) {

	/** A system actor for start-up work (seeding), never for a user's request. */
	public static final Actor SYSTEM = new Actor(new UUID(0, 0), Role.ADMIN, "Consilium");

	/**
	 * The actor of the current request.
	 * @throws NotFoundException when nobody is signed in (answered as 404 like any unreachable case)
	 */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ConsiliumUser user) {
			return user.actor();
		}
		throw new NotFoundException();
	}

	public boolean is(Role r) {
		return role == r;
	}
}
