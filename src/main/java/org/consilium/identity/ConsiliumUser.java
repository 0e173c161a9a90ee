package org.consilium.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.consilium.shared.ActingPrincipal;
import org.consilium.shared.Actor;

/** The signed-in principal. Carries no health data. */
public final class ConsiliumUser implements UserDetails, ActingPrincipal {

	/** Authority held until a one-time password has been replaced; every other page redirects to the change form. */
	public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private final Actor actor;

	private final String email;

	private final String passwordHash;

	private final boolean mustChangePassword;

	private final boolean enabled;

	private final Instant authenticatedAt;

	ConsiliumUser(Actor actor, String email, String passwordHash, boolean mustChangePassword) {
		this(actor, email, passwordHash, mustChangePassword, true, Instant.now());
	}

	ConsiliumUser(Actor actor, String email, String passwordHash, boolean mustChangePassword, boolean enabled, Instant authenticatedAt) {
		this.actor = actor;
		this.email = email;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.enabled = enabled;
		this.authenticatedAt = authenticatedAt;
	}

	/**
	 * When the user last proved who they are in this session: the sign-in, or the last step-up. Sessions that began
	 * before an administrator's change to the account end ({@link AccountStateFilter}).
	 */
	public Instant authenticatedAt() {
		return authenticatedAt;
	}

	/** False for a self-registered patient until the address is verified; sign-in then fails with the generic message. */
	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** The signed-in account as the actor the modules' use cases take (id, role, display name). */
	@Override
	public Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
		if (mustChangePassword) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}
}
