package org.consilium.identity;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OidcBackChannelLogoutHandler;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds OpenID Connect sign-on to the application's one filter chain ({@code SecurityConfiguration} applies it when
 * {@code consilium.sso.issuer-uri} is set): the authorization code flow at {@code /oauth2/authorization/sso} and
 * {@code /login/oauth2/code/sso} with {@code acr_values} when an {@code acr} is required, and a step-up without signing
 * out ({@link SingleSignOnStepUp}); failures of any kind end on
 * {@code /sso/failed} and are audited; an account without a role reaches only {@code /sso/no-role}; signing out ends
 * the provider's session too (RP-initiated logout, OpenID Connect RP-Initiated Logout 1.0) and the provider can end
 * ours (OpenID Connect Back-Channel Logout 1.0, at {@code /logout/connect/back-channel/sso}). The Content Security
 * Policy's {@code form-action} also allows the provider's origin, since the sign-out form ends there.
 */
final class SingleSignOn extends AbstractHttpConfigurer<SingleSignOn, HttpSecurity> {

	private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

	/** Where a refused or failed sign-on lands; the reason is one of a fixed set of codes. */
	static final String FAILURE_PAGE = "/sso/failed";

	/** What an account without a role sees. */
	static final String NO_ROLE_PAGE = "/sso/no-role";

	private final SingleSignOnSettings settings;

	private final ClientRegistrationRepository registration;

	private final SingleSignOnAccounts accounts;

	private final OidcSessionRegistry sessions;

	private final String sessionCookieName;

	private final Clock clock;

	SingleSignOn(SingleSignOnSettings settings, ClientRegistrationRepository registration, SingleSignOnAccounts accounts,
			OidcSessionRegistry sessions, String sessionCookieName, Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.registration = registration;
		this.accounts = accounts;
		this.sessions = sessions;
		this.sessionCookieName = sessionCookieName;
	}

	@Override
	public void init(HttpSecurity http) {
		AuthenticationFailureHandler failure = this::failed;
		SingleSignOnStepUp requests = new SingleSignOnStepUp(registration, settings.requiredAcr(), clock);
		OidcBackChannelLogoutHandler backChannel = new OidcBackChannelLogoutHandler(sessions);
		backChannel.setSessionCookieName(sessionCookieName);
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(registration)
			.oidcSessionRegistry(sessions)
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SingleSignOnSignIn(accounts, settings)))
			.successHandler(SingleSignOnStepUp::continueAfterSignIn)
			.failureHandler(failure)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failure);
					return filter;
				}
			}))
			.oidcLogout(logout -> logout.clientRegistrationRepository(registration)
				.oidcSessionRegistry(sessions)
				.backChannel(channel -> channel.logoutHandler(backChannel)))
			.logout(logout -> logout.logoutSuccessHandler(logoutSuccess()).addLogoutHandler((request, response, authentication) -> {
				// a back-channel logout passes the provider's logout token; the session's user is in the context
				Authentication session = SecurityContextHolder.getContext().getAuthentication();
				for (Authentication candidate : new Authentication[] { authentication, session }) {
					if (candidate != null && candidate.getPrincipal() instanceof SingleSignOnUser user) {
						SignInAudit.markSignedOut(request.getSession(false));
						accounts.signedOut(user.actor());
						return;
					}
				}
			}))
			// RP-initiated logout answers the sign-out form with a redirect to the provider, which form-action must allow
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings.issuerUri()))));
	}

	/** The application's Content Security Policy with the provider's origin added to {@code form-action}. */
	static String contentSecurityPolicy(String issuerUri) {
		URI issuer = URI.create(issuerUri);
		String origin = issuer.getScheme() + "://" + issuer.getHost() + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
		return TransportSecurity.CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterAfter(new NoRoleGate(), AuthorizationFilter.class);
	}

	/** RP-initiated logout for a sign-on session; the local sign-in page for a local one or while the provider is away. */
	private LogoutSuccessHandler logoutSuccess() {
		OidcClientInitiatedLogoutSuccessHandler provider = new OidcClientInitiatedLogoutSuccessHandler(registration);
		provider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
		provider.setDefaultTargetUrl("/login?logout");
		return (request, response, authentication) -> {
			try {
				provider.onLogoutSuccess(request, response, authentication);
			}
			catch (RuntimeException providerAway) {
				log.warn("Signed out here; the provider's session could not be ended: {}", providerAway.getClass().getSimpleName());
				response.sendRedirect(request.getContextPath() + "/login?logout");
			}
		};
	}

	/** Audits the failure (a refusal of ours is audited already) and shows the failure page; no session is made. */
	private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
		String reason = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "provider_unavailable";
		SingleSignOnStepUp.forget(request);
		if (!(e instanceof SingleSignOnRefusal)) {
			accounts.failed(null, null);
			log.warn("Single sign-on failed: {} ({})", reason, e.getClass().getSimpleName());
		}
		response.sendRedirect(request.getContextPath() + FAILURE_PAGE + "?reason=" + SingleSignOnFailure.of(reason).code());
	}

	/** Sends a signed-on user whose account has no role yet to the page that says so, before anything else. */
	static final class NoRoleGate extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			boolean waiting = auth != null && auth.getPrincipal() instanceof SingleSignOnUser user && !user.hasRole();
			boolean allowed = path.equals(NO_ROLE_PAGE) || path.equals("/logout") || path.startsWith("/css/") || path.startsWith("/js/")
					|| path.startsWith("/webjars/") || path.equals("/error") || path.startsWith("/favicon");
			if (waiting && !allowed) {
				if (path.startsWith("/api/")) {
					response.sendError(HttpStatus.FORBIDDEN.value());
				}
				else {
					response.sendRedirect(request.getContextPath() + NO_ROLE_PAGE);
				}
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
