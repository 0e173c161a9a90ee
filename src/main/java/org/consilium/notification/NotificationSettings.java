package org.consilium.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings ({@code consilium.notification.*}). E-mail itself is on when {@code spring.mail.host} is set.
 *
 * @param baseUrl           the public address links in e-mails start with, without a trailing slash
 * @param from              the From address of every e-mail
 * @param batchSize         rows one sender run claims at most
 * @param maxAttempts       SMTP attempts before a row is marked FAILED
 * @param initialBackoff    the wait after the first failed attempt; it doubles after each further failure
 * @param maxBackoff        the longest wait between two attempts
 */
@ConfigurationProperties("consilium.notification")
public record NotificationSettings(String baseUrl, String from, int batchSize, int maxAttempts, Duration initialBackoff,
		Duration maxBackoff) {

	public NotificationSettings {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
		from = from == null || from.isBlank() ? "Consilium <no-reply@consilium.local>" : from;
		batchSize = batchSize <= 0 ? 20 : batchSize;
		maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
		initialBackoff = initialBackoff == null ? Duration.ofMinutes(1) : initialBackoff;
		maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
	}

	/** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts−1), at most {@link #maxBackoff()}. */
	Duration backoffAfter(int attempts) {
		Duration wait = initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
