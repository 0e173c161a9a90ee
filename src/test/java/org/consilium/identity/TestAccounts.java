package org.consilium.identity;

import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/** Creates real accounts for tests and the authentication a request of that account carries. */
@Component
public class TestAccounts {

	private final IdentityManagement identity;

	public TestAccounts(IdentityManagement identity) {
		this.identity = identity;
	}

	/** A new account with a unique e-mail; specialists get Medical Oncology unless a specialty is given. */
	public Actor create(Role role, String specialtyCode) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@test.consilium.local";
		String specialty = role == Role.SPECIALIST ? (specialtyCode == null ? "207RX0202X" : specialtyCode) : null;
		UserView user = identity.seedAccount(email, role.label() + " " + email.substring(0, 8), role, specialty).account();
		return new Actor(user.id(), user.role(), user.displayName());
	}

	public Actor create(Role role) {
		return create(role, null);
	}

	/**
	 * A session of the actor whose last sign-in or confirmation was at {@code authenticatedAt} (for step-up), with
	 * {@code email} as login name; it is stored as the session's security context, as after a real sign-in.
	 */
	public static org.springframework.mock.web.MockHttpSession sessionAuthenticatedAt(Actor actor, String email, java.time.Instant authenticatedAt) {
		ConsiliumUser user = new ConsiliumUser(actor, email, "x", false, true, authenticatedAt, ConsiliumUser.Pending.NOTHING);
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		var session = new org.springframework.mock.web.MockHttpSession();
		session.setAttribute(org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		return session;
	}

	/** The authentication of a signed-in actor whose password is already changed. */
	public static Authentication authentication(Actor actor) {
		ConsiliumUser user = new ConsiliumUser(actor, actor.id() + "@test", "x", false);
		return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
	}
}
