package org.consilium.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import org.consilium.shared.ActingPrincipal;
import org.consilium.shared.Actor;

/**
 * The principal of a single sign-on: the provider's ID token (kept for RP-initiated logout's {@code id_token_hint})
 * and the linked Consilium account as an {@link Actor}. Its only authority is the account's role; an account without a
 * role has none and sees only the page that says an administrator must grant one. Carries no health data.
 */
public final class SingleSignOnUser implements OidcUser, ActingPrincipal {

	private final OidcUser provider;

	private final Actor actor;

	SingleSignOnUser(OidcUser provider, Actor actor) {
		this.provider = provider;
		this.actor = actor;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	/** Whether the account has a role yet. */
	public boolean hasRole() {
		return actor.role() != null;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return actor.role() == null ? List.of() : List.of(new SimpleGrantedAuthority(actor.role().authority()));
	}

	@Override
	public Map<String, Object> getClaims() {
		return provider.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return provider.getUserInfo();
	}

	@Override
	public OidcIdToken getIdToken() {
		return provider.getIdToken();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return provider.getAttributes();
	}

	/** The account id, so that sessions and the audit name the Consilium account rather than the provider's subject. */
	@Override
	public String getName() {
		return actor.id().value().toString();
	}
}
