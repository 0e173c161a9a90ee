package org.consilium.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;

import org.consilium.shared.Role;

/**
 * Whether a local account may sign in with its password, checked after the password matched (so a refusal answers
 * like a wrong password, is counted and audited the same). With single sign-on configured and
 * {@code consilium.sso.local-staff-sign-in=false}, staff sign in only through the provider: local password sign-in
 * stays for patients and for one break-glass administrator ({@code consilium.sso.break-glass-account}, by default
 * {@code consilium.admin-email}) for when the provider is down.
 */
@Component
class LocalStaffSignIn implements UserDetailsChecker {

	private final boolean staffOff;

	private final String breakGlassAccount;

	LocalStaffSignIn(SingleSignOnSettings settings, @Value("${consilium.admin-email:admin@consilium.local}") String adminEmail) {
		this.staffOff = settings.enabled() && !settings.localStaffSignIn();
		String breakGlass = settings.breakGlassAccount();
		this.breakGlassAccount = UserAccount.normalize(breakGlass == null || breakGlass.isBlank() ? adminEmail : breakGlass);
	}

	/** Whether the account may sign in with a local password. */
	boolean allows(String email, Role role) {
		return !staffOff || role == Role.PATIENT || breakGlassAccount.equals(UserAccount.normalize(email));
	}

	@Override
	public void check(UserDetails user) {
		if (!user.isCredentialsNonExpired()) {
			throw new CredentialsExpiredException("expired");
		}
		Role role = user instanceof ConsiliumUser local ? local.actor().role() : null;
		if (!allows(user.getUsername(), role)) {
			throw new DisabledException("staff sign in through the identity provider");
		}
	}
}
