package org.consilium.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in limits ({@code consilium.identity.sign-in.*}), after OWASP ASVS 4.0 V2.2.1 (anti-automation without a
 * lockout that an attacker can trigger) and the OWASP Authentication Cheat Sheet ("account lockout" by account and
 * origin). An origin is the client address: the connection's, or the one a trusted proxy names in
 * {@code X-Forwarded-For} ({@code server.tomcat.remoteip.internal-proxies}).
 *
 * @param originFailures failed sign-ins one origin may make, to any accounts, before it gets 429 (default 20)
 * @param originWindow the time in which that many are restored, evenly (default 10 minutes: one every 30 s)
 * @param accountOriginFailures failed sign-ins to one account from one origin before that origin gets 429 for that
 *        account (default 5); other origins can still sign in to it
 * @param accountOriginWindow the time in which those are restored, evenly (default 15 minutes)
 * @param delayAfter failed sign-ins to one account, from anywhere, after which each further attempt waits one second
 *        more (default 3)
 * @param maxDelay the longest such wait (default 3 s); the account is never refused because of them
 * @param accountWindow the time in which the account's failures are forgotten, evenly (default 15 minutes)
 */
@ConfigurationProperties("consilium.identity.sign-in")
record SignInLimitSettings(@DefaultValue("20") int originFailures, @DefaultValue("10m") Duration originWindow,
		@DefaultValue("5") int accountOriginFailures, @DefaultValue("15m") Duration accountOriginWindow,
		@DefaultValue("3") int delayAfter, @DefaultValue("3s") Duration maxDelay, @DefaultValue("15m") Duration accountWindow) {
}
