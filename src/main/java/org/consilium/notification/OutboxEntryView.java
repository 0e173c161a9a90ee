package org.consilium.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as administrators see it: its state and attempts, never its body.
 *
 * @param status     PENDING (waiting for its next attempt), SENT, FAILED (gave up after the maximum attempts) or
 *                   SKIPPED (e-mail was off when it was written)
 * @param lastError  the class of the last SMTP error, or null
 */
public record OutboxEntryView(UUID id, String messageId, String kind, String toAddress, String status, int attempts,
		Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
