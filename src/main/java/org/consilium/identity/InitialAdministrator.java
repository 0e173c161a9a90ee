package org.consilium.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, creates one administrator and prints its one-time password once to the
 * console (standard output, not the log files), to be changed at first login.
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

	private final IdentityManagement identity;

	private final String email;

	InitialAdministrator(IdentityManagement identity, @Value("${consilium.admin-email:admin@consilium.local}") String email) {
		this.identity = identity;
		this.email = email;
	}

	@Override
	public void run(ApplicationArguments args) {
		identity.ensureInitialAdministrator(email).ifPresent(created -> System.out.printf("""

				=== Consilium: first start ===
				Administrator account: %s
				One-time password:     %s   (shown once; you must change it at first sign-in)
				==============================
				%n""", created.account().email(), created.oneTimePassword()));
	}
}
