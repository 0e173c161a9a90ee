package org.consilium.identity;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The single sign-on beans, present only when {@code consilium.sso.issuer-uri} is set ({@link SingleSignOnSettings}).
 * Sessions are in memory, so the provider's sessions are too ({@link InMemoryOidcSessionRegistry}); the session event
 * publisher keeps that registry right when the session id changes at sign-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${consilium.sso.issuer-uri:}' != ''")
class SingleSignOnConfiguration {

	@Bean
	ProviderRegistration providerRegistration(SingleSignOnSettings settings) {
		return new ProviderRegistration(settings);
	}

	@Bean
	OidcSessionRegistry oidcSessionRegistry() {
		return new InMemoryOidcSessionRegistry();
	}

	@Bean
	SingleSignOn singleSignOn(SingleSignOnSettings settings, ClientRegistrationRepository registration, SingleSignOnAccounts accounts,
			OidcSessionRegistry sessions, @Value("${consilium.http.https-only:false}") boolean httpsOnly, Clock clock) {
		return new SingleSignOn(settings, registration, accounts, sessions, TransportSecurity.sessionCookieName(httpsOnly), clock);
	}
}
