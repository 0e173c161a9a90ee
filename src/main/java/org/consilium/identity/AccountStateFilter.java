package org.consilium.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;

/**
 * Ends a session at its next request when its account was deactivated, or changed by an administrator (role, one-time
 * password, second factor) after the session signed in ({@link UserAccount#admitsSessionFrom}): the session is
 * invalidated, the end is audited ({@code identity.session.ended}), pages redirect to {@code /login?ended} and the API
 * answers 401. One look-up of the account row per signed-in request, so this holds across instances without shared
 * session storage. A principal without an account row (none in production) is left alone.
 */
final class AccountStateFilter extends OncePerRequestFilter {

	private final UserAccountRepository accounts;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	AccountStateFilter(UserAccountRepository accounts, AuditLog audit, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.audit = audit;
		this.transaction = transaction;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/favicon");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ConsiliumUser user && user.actor().id() != null
				&& accounts.findById(user.actor().id().value()).filter(a -> !a.admitsSessionFrom(user.authenticatedAt())).isPresent()) {
			transaction.executeWithoutResult(s -> audit.success(user.actor(), AuditAction.IDENTITY_SESSION_ENDED, null, "UserAccount",
					user.actor().id().value()));
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpStatus.UNAUTHORIZED.value());
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?ended");
			}
			return;
		}
		chain.doFilter(request, response);
	}
}
