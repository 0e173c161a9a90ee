package org.consilium.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the single-use account links stay valid ({@code consilium.identity.*}): the password reset link 30 minutes
 * by default (OWASP Forgot Password Cheat Sheet: short-lived tokens), the address verification link 48 hours.
 */
@ConfigurationProperties("consilium.identity")
public record AccountLinkSettings(Duration passwordResetValidity, Duration verificationValidity) {

	public AccountLinkSettings {
		passwordResetValidity = passwordResetValidity == null ? Duration.ofMinutes(30) : passwordResetValidity;
		verificationValidity = verificationValidity == null ? Duration.ofHours(48) : verificationValidity;
	}
}
