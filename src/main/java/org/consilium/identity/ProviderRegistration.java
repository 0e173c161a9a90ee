package org.consilium.identity;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one OpenID Connect client registration ({@link SingleSignOnSettings#REGISTRATION_ID}), built from the provider's
 * discovery document at the first request that needs it and kept from then on. Reading it lazily lets the application
 * start while the provider is down; until it answers, a sign-on ends on the failure page and local sign-in (the
 * break-glass administrator) still works.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

	private final SingleSignOnSettings settings;

	private volatile ClientRegistration registration;

	ProviderRegistration(SingleSignOnSettings settings) {
		this.settings = settings;
	}

	/**
	 * The registration for {@code registrationId}, null for any other id.
	 *
	 * @throws IllegalArgumentException or a {@code RestClientException} when the discovery document cannot be read or
	 *         names another issuer
	 */
	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!SingleSignOnSettings.REGISTRATION_ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		if (known == null) {
			synchronized (this) {
				if (registration == null) {
					registration = discover();
				}
				known = registration;
			}
		}
		return known;
	}

	private ClientRegistration discover() {
		return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
			.registrationId(SingleSignOnSettings.REGISTRATION_ID)
			.clientName(settings.providerName())
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(settings.scopes())
			.build();
	}
}
