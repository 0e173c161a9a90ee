package org.consilium.identity;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.consilium.shared.Role;

/**
 * Single sign-on with an OpenID Connect provider ({@code consilium.sso.*}); off while {@code issuer-uri} is blank, and
 * then only local accounts exist, as before.
 *
 * @param issuerUri the provider's issuer, e.g. {@code https://keycloak.example.org/realms/hospital}; its discovery
 *        document ({@code /.well-known/openid-configuration}) is read at the first sign-in, not at start-up, so the
 *        application starts while the provider is down (the break-glass administrator can still sign in)
 * @param clientId the client (application) id registered at the provider
 * @param clientSecret its secret ({@code client_secret_basic})
 * @param providerName the name on the sign-in button, e.g. "University Hospital sign-on"
 * @param scopes the scopes asked for (default {@code openid, profile, email})
 * @param roleClaim the claim holding the user's roles or groups, a dot-separated path for nested claims (Keycloak's
 *        {@code realm_access.roles}); blank: the provider says nothing about roles and administrators grant them in
 *        Consilium. When set, the provider decides the role at every sign-in: a user whose claim maps to no role has
 *        none
 * @param roleMapping a claim value to the Consilium role it grants, e.g. {@code consilium-coordinator -> COORDINATOR};
 *        {@code PATIENT} is ignored (single sign-on is for staff). A user with several mapped roles gets the first of
 *        ADMIN, COORDINATOR, SPECIALIST, REFERRING_PHYSICIAN
 * @param linkVerifiedEmail whether the issuer is trusted to link its user to an existing local account with the same
 *        address on the first sign-in, when the ID token says {@code email_verified: true} (default false: an existing
 *        address is refused instead)
 * @param localStaffSignIn whether staff may still sign in with a local password (default true); when false only
 *        patients and the {@code breakGlassAccount} do
 * @param breakGlassAccount the local administrator who keeps password sign-in for when the provider is down (default
 *        {@code consilium.admin-email})
 * @param requiredAcr accepted {@code acr} values (sent as {@code acr_values}); empty: any
 * @param requiredAmr {@code amr} values of which the ID token must name at least one (e.g. {@code mfa}, {@code otp});
 *        empty: any
 */
@ConfigurationProperties("consilium.sso")
public record SingleSignOnSettings(String issuerUri, String clientId, String clientSecret,
		@DefaultValue("Hospital sign-on") String providerName, @DefaultValue({ "openid", "profile", "email" }) List<String> scopes,
		String roleClaim, Map<String, Role> roleMapping, @DefaultValue("false") boolean linkVerifiedEmail,
		@DefaultValue("true") boolean localStaffSignIn, String breakGlassAccount,
		List<String> requiredAcr, List<String> requiredAmr) {

	/** The registration id in Spring Security's URLs: {@code /oauth2/authorization/sso}, {@code /login/oauth2/code/sso}. */
	public static final String REGISTRATION_ID = "sso";

	public SingleSignOnSettings {
		roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
		requiredAcr = requiredAcr == null ? List.of() : List.copyOf(requiredAcr);
		requiredAmr = requiredAmr == null ? List.of() : List.copyOf(requiredAmr);
	}

	/** Whether single sign-on is configured (an issuer is set). */
	public boolean enabled() {
		return issuerUri != null && !issuerUri.isBlank();
	}

	/** The link of the sign-in button. */
	public String signInPath() {
		return "/oauth2/authorization/" + REGISTRATION_ID;
	}
}
