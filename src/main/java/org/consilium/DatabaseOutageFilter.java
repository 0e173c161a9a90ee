package org.consilium;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After} when a request failed because the database could
 * not be reached or did not answer in time ({@link DatabaseTimeouts}), wherever it failed: a controller, the sign-in,
 * the security or session layer. The API gets an RFC 9457 problem ({@code urn:consilium:problem:database-unavailable}),
 * pages a plain HTML page that needs nothing from the database. Runs first, before the security filters; any other
 * failure passes through unchanged.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	/**
	 * SQLSTATEs of an unreachable, shutting-down, starting or too slow server: class 08 (connection exception), 57P01
	 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 57014 query_canceled (the statement timeout)
	 * (https://www.postgresql.org/docs/14/errcodes-appendix.html).
	 */
	private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "57014");

	private final long retryAfterSeconds;

	private final BooleanSupplier knownDown;

	/**
	 * @param knownDown whether the database is known to be down without asking it (the embedded engine's postmaster is
	 *        not running): requests then get their 503 at once instead of after the connection timeout, except the
	 *        health endpoint and static files, which need no database
	 */
	DatabaseOutageFilter(Duration retryAfter, BooleanSupplier knownDown) {
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
		this.knownDown = knownDown;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (knownDown.getAsBoolean() && needsDatabase(request)) {
			unavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException e) {
			if (!isOutage(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unavailable, answered 503: {}", rootCause(e).getClass().getName());
			unavailable(request, response);
		}
	}

	/** Whether {@code failure} or one of its causes says the database is down, unreachable or too slow. */
	static boolean isOutage(Throwable failure) {
		Throwable t = failure;
		for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState()))) {
				return true;
			}
			// a failed rollback on a connection already closed by the pool hides the failure that caused it
			if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null && tx.getApplicationException() != failure
					&& isOutage(tx.getApplicationException())) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static boolean needsDatabase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/favicon."));
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
		response.setCharacterEncoding("UTF-8");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/problem+json");
			response.getWriter().write("{\"type\":\"urn:consilium:problem:database-unavailable\",\"title\":\"Service Unavailable\",\"status\":503,"
					+ "\"detail\":\"The database is not available at the moment; try again in " + retryAfterSeconds
					+ " seconds.\",\"code\":\"database-unavailable\"}");
		}
		else {
			response.setContentType("text/html");
			response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Temporarily unavailable</title></head>"
					+ "<body><main><h1>Temporarily unavailable</h1><p>Consilium cannot reach its database at the moment. Nothing you saved "
					+ "before was lost. Try again in a minute.</p></main></body></html>");
		}
	}

	private static Throwable rootCause(Throwable e) {
		Throwable t = e;
		for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 32; depth++) {
			t = t.getCause();
		}
		return t;
	}
}
