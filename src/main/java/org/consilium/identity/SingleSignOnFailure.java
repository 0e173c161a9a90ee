package org.consilium.identity;

import java.util.Arrays;
import java.util.Set;

/**
 * Why a single sign-on ended on the failure page, as the page explains it. The page's URL carries only {@link #code()},
 * never the provider's own text.
 */
public enum SingleSignOnFailure {

	/** No sign-in started here matches the answer: a forged, replayed or stale {@code state}. */
	STATE("state", "This sign-in answer does not belong to a sign-in started in this browser: it was used already, came from somewhere else, or took too long. Start again.",
			"authorization_request_not_found", "invalid_state_parameter", "invalid_redirect_uri_parameter"),
	/** The ID token failed validation: issuer, audience, expiry, signature or {@code nonce}. */
	TOKEN("token", "The identity provider's answer did not pass our checks (issuer, audience, expiry or a replayed answer). You are not signed in.",
			"invalid_id_token", "invalid_nonce", "invalid_token_response", "invalid_grant", "invalid_user_info_response", "missing_user_name_attribute"),
	/** The provider did not sign the user in. */
	DENIED("denied", "The identity provider did not sign you in.", "access_denied", "login_required", "interaction_required",
			"consent_required", "unauthorized_client"),
	/** The provider could not be reached or its discovery document is wrong. */
	PROVIDER("provider", "The identity provider cannot be reached just now. Try again in a few minutes.", "provider_unavailable",
			"invalid_client_registration_id"),
	LINK_NOT_TRUSTED("link", "An account with your e-mail address exists already, and it can be linked to your hospital sign-on only when the identity provider confirms the address and is trusted to do so. Ask an administrator to link it.",
			SingleSignOnRefusal.LINK_NOT_TRUSTED),
	PATIENT_ACCOUNT("patient", "Your e-mail address belongs to a patient's account. The hospital sign-on is for staff: sign in with the password of that account, or ask an administrator.",
			SingleSignOnRefusal.PATIENT_ACCOUNT),
	LINKED_TO_ANOTHER("linked", "The account with your e-mail address is already linked to another identity at this provider. Ask an administrator.",
			SingleSignOnRefusal.LINKED_TO_ANOTHER),
	NO_EMAIL("email", "The identity provider did not send your e-mail address, which a first sign-in needs. Ask your IT department to release the e-mail claim.",
			SingleSignOnRefusal.NO_EMAIL),
	TOO_WEAK("weak", "This program asks for a stronger sign-in (for example with a second factor) than the identity provider reported. Sign in again with it.",
			SingleSignOnRefusal.AUTHENTICATION_TOO_WEAK),
	STEP_UP("step-up", "The identity provider did not ask you to sign in again, so nothing was signed or changed. You are still signed in as before: go back and try again.",
			SingleSignOnRefusal.STEP_UP_NOT_FRESH),
	OTHER("other", "The sign-in through the identity provider failed. You are not signed in. Try again, or ask an administrator.");

	private final String code;

	private final String message;

	private final Set<String> errorCodes;

	SingleSignOnFailure(String code, String message, String... errorCodes) {
		this.code = code;
		this.message = message;
		this.errorCodes = Set.of(errorCodes);
	}

	/** The short code in the failure page's URL. */
	public String code() {
		return code;
	}

	/** The sentence the failure page shows. */
	public String message() {
		return message;
	}

	/** The failure for an OAuth 2.0 / OpenID Connect error code (RFC 6749 section 4.1.2.1, Spring Security's own) or ours. */
	static SingleSignOnFailure of(String errorCode) {
		return Arrays.stream(values()).filter(f -> f.errorCodes.contains(errorCode)).findFirst().orElse(OTHER);
	}

	/** The failure for the page's {@code reason} parameter; {@link #OTHER} for anything unknown. */
	public static SingleSignOnFailure fromCode(String code) {
		return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst().orElse(OTHER);
	}
}
