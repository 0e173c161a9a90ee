package org.consilium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows over SMTP, at least once each. One row at a time: a transaction claims it with
 * {@code FOR UPDATE SKIP LOCKED} (so another instance's sender skips it), sends it with the Message-ID fixed when it was
 * written, and marks it SENT (clearing the body) in the same transaction. A crash between sending and marking rolls the
 * claim back; the next run sends the row again with the same Message-ID, which the receiving side can recognise as a
 * duplicate. An SMTP failure counts an attempt and waits {@link NotificationSettings#backoffAfter} before the next;
 * after {@link NotificationSettings#maxAttempts()} the row is FAILED, shown to administrators on {@code /admin/notifications}.
 * Logs carry row ids and error classes only, never addresses or bodies.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationSettings settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	/** Runs after the SMTP send and before the row is marked; tests put a simulated crash here. */
	private volatile Runnable afterSend = () -> {
	};

	OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	record Row(UUID id, String messageId, String toAddress, String subject, String body, int attempts) {
	}

	@Scheduled(fixedDelayString = "${consilium.notification.poll-interval:30s}",
			initialDelayString = "${consilium.notification.poll-interval:30s}")
	void scheduled() {
		try {
			sendDue();
		}
		catch (RuntimeException e) {
			log.warn("Outbox run stopped: {}", e.getClass().getName());
		}
	}

	/** Sends up to {@link NotificationSettings#batchSize()} due rows; returns how many were sent. Nothing without e-mail. */
	int sendDue() {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (int i = 0; i < settings.batchSize(); i++) {
			Boolean result = transaction.execute(status -> sendOne(sender));
			if (result == null) {
				break;
			}
			if (result) {
				sent++;
			}
		}
		return sent;
	}

	/** Claims, sends and marks one due row: true when sent, false when the attempt failed, null when none is due. */
	private Boolean sendOne(JavaMailSender sender) {
		Instant now = clock.instant();
		Row row = jdbc.sql("""
				SELECT id, message_id, to_address, subject, body, attempts FROM notification.outbox_message
				WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id
				LIMIT 1 FOR UPDATE SKIP LOCKED""").param(Timestamp.from(now)).query(Row.class).optional().orElse(null);
		if (row == null) {
			return null;
		}
		try {
			sender.send(message(sender, row));
		}
		catch (MailException | MessagingException e) {
			int attempts = row.attempts() + 1;
			boolean giveUp = attempts >= settings.maxAttempts();
			jdbc.sql("UPDATE notification.outbox_message SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
				.params(attempts, giveUp ? "FAILED" : "PENDING", Timestamp.from(now.plus(settings.backoffAfter(attempts))),
						e.getClass().getSimpleName(), row.id())
				.update();
			log.warn("Outbox message {} attempt {} failed ({}){}", row.id(), attempts, e.getClass().getSimpleName(), giveUp ? "; gave up" : "");
			return false;
		}
		afterSend.run();
		jdbc.sql("UPDATE notification.outbox_message SET status = 'SENT', attempts = attempts + 1, sent_at = ?, body = NULL, last_error = NULL WHERE id = ?")
			.params(Timestamp.from(clock.instant()), row.id()).update();
		return true;
	}

	private MimeMessage message(JavaMailSender sender, Row row) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setFrom(settings.from());
		helper.setTo(row.toAddress());
		helper.setSubject(row.subject());
		helper.setText(row.body() == null ? "" : row.body());
		// JavaMailSenderImpl keeps an explicitly set Message-ID when it saves the message.
		message.setHeader("Message-ID", row.messageId());
		return message;
	}

	/** Test hook: what runs between the SMTP send and marking the row sent. */
	void afterSend(Runnable hook) {
		this.afterSend = hook == null ? () -> {
		} : hook;
	}
}
