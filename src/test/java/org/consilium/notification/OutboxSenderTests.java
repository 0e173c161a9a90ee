package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/** The outbox sender against a real SMTP server: at least once, one Message-ID per message, back-off, giving up, claims. */
class OutboxSenderTests extends MailTestSupport {

	@Autowired
	Notices notices;

	@Autowired
	OutboxSender sender;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NotificationSettings settings;

	UserView recipient() {
		return identity.seedAccount("coordinator-" + UUID.randomUUID() + "@example.org", "Coordinator", Role.COORDINATOR, null).account();
	}

	/** Sends whatever other tests left due, so a test sees only its own row. */
	void drain() {
		while (sender.sendDue() > 0) {
			// keep going
		}
	}

	record State(String messageId, String status, int attempts, Timestamp nextAttemptAt, String lastError) {
	}

	State state(UserView to) {
		return jdbc.sql("SELECT message_id, status, attempts, next_attempt_at, last_error FROM notification.outbox_message WHERE recipient_id = ?")
			.param(to.id().value()).query(State.class).single();
	}

	@Test
	void aCrashBetweenSendingAndMarkingSendsAgainWithTheSameMessageId() throws Exception {
		drain();
		UserView to = recipient();
		notices.notify(NoticeKind.URGENT_FINDING, null, "test:" + UUID.randomUUID(), List.of(to.id()));
		String messageId = state(to).messageId();

		sender.afterSend(() -> {
			throw new IllegalStateException("simulated crash after the SMTP send");
		});
		try {
			assertThatThrownBy(sender::sendDue).isInstanceOf(IllegalStateException.class);
		}
		finally {
			sender.afterSend(null);
		}
		assertThat(receivedBy(to.email())).hasSize(1);
		assertThat(state(to).status()).isEqualTo("PENDING");

		assertThat(sender.sendDue()).isEqualTo(1);
		List<MimeMessage> received = receivedBy(to.email());
		assertThat(received).hasSize(2);
		assertThat(received.get(0).getMessageID()).isEqualTo(messageId);
		assertThat(received.get(1).getMessageID()).isEqualTo(messageId);
		assertThat(state(to).status()).isEqualTo("SENT");
		assertThat(sender.sendDue()).as("nothing left to send").isZero();
	}

	@Test
	void retriesWithDoublingBackOffWhileTheServerIsDownAndSendsOnceItIsUp() throws Exception {
		drain();
		smtp.stop();
		UserView to = recipient();
		notices.notify(NoticeKind.URGENT_FINDING, null, "test:" + UUID.randomUUID(), List.of(to.id()));

		assertThat(sender.sendDue()).isZero();
		State first = state(to);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.status()).isEqualTo("PENDING");
		assertThat(first.lastError()).isNotBlank();
		assertThat(first.nextAttemptAt().toInstant()).isEqualTo(clock.instant().plus(settings.initialBackoff()).truncatedTo(ChronoUnit.MICROS));

		sender.sendDue();
		assertThat(state(to).attempts()).as("not due before the back-off has passed").isEqualTo(1);

		clock.advance(settings.initialBackoff());
		sender.sendDue();
		State second = state(to);
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(second.nextAttemptAt().toInstant())
			.isEqualTo(clock.instant().plus(settings.initialBackoff().multipliedBy(2)).truncatedTo(ChronoUnit.MICROS));

		smtp = startSmtp();
		clock.advance(settings.initialBackoff().multipliedBy(2));
		assertThat(sender.sendDue()).isEqualTo(1);
		assertThat(state(to).status()).isEqualTo("SENT");
		assertThat(receivedBy(to.email())).hasSize(1);
		assertThat(receivedBy(to.email()).get(0).getMessageID()).isEqualTo(first.messageId());
	}

	@Test
	void givesUpAfterTheMaximumOfAttemptsAndShowsItToAdministrators() throws Exception {
		drain();
		smtp.stop();
		UserView to = recipient();
		notices.notify(NoticeKind.URGENT_FINDING, null, "test:" + UUID.randomUUID(), List.of(to.id()));
		for (int i = 0; i < settings.maxAttempts(); i++) {
			sender.sendDue();
			clock.advance(settings.maxBackoff());
		}
		assertThat(state(to).status()).isEqualTo("FAILED");
		assertThat(state(to).attempts()).isEqualTo(settings.maxAttempts());

		smtp = startSmtp();
		clock.advance(settings.maxBackoff());
		sender.sendDue();
		assertThat(receivedBy(to.email())).isEmpty();
		UserView admin = identity.seedAccount("admin-" + UUID.randomUUID() + "@example.org", "Admin", Role.ADMIN, null).account();
		assertThat(notices.outboxState(new Actor(admin.id(), Role.ADMIN, "Admin")))
			.anySatisfy(e -> {
				assertThat(e.toAddress()).isEqualTo(to.email());
				assertThat(e.status()).isEqualTo("FAILED");
			});
	}

	@Test
	void aRowAnotherSenderHoldsIsSkippedNotSentTwice() throws Exception {
		drain();
		UserView to = recipient();
		notices.notify(NoticeKind.URGENT_FINDING, null, "test:" + UUID.randomUUID(), List.of(to.id()));
		ExecutorService otherInstance = Executors.newSingleThreadExecutor();
		try {
			Integer sentMeanwhile = new TransactionTemplate(transactions).execute(status -> {
				jdbc.sql("SELECT id FROM notification.outbox_message WHERE recipient_id = ? FOR UPDATE").param(to.id().value()).query(UUID.class).single();
				try {
					return otherInstance.submit(sender::sendDue).get();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			assertThat(sentMeanwhile).isZero();
			assertThat(receivedBy(to.email())).isEmpty();
		}
		finally {
			otherInstance.shutdown();
		}
		assertThat(sender.sendDue()).isEqualTo(1);
		assertThat(receivedBy(to.email())).hasSize(1);
	}

	@Test
	void theSameEventWritesOneNoticeAndOneEmailPerRecipient() {
		UserView to = recipient();
		String key = "test:" + UUID.randomUUID();
		assertThat(notices.notify(NoticeKind.URGENT_FINDING, null, key, List.of(to.id(), to.id()))).isEqualTo(1);
		assertThat(notices.notify(NoticeKind.URGENT_FINDING, null, key, List.of(to.id()))).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM notification.notice WHERE recipient_id = ?").param(to.id().value()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM notification.outbox_message WHERE recipient_id = ?").param(to.id().value()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void backOffDoublesUpToTheMaximum() {
		NotificationSettings s = new NotificationSettings(null, null, 0, 0, Duration.ofMinutes(1), Duration.ofMinutes(10));
		assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(s::backoffAfter).toList()).containsExactly(Duration.ofMinutes(1),
				Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(10));
	}
}
