package org.consilium.identity;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.consilium.shared.Role;

/**
 * The second factor and step-up ({@code consilium.identity.second-factor.*}).
 *
 * @param requiredRoles the roles that must set up a second factor at their next sign-in (default coordinators,
 *        specialists and administrators; patients and referring physicians may set one up); empty turns the requirement off
 * @param stepUpAfter how long a sign-in or the last confirmation counts for signing an opinion or changing another
 *        account (default 5 minutes); after that the password or a code is asked for again
 */
@ConfigurationProperties("consilium.identity.second-factor")
record SecondFactorSettings(@DefaultValue({ "COORDINATOR", "SPECIALIST", "ADMIN" }) Set<Role> requiredRoles,
		@DefaultValue("5m") Duration stepUpAfter) {

	boolean requiredFor(Role role) {
		return requiredRoles.contains(role);
	}
}
