package org.consilium.identity;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A single sign-on Consilium refuses after the provider's answer checked out; already audited where it was raised.
 * The error code is one of the constants here and picks the message of the failure page.
 */
final class SingleSignOnRefusal extends OAuth2AuthenticationException {

	/** The address belongs to an account, and the issuer is not trusted to link it or the address is not verified. */
	static final String LINK_NOT_TRUSTED = "consilium_link_not_trusted";

	/** The address belongs to a patient's account: single sign-on is for staff. */
	static final String PATIENT_ACCOUNT = "consilium_patient_account";

	/** The account with this address is linked to another identity at the same provider. */
	static final String LINKED_TO_ANOTHER = "consilium_linked_to_another";

	/** The provider sent no e-mail address for a user it had not signed in before. */
	static final String NO_EMAIL = "consilium_no_email";

	/** The ID token lacks a required {@code acr} or {@code amr} (the provider's second factor). */
	static final String AUTHENTICATION_TOO_WEAK = "consilium_authentication_too_weak";

	/** A step-up's answer whose {@code auth_time} is missing or older than the step-up request ({@link SingleSignOnStepUp}). */
	static final String STEP_UP_NOT_FRESH = "consilium_step_up_not_fresh";

	SingleSignOnRefusal(String code) {
		super(new OAuth2Error(code));
	}
}
