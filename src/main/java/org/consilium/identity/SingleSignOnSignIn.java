package org.consilium.identity;

import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import org.consilium.shared.Actor;

/**
 * Turns the provider's validated answer into a Consilium sign-in. Spring Security has already checked the ID token
 * (signature, {@code iss}, {@code aud}, {@code exp}, {@code nonce}) and the {@code state}; here the required
 * {@code acr}/{@code amr} are checked (OpenID Connect Core 1.0 section 2; {@code amr} values after RFC 8176), and the
 * {@code auth_time} when this answer ends a step-up ({@link SingleSignOnStepUp}), then
 * {@link SingleSignOnAccounts} finds, links or makes the account and audits the sign-in.
 */
final class SingleSignOnSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

	private final SingleSignOnAccounts accounts;

	private final SingleSignOnSettings settings;

	private final ProviderRoles roles;

	SingleSignOnSignIn(OAuth2UserService<OidcUserRequest, OidcUser> provider, SingleSignOnAccounts accounts, SingleSignOnSettings settings) {
		this.provider = provider;
		this.accounts = accounts;
		this.settings = settings;
		this.roles = new ProviderRoles(settings.roleClaim(), settings.roleMapping());
	}

	SingleSignOnSignIn(SingleSignOnAccounts accounts, SingleSignOnSettings settings) {
		this(new OidcUserService(), accounts, settings);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = provider.loadUser(request);
		OidcIdToken token = user.getIdToken();
		String issuer = Objects.toString(token.getIssuer(), null);
		if (!strongEnough(token, settings.requiredAcr(), settings.requiredAmr())) {
			accounts.failed(issuer, token.getSubject());
			throw new SingleSignOnRefusal(SingleSignOnRefusal.AUTHENTICATION_TOO_WEAK);
		}
		var stepUp = SingleSignOnStepUp.pendingInCurrentRequest();
		if (stepUp.isPresent() && !SingleSignOnStepUp.fresh(token, stepUp.get())) {
			accounts.stepUpFailed(issuer, token.getSubject());
			throw new SingleSignOnRefusal(SingleSignOnRefusal.STEP_UP_NOT_FRESH);
		}
		var role = roles.roleIn(user.getClaims());
		Actor actor = accounts.signIn(new SingleSignOnAccounts.ProviderIdentity(issuer, token.getSubject(), user.getEmail(),
				Boolean.TRUE.equals(user.getEmailVerified()), displayName(user), roles.decides(), role.orElse(null)),
				settings.linkVerifiedEmail());
		if (stepUp.isPresent() && actor.id().value().equals(stepUp.get().accountId())) {
			accounts.steppedUp(actor);
		}
		return new SingleSignOnUser(user, actor);
	}

	/**
	 * Whether the ID token's {@code acr} is one of {@code requiredAcr} and its {@code amr} names one of
	 * {@code requiredAmr}; an empty list asks nothing.
	 */
	static boolean strongEnough(OidcIdToken token, List<String> requiredAcr, List<String> requiredAmr) {
		boolean acr = requiredAcr.isEmpty() || requiredAcr.contains(token.getAuthenticationContextClass());
		List<String> methods = token.getAuthenticationMethods() == null ? List.of() : token.getAuthenticationMethods();
		boolean amr = requiredAmr.isEmpty() || methods.stream().anyMatch(requiredAmr::contains);
		return acr && amr;
	}

	private static String displayName(OidcUser user) {
		if (user.getFullName() != null && !user.getFullName().isBlank()) {
			return user.getFullName();
		}
		String joined = (Objects.toString(user.getGivenName(), "") + " " + Objects.toString(user.getFamilyName(), "")).strip();
		return joined.isEmpty() ? user.getPreferredUsername() : joined;
	}
}
