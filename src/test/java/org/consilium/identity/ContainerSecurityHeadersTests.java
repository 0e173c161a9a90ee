package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.shared.Role;

/**
 * Through the real Tomcat (issue #11, failure 8): the container's own error pages carry the security headers, and the
 * forwarded headers of a trusted proxy (here the loopback address) make a request HTTPS (HSTS, a Secure session
 * cookie) and name the client address the sign-in limits count, while the same headers from another address are
 * ignored.
 */
@HpoIntegrationTest
class ContainerSecurityHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	/** Sends one raw HTTP/1.1 request (the URL unchecked, as an attacker would) and returns the whole answer. */
	private String raw(String requestLine, String... headers) throws IOException {
		return raw(InetAddress.getLoopbackAddress(), requestLine, headers);
	}

	private String raw(InetAddress server, String requestLine, String... headers) throws IOException {
		try (Socket socket = new Socket(server, port)) {
			StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
			for (String header : headers) {
				request.append(header).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static String head(String response) {
		return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase();
	}

	@Test
	void tomcatsOwnErrorPagesCarryTheSecurityHeaders() throws IOException {
		for (String requestLine : new String[] { "GET /%zz HTTP/1.1", "GET /cases/%2e%2e/%2e%2e/etc HTTP/1.1", "GET /a\\b HTTP/1.1" }) {
			String head = head(raw(requestLine));
			assertThat(head).as(requestLine).startsWith("http/1.1 400");
			assertThat(head).as(requestLine).contains("content-security-policy: default-src 'self'", "frame-ancestors 'none'",
					"x-content-type-options: nosniff", "x-frame-options: deny", "permissions-policy: ", "cross-origin-opener-policy: same-origin");
		}
	}

	@Test
	void aTrustedProxySayingHttpsGetsHstsAndASecureSessionCookie() throws IOException {
		String plain = head(raw("GET /login HTTP/1.1"));
		assertThat(plain).startsWith("http/1.1 200").doesNotContain("strict-transport-security");
		String https = head(raw("GET /login HTTP/1.1", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.10"));
		assertThat(https).startsWith("http/1.1 200").contains("strict-transport-security: max-age=31536000 ; includesubdomains");
		assertThat(https).containsPattern("set-cookie: jsessionid=[^\\r\\n]*; secure");
		String error = head(raw("GET /%zz HTTP/1.1", "X-Forwarded-Proto: https"));
		assertThat(error).startsWith("http/1.1 400").contains("strict-transport-security: max-age=31536000");
	}

	@Test
	void forwardedHeadersFromAnAddressThatIsNoTrustedProxyAreIgnored() throws IOException {
		InetAddress untrusted = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
			.flatMap(i -> Collections.list(i.getInetAddresses()).stream())
			.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
			.findFirst().orElse(null);
		Assumptions.assumeTrue(untrusted != null, "the machine has an address other than loopback to connect from");
		String head = head(raw(untrusted, "GET /login HTTP/1.1", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.11"));
		assertThat(head).startsWith("http/1.1 200").doesNotContain("strict-transport-security").doesNotContain("; secure");
	}

	@Test
	void theSignInLimitsCountTheClientAddressATrustedProxyNames() throws Exception {
		String email = "proxied-" + UUID.randomUUID() + "@test.consilium.local";
		String password = identity.seedAccount(email, "Proxied Coordinator", Role.COORDINATOR, null).oneTimePassword();
		String attacker = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 200));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong-password-" + i, attacker).statusCode()).isEqualTo(302);
		}
		assertThat(signIn(email, password, attacker).statusCode()).isEqualTo(429);
		HttpResponse<String> owner = signIn(email, password, "198.51.100.77");
		assertThat(owner.statusCode()).isEqualTo(302);
		assertThat(owner.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	/** Signs in through the login form as a client behind the proxy at {@code clientAddress}. */
	private HttpResponse<String> signIn(String email, String password, String clientAddress) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).header("X-Forwarded-For", clientAddress).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		String form = "username=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).header("X-Forwarded-For", clientAddress)
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
