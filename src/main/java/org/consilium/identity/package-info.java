/**
 * Accounts, roles, login and the current {@link org.consilium.shared.Actor}; the second factor
 * ({@link org.consilium.identity.SecondFactorManagement}, TOTP), step-up ({@link org.consilium.identity.StepUp}) and
 * what administrators do to accounts ({@link org.consilium.identity.AccountAdministration}).
 *
 * <p>Schema {@code identity}: {@code user_account} (with its deactivation and {@code sessions_valid_after}),
 * {@code account_token}, {@code sign_in_limit} (Bucket4j's token buckets of {@code SignInLimits}),
 * {@code second_factor} and {@code recovery_code}, {@code specialty} (the NUCC health care provider taxonomy codes that
 * staff specialties and triage use). Local accounts use form login with bcrypt hashes; failed sign-ins slow the account down
 * and, per origin and per account from one origin, end in 429 with {@code Retry-After}, known address or not, with one
 * answer for both. Sign-ins, failures, refusals, sign-outs and password changes are audited ({@code audit}, without a
 * case). Publishes {@link org.consilium.identity.AccountDeactivated} (ids, role, instant).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package org.consilium.identity;


