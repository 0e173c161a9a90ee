package org.consilium.identity;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Step-up for a single sign-on user without signing out: {@code /oauth2/authorization/sso?step-up&continue=/path}
 * sends a signed-on user to the provider again with {@code prompt=login} and {@code max_age=0} (OpenID Connect Core 1.0
 * section 3.1.2.1), so the provider asks for the credentials again even while its own session lasts. The request is
 * remembered in the session ({@link Pending}: the account, when it was asked for, where to go on); on return the new ID
 * token must carry an {@code auth_time} not older than the request (less {@link #CLOCK_SKEW}), or the answer is refused
 * ({@link SingleSignOnRefusal#STEP_UP_NOT_FRESH}, the session keeps its earlier sign-in, which still needs a step-up).
 * A fresh answer replaces the session's authentication, so {@link StepUp#isRequired()} reads the new {@code auth_time},
 * and the user lands on the {@code continue} path (a path of this application only). Audited as
 * {@code identity.step-up}.
 */
final class SingleSignOnStepUp implements OAuth2AuthorizationRequestResolver {

	/** The query parameter that asks for a step-up. */
	static final String PARAMETER = "step-up";

	/** How much earlier than our request the provider's {@code auth_time} may be (the clocks of two machines). */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	static final String PENDING = SingleSignOnStepUp.class.getName() + ".PENDING";

	/**
	 * A step-up asked for in this session.
	 *
	 * @param accountId the Consilium account that asked
	 * @param requestedAt when it was sent to the provider (our clock)
	 * @param continuePath where to go on after a fresh sign-in, a local path
	 */
	record Pending(UUID accountId, Instant requestedAt, String continuePath) implements Serializable {
	}

	private final DefaultOAuth2AuthorizationRequestResolver delegate;

	private final Clock clock;

	SingleSignOnStepUp(ClientRegistrationRepository registrations, List<String> requiredAcr, Clock clock) {
		this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		if (!requiredAcr.isEmpty()) {
			delegate.setAuthorizationRequestCustomizer(
					request -> request.additionalParameters(p -> p.put("acr_values", String.join(" ", requiredAcr))));
		}
		this.clock = clock;
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return stepUp(request, delegate.resolve(request));
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return stepUp(request, delegate.resolve(request, clientRegistrationId));
	}

	private OAuth2AuthorizationRequest stepUp(HttpServletRequest request, OAuth2AuthorizationRequest resolved) {
		if (resolved == null) {
			return null;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (request.getParameter(PARAMETER) == null || auth == null || !(auth.getPrincipal() instanceof SingleSignOnUser user)) {
			if (session != null) {
				session.removeAttribute(PENDING);
			}
			return resolved;
		}
		request.getSession().setAttribute(PENDING,
				new Pending(user.actor().id().value(), clock.instant(), localPath(request.getParameter("continue"))));
		return OAuth2AuthorizationRequest.from(resolved).additionalParameters(p -> {
			p.put("prompt", "login");
			p.put("max_age", "0");
		}).build();
	}

	/** Whether the ID token says the provider authenticated the user after the step-up was asked for. */
	static boolean fresh(OidcIdToken token, Pending pending) {
		Instant authTime = token.getAuthenticatedAt();
		return authTime != null && !authTime.isBefore(pending.requestedAt().minus(CLOCK_SKEW));
	}

	/** The step-up pending in the session of the request being handled (the provider's answer), if any. */
	static Optional<Pending> pendingInCurrentRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
				return Optional.of(pending);
			}
		}
		return Optional.empty();
	}

	/** After a sign-on: the step-up's {@code continue} path when it was this account's step-up, else the home page. */
	static void continueAfterSignIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String target = "/";
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PENDING) instanceof Pending pending) {
			session.removeAttribute(PENDING);
			if (authentication.getPrincipal() instanceof SingleSignOnUser user && user.actor().id().value().equals(pending.accountId())) {
				target = pending.continuePath();
			}
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	/** Forgets a step-up whose answer was refused. */
	static void forget(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
	}

	/** The path when it is one of this application's (one leading slash, no backslash or line break), else the home page. */
	static String localPath(String next) {
		return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\r")
				&& !next.contains("\n") ? next : "/";
	}
}
