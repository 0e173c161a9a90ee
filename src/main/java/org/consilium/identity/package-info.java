/**
 * Accounts, roles, login and the current {@link org.consilium.shared.Actor}.
 *
 * <p>Schema {@code identity}: {@code user_account}, {@code login_throttle}, {@code specialty} (the NUCC health care
 * provider taxonomy codes that staff specialties and triage use). Local accounts use form login with bcrypt hashes;
 * repeated failures slow the answer down, then lock the e-mail address for a while, known or not, with one answer
 * for both. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.consilium.identity;

