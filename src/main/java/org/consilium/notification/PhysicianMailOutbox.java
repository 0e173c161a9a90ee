package org.consilium.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.sharing.PhysicianMail;

/**
 * The two e-mails of a link to the opinion (sharing), through the outbox in sharing's transaction, to an address with no
 * account. They name no one and say nothing of the case; the body with the link or code is cleared once sent.
 */
@Component
class PhysicianMailOutbox implements PhysicianMail {

	private final Outbox outbox;

	private final NotificationSettings settings;

	PhysicianMailOutbox(Outbox outbox, NotificationSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
	}

	@Override
	public boolean delivers() {
		return outbox.mailEnabled();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendLink(String address, String linkPath) {
		queueLink(address, "Consilium: a document has been shared with you",
				"a patient of yours has shared a document with you through Consilium. To read it, open this link:", linkPath);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendNewVersionLink(String address, String linkPath) {
		queueLink(address, "Consilium: a new version of a shared document",
				"a document a patient of yours shared with you through Consilium has a new version. To read it, open this link:", linkPath);
	}

	private void queueLink(String address, String subject, String opening, String linkPath) {
		outbox.queue(null, address, "SHARED_LINK", subject, """
				%s

				%s
				%s

				When you open it, we send a one-time code to this address in a second e-mail. The link works once and
				expires in two weeks; the patient can withdraw it at any time. If you did not expect this, ignore it.
				""".formatted(Outbox.GREETING, opening, settings.baseUrl() + linkPath));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void sendCode(String address, String code) {
		outbox.queue(null, address, "SHARED_LINK_CODE", "Consilium: your one-time code", """
				%s

				your one-time code is: %s

				Enter it on the page you opened from the link. It is valid for 15 minutes. If you did not open a Consilium
				link just now, ignore this message.
				""".formatted(Outbox.GREETING, code));
	}
}
