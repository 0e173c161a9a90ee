package org.consilium.identity;

/**
 * Where identity hands the e-mails of an account (address verification, password reset). The notification module
 * implements it by writing an outbox row in the caller's transaction, so identity does not depend on it.
 */
public interface AccountMail {

	/** What an account e-mail is about. */
	enum Purpose {
		/** The link that activates a self-registered patient's account. */
		VERIFY_EMAIL,
		/** The link that sets a new password. */
		RESET_PASSWORD
	}

	/** Whether e-mail is sent at all ({@code spring.mail.host} set); without it no link can reach anyone. */
	boolean delivers();

	/**
	 * Queues the e-mail with a single-use link.
	 * @param linkPath the path and query of the link below the configured base URL, e.g. {@code /account/verify?token=...}
	 */
	void send(UserView to, Purpose purpose, String linkPath);

	/**
	 * Queues the e-mail that tells an address it has been invited to accept a second-opinion request, sent alike whether
	 * or not the address has an account, so that sending it reveals nothing. It names no one and holds no code.
	 * @param address a normalised e-mail address
	 * @param linkPath the path below the configured base URL where the invitation is accepted
	 */
	void sendInvitation(String address, String linkPath);
}
