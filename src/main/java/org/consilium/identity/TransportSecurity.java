package org.consilium.identity;


import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transport's share of security, beside {@link SecurityConfiguration}'s headers:
 * <ul>
 * <li>the response headers every answer carries, also the container's own error pages (a 400 for a malformed URL, an
 * error outside Spring), which Tomcat's {@link ErrorReportValve} writes without passing Spring Security: they come
 * from {@link HeaderedErrorReportValve} instead, with the same values, and no server version or report;</li>
 * <li>with {@code consilium.http.https-only=true} (default: {@code server.ssl.enabled}), the session cookie
 * {@value #HOST_SESSION_COOKIE}: the {@code __Host-} prefix makes browsers keep it only with {@code Secure}, path
 * {@code /} and no domain (RFC 6265bis section 4.1.3.2), so no plain-HTTP page or sibling domain can set or read
 * it.</li>
 * </ul>
 * A request counts as HTTPS when it arrived over TLS, or when a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}, none by default) said so in {@code X-Forwarded-Proto}; only then is
 * HSTS sent (RFC 6797 section 7.2: not over plain HTTP).
 */
@Configuration(proxyBeanMethods = false)
class TransportSecurity {

	/** Only the application's own scripts, styles and frames; no page of ours may be framed anywhere. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; object-src 'self'; frame-src 'self'; frame-ancestors 'none'; "
			+ "form-action 'self'; base-uri 'none'";

	static final String PERMISSIONS_POLICY_HEADER = "Permissions-Policy";

	/** Powerful browser features no page of ours uses (https://www.w3.org/TR/permissions-policy/). */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	/** One year, as https://hstspreload.org/ asks. */
	static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

	static final String HOST_SESSION_COOKIE = "__Host-JSESSIONID";

	static String sessionCookieName(boolean httpsOnly) {
		return httpsOnly ? HOST_SESSION_COOKIE : "JSESSIONID";
	}

	@Bean
	@ConditionalOnProperty(name = "consilium.http.https-only", havingValue = "true")
	ServletContextInitializer hostPrefixedSessionCookie() {
		return TransportSecurity::useHostPrefixedSessionCookie;
	}

	/** Names the session cookie {@value #HOST_SESSION_COOKIE}, {@code Secure}, path {@code /}, no domain. */
	static void useHostPrefixedSessionCookie(ServletContext servletContext) {
		SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
		cookie.setName(HOST_SESSION_COOKIE);
		cookie.setSecure(true);
		cookie.setPath("/");
		cookie.setDomain(null);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorPagesWithSecurityHeaders() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(HeaderedErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * Tomcat's error page (status line and a short HTML page, no report, no server version) with the application's
	 * security headers. Public with a public constructor: the host creates it by its class name.
	 */
	public static final class HeaderedErrorReportValve extends ErrorReportValve {

		public HeaderedErrorReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			if (!response.isCommitted()) {
				response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Referrer-Policy", "no-referrer");
				response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
				response.setHeader(PERMISSIONS_POLICY_HEADER, PERMISSIONS_POLICY);
				response.setHeader("Cache-Control", "no-store");
				if (request.isSecure()) {
					response.setHeader("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE_SECONDS + " ; includeSubDomains");
				}
			}
			super.report(request, response, throwable);
		}
	}
}
