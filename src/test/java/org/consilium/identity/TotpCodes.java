package org.consilium.identity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * An authenticator app for tests: reads the secret from the enrolment page, and gives each account's codes with the
 * same library and parameters as the application (RFC 6238, SHA-1, 6 digits, 30 s), one time step after another, so
 * that no code is offered twice (the application refuses a reused one). A step may run up to one ahead of the clock,
 * which RFC 6238's drift window allows.
 */
public final class TotpCodes {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	private final Map<String, String> secrets = new HashMap<>();

	private final Map<String, Long> lastSteps = new HashMap<>();

	/** Remembers the secret shown on the enrolment page for this account. */
	public String enrolFrom(String account, String enrolmentPage) {
		Matcher m = SECRET.matcher(enrolmentPage);
		if (!m.find()) {
			throw new AssertionError("The enrolment page shows no secret as text");
		}
		return enrol(account, m.group(1));
	}

	/** Remembers the account's secret (Base32), as typed into an app. */
	public String enrol(String account, String secret) {
		secrets.put(account, secret.strip());
		return secret.strip();
	}

	/**
	 * The next code of the account: for the current time step, or the one after the last code given when that was this
	 * step; waits for the clock when two steps ahead would be needed.
	 */
	public String next(String account) {
		long now = currentStep();
		long step = Math.max(now, lastSteps.getOrDefault(account, Long.MIN_VALUE) + 1);
		while (step > currentStep() + 1) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		lastSteps.put(account, step);
		return at(secrets.get(account), step);
	}

	/** The code that was given last for the account (to try it again). */
	public String last(String account) {
		return at(secrets.get(account), lastSteps.get(account));
	}

	public static long currentStep() {
		return Instant.now().getEpochSecond() / 30;
	}

	public static String at(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (CodeGenerationException e) {
			throw new AssertionError(e);
		}
	}
}
