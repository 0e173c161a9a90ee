package org.consilium.identity;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, creates one administrator and prints its one-time password once to the
 * console (standard output, not the log files), to be changed at first login. Runs while the application starts,
 * after the migrations and before the web server accepts requests, so the login page never answers without it.
 */
@Component
class InitialAdministrator implements SmartInitializingSingleton {

	private final IdentityManagement identity;

	private final String email;

	InitialAdministrator(IdentityManagement identity, @Value("${consilium.admin-email:admin@consilium.local}") String email) {
		this.identity = identity;
		this.email = email;
	}

	@Override
	public void afterSingletonsInstantiated() {
		identity.ensureInitialAdministrator(email).ifPresent(created -> System.out.printf("""

				=== Consilium: first start ===
				Administrator account: %s
				One-time password:     %s   (shown once; you must change it at first sign-in)
				==============================
				%n""", created.account().email(), created.oneTimePassword()));
	}
}
