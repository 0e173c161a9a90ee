package org.consilium.sharing;

/**
 * Where sharing hands its two e-mails to a physician outside the program; the notification module implements it with
 * its outbox, in the caller's transaction. Neither e-mail holds health data: no patient name, no diagnosis, not even
 * which kind of case; the greeting is generic.
 */
public interface PhysicianMail {

	/** Whether e-mail is sent at all ({@code spring.mail.host} set); without it no link can reach a physician. */
	boolean delivers();

	/**
	 * Queues the e-mail with the single-use link.
	 * @param address the physician's normalised e-mail address
	 * @param linkPath the link below the configured base URL, {@code /shared/<token>}
	 */
	void sendLink(String address, String linkPath);

	/**
	 * Queues the e-mail that tells a physician the opinion they were sent has a new version (an addendum), with a fresh
	 * single-use link; as without health data as the first.
	 */
	void sendNewVersionLink(String address, String linkPath);

	/** Queues the second e-mail, with the one-time code that opens the link ({@value LinkReading#CODE_DIGITS} digits). */
	void sendCode(String address, String code);
}
