package org.consilium.identity;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Form login for pages, the same session for the JSON API (which answers 401 instead of redirecting), CSRF on
 * every state change (htmx sends the token as a header), a strict Content Security Policy that allows only the
 * application's own scripts and styles and no framing ({@link TransportSecurity}), HSTS on HTTPS requests, and no
 * caching of pages that may hold health data. Sign-ins pass the {@link SignInLimits} ({@link SignInLimitFilter}) and
 * are audited with sign-outs ({@link SignInAudit}). Single sign-on, when configured, is added by {@link SingleSignOn};
 * {@link LocalStaffSignIn} decides who may still use a local password. The OpenAPI document ({@code /api/openapi}) needs a sign-in unless
 * {@code consilium.http.public-api-document=true}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String GENERIC_LOGIN_FAILURE = "The e-mail or password is not correct, or there were too many attempts. Try again in a few minutes.";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(12);
	}

	private static UserDetailsService userDetailsService(UserAccountRepository accounts, Clock clock, SecondFactors secondFactors,
			SecondFactorSettings settings) {
		return username -> accounts.findByEmail(UserAccount.normalize(username))
			.map(account -> account.toPrincipal(clock.instant(), secondFactors.isEnrolled(account.id()), settings.requiredFor(account.role())))
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@Bean
	AuthenticationProvider limitedAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder, SignInLimits limits,
			SignInAudit audit, LocalStaffSignIn localStaffSignIn, Clock clock, SecondFactors secondFactors, SecondFactorSettings settings) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetailsService(accounts, clock, secondFactors, settings));
		dao.setPasswordEncoder(encoder);
		dao.setPostAuthenticationChecks(localStaffSignIn);
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				String username = String.valueOf(authentication.getName());
				String origin = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
				try {
					Authentication result = dao.authenticate(authentication);
					limits.succeeded(username, origin);
					audit.signedIn(((ConsiliumUser) result.getPrincipal()).actor());
					return result;
				}
				catch (InternalAuthenticationServiceException e) {
					// the account could not be read (e.g. the database is away): not a wrong password, so not counted
					throw e.getCause() instanceof RuntimeException cause ? cause : e;
				}
				catch (AuthenticationException e) {
					limits.failed(username, origin);
					audit.failed(username);
					throw new BadCredentialsException(GENERIC_LOGIN_FAILURE);
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return dao.supports(authentication);
			}
		};
	}

	/** Turns the container's session events into Spring events: the end of an idle session is audited ({@link SignInAudit}). */
	@Bean
	static org.springframework.security.web.session.HttpSessionEventPublisher httpSessionEventPublisher() {
		return new org.springframework.security.web.session.HttpSessionEventPublisher();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInLimits limits, SignInAudit audit, SessionGuards guards,
			ObjectProvider<SingleSignOn> singleSignOn,
			@Value("${consilium.http.public-api-document:false}") boolean publicApiDocument,
			@Value("${consilium.http.https-only:false}") boolean httpsOnly) throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		http
			.authorizeHttpRequests(auth -> {
				auth.requestMatchers("/login", "/register", "/account/check-email", "/account/verify", "/account/reset", "/account/reset/new", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
						"/actuator/health", "/about/emergency", "/opinions/verify", SingleSignOn.FAILURE_PAGE, "/shared/**")
					.permitAll();
				if (publicApiDocument) {
					auth.requestMatchers("/api/openapi", "/api/openapi/**").permitAll();
				}
				auth.requestMatchers("/admin/**").hasRole("ADMIN")
					.anyRequest().authenticated();
			})
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof ConsiliumUser user) {
						SignInAudit.markSignedOut(request.getSession(false));
						audit.signedOut(user.actor());
					}
				})
				.deleteCookies(TransportSecurity.sessionCookieName(httpsOnly)))
			.exceptionHandling(ex -> ex
				.defaultAuthenticationEntryPointFor((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
						"Sign in first: the API uses the session of the sign-in form (its session cookie) and, for changes, the CSRF token in the X-CSRF-TOKEN header."), api)
				.defaultAccessDeniedHandlerFor((request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
						"Not allowed. Changes need the CSRF token of your session in the X-CSRF-TOKEN header; a one-time password must be changed first."), api))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(TransportSecurity.CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions(frame -> frame.deny())
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(TransportSecurity.HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
				.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter(TransportSecurity.PERMISSIONS_POLICY_HEADER, TransportSecurity.PERMISSIONS_POLICY)))
			.addFilterBefore(new SignInLimitFilter(limits, audit), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(guards.accountState(), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.addFilterAfter(new PasswordChangeGate(), org.springframework.security.web.access.intercept.AuthorizationFilter.class);
		if (httpsOnly) {
			// a plain-HTTP request (not over TLS, and no X-Forwarded-Proto: https from a trusted proxy) is redirected to
			// HTTPS before anything else answers it; the health check a local supervisor makes over plain HTTP is not
			http.redirectToHttps(https -> https.requestMatchers(
					request -> !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")));
		}
		singleSignOn.ifAvailable(sso -> http.with(sso, Customizer.withDefaults()));
		return http.build();
	}

	/** Writes an RFC 9457 problem detail with a fixed message (no request data). */
	private static void problem(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"urn:consilium:problem:" + code + "\",\"title\":\"" + status.getReasonPhrase()
				+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
	}

	/**
	 * Sends a user who still holds a one-time password to the change form, and one whose sign-in still needs the second
	 * factor to its code or enrolment page, before anything else (the API answers 403).
	 */
	static final class PasswordChangeGate extends OncePerRequestFilter {

		private static final java.util.Map<String, String> STEPS = java.util.Map.of(ConsiliumUser.PASSWORD_CHANGE_REQUIRED, "/account/password",
				ConsiliumUser.SECOND_FACTOR_REQUIRED, "/account/second-factor", ConsiliumUser.SECOND_FACTOR_ENROLMENT_REQUIRED,
				"/account/second-factor/enrol");

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String step = auth == null ? null : auth.getAuthorities().stream().map(a -> STEPS.get(a.getAuthority()))
				.filter(java.util.Objects::nonNull).findFirst().orElse(null);
			boolean allowed = path.equals(step) || path.equals("/logout") || path.startsWith("/css/")
					|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/error");
			if (step != null && !allowed) {
				if (path.startsWith("/api/")) {
					response.sendError(HttpStatus.FORBIDDEN.value());
				}
				else if (request.getHeader("HX-Request") != null) {
					// an htmx request (the header's notices) swaps nothing; the page itself goes to the pending step
					if (!String.valueOf(request.getHeader("HX-Current-URL")).contains(step)) {
						response.setHeader("HX-Redirect", request.getContextPath() + step);
					}
					response.setStatus(HttpStatus.NO_CONTENT.value());
				}
				else {
					response.sendRedirect(request.getContextPath() + step);
				}
				return;
			}
			chain.doFilter(request, response);
		}
	}
}
