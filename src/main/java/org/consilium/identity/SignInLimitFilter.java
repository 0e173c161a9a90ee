package org.consilium.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the password of a sign-in ({@code POST /login}) is checked: answers 429 Too Many Requests with
 * {@code Retry-After} (whole seconds, RFC 9110 section 10.2.3) when the origin, or the origin for this account, has no
 * attempts left ({@link SignInLimits#refusal}), and audits the refusal; otherwise waits the account's progressive
 * delay and lets the form login go on. The origin is {@link HttpServletRequest#getRemoteAddr()}, which names the client
 * only when a trusted proxy's {@code X-Forwarded-For} was applied ({@code server.tomcat.remoteip.internal-proxies}).
 */
final class SignInLimitFilter extends OncePerRequestFilter {

	private final SignInLimits limits;

	private final SignInAudit audit;

	SignInLimitFilter(SignInLimits limits, SignInAudit audit) {
		this.limits = limits;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().equals(request.getContextPath() + "/login");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		Optional<Duration> refusal = limits.refusal(username, request.getRemoteAddr());
		if (refusal.isPresent()) {
			audit.limited(username);
			long seconds = Math.max(1, (refusal.get().toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		pause(limits.delayFor(username));
		chain.doFilter(request, response);
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
