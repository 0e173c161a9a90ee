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

	/** Authority held after the password until the second factor's code is entered; every other page redirects to it. */
	public static final String SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";

	/** Authority held after the password until a second factor the role requires is set up. */
	public static final String SECOND_FACTOR_ENROLMENT_REQUIRED = "SECOND_FACTOR_ENROLMENT_REQUIRED";

	/** What the sign-in still needs after the password. */
	enum Pending {
		NOTHING, SECOND_FACTOR, ENROLMENT
	}

	private final Actor actor;

	private final String email;

	private final String passwordHash;

	private final boolean mustChangePassword;

	private final boolean enabled;

	private final Instant authenticatedAt;

	private final Pending pending;

	ConsiliumUser(Actor actor, String email, String passwordHash, boolean mustChangePassword) {
		this(actor, email, passwordHash, mustChangePassword, true, Instant.now(), Pending.NOTHING);
	}

	ConsiliumUser(Actor actor, String email, String passwordHash, boolean mustChangePassword, boolean enabled, Instant authenticatedAt,
			Pending pending) {
		this.actor = actor;
		this.email = email;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.enabled = enabled;
		this.authenticatedAt = authenticatedAt;
		this.pending = pending;
	}

	/** The same user with nothing pending, authenticated (again) at {@code now}: after the second factor or a step-up. */
	ConsiliumUser authenticatedAgain(Instant now) {
		return new ConsiliumUser(actor, email, passwordHash, mustChangePassword, enabled, now, Pending.NOTHING);
	}

	Pending pending() {
		return pending;
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
		if (actor.role() != null) {
			authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
		}
		if (mustChangePassword) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		if (pending == Pending.SECOND_FACTOR) {
			authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR_REQUIRED));
		}
		else if (pending == Pending.ENROLMENT) {
			authorities.add(new SimpleGrantedAuthority(SECOND_FACTOR_ENROLMENT_REQUIRED));
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
