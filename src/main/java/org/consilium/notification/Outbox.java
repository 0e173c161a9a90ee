package org.consilium.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.identity.UserView;
import org.consilium.shared.UserId;

/**
 * Writes e-mails into the outbox in the caller's transaction: the message exists exactly when the change that causes it
 * commits. No e-mail names anyone (the greeting is {@link #GREETING}, not the recipient's name) or holds case data. The Message-ID is fixed here, once, so every attempt of {@link OutboxSender} carries the same one. With
 * e-mail off (no {@code spring.mail.host}) rows are written as SKIPPED without a body: a later switch-on does not
 * flood users with old news, and the in-app notice still reaches them.
 */
@Component
class Outbox {

	/** Subject of every notice e-mail: no hint of the kind of news, let alone health data. */
	static final String NEWS_SUBJECT = "Consilium: there is news for you";

	private final JdbcClient jdbc;

	private final NotificationSettings settings;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	Outbox(JdbcClient jdbc, NotificationSettings settings, ObjectProvider<JavaMailSender> mailSender, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.mailSender = mailSender;
		this.clock = clock;
	}

	boolean mailEnabled() {
		return mailSender.getIfAvailable() != null;
	}

	/**
	 * The greeting of every e-mail: generic, never the recipient's name, so that the mailbox alone does not tell that this
	 * person (rather than whoever reads the address) uses the service (issue #11).
	 */
	static final String GREETING = "Hello,";

	/** The e-mail that tells the recipient there is news: the generic {@link #GREETING} and a link to {@code /notices}. */
	@Transactional(propagation = Propagation.MANDATORY)
	void queueNews(UserView to, NoticeKind kind) {
		queue(to, kind.name(), NEWS_SUBJECT, """
				%s

				there is news for you in Consilium. Sign in to read it:
				%s/notices

				This message contains no details on purpose. If you did not expect it, you can ignore it.
				""".formatted(GREETING, settings.baseUrl()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void queue(UserView to, String kind, String subject, String body) {
		queue(to.id(), to.email(), kind, subject, body);
	}

	/** Queues an e-mail to an address that may have no account ({@code recipient} null). */
	@Transactional(propagation = Propagation.MANDATORY)
	void queue(UserId recipient, String address, String kind, String subject, String body) {
		Instant now = clock.instant();
		boolean enabled = mailEnabled();
		jdbc.sql("""
				INSERT INTO notification.outbox_message (id, message_id, kind, recipient_id, to_address, subject, body, status,
				  attempts, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(UUID.randomUUID(), messageId(), kind, UserId.valueOrNull(recipient), address, subject, enabled ? body : null,
					enabled ? "PENDING" : "SKIPPED", Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** The most recent rows, newest first, for the administrators' page. */
	@Transactional(readOnly = true)
	List<OutboxEntryView> recent(int limit) {
		return jdbc.sql("""
				SELECT id, message_id, kind, to_address, status, attempts, next_attempt_at, last_error, created_at, sent_at
				FROM notification.outbox_message ORDER BY created_at DESC LIMIT ?""").param(limit).query(OutboxEntryView.class).list();
	}

	/** An RFC 5322 msg-id: a random UUID at the host of the base URL. */
	private String messageId() {
		String host = URI.create(settings.baseUrl()).getHost();
		return "<" + UUID.randomUUID() + "@" + (host == null ? "consilium.local" : host) + ">";
	}
}
