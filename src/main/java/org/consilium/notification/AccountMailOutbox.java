package org.consilium.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.identity.AccountMail;
import org.consilium.identity.UserView;

/**
 * Identity's account e-mails through the outbox, in identity's transaction, with the generic {@link Outbox#GREETING}.
 * The body holds the single-use link until the sender clears it after sending; identity stores only the link's hash.
 */
@Component
class AccountMailOutbox implements AccountMail {

	private final Outbox outbox;

	private final NotificationSettings settings;

	AccountMailOutbox(Outbox outbox, NotificationSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
	}

	@Override
	public boolean delivers() {
		return outbox.mailEnabled();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void send(UserView to, Purpose purpose, String linkPath) {
		String link = settings.baseUrl() + linkPath;
		switch (purpose) {
			case VERIFY_EMAIL -> outbox.queue(to, purpose.name(), "Consilium: confirm your e-mail address", """
					%s

					please confirm your e-mail address to activate your Consilium account:
					%s

					The link works once. If you did not create an account, ignore this message.
					""".formatted(Outbox.GREETING, link));
			case RESET_PASSWORD -> outbox.queue(to, purpose.name(), "Consilium: set a new password", """
					%s

					someone asked to reset the password of your Consilium account. To choose a new password, open:
					%s

					The link works once and expires soon. If it was not you, ignore this message; your password stays as it is.
					""".formatted(Outbox.GREETING, link));
		}
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendInvitation(String address, String linkPath) {
		outbox.queue(null, address, "INVITATION", "Consilium: an invitation is waiting for you", """
				%s

				a physician has invited this address to Consilium. To accept, sign in (or register) with this address,
				then enter the code your physician gave you at:
				%s

				If you did not expect this, you can ignore it: nothing happens unless you accept.
				""".formatted(Outbox.GREETING, settings.baseUrl() + linkPath));
	}
}
