package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.shared.Role;

/**
 * Through the real Tomcat (issue #11, item 5): a signed-in session that the container ends (as its idle timeout does)
 * is audited as {@code identity.session-expired}; one its user signs out of is audited once, as the sign-out.
 */
@HpoIntegrationTest
class SessionEndAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServletWebServerApplicationContext context;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Test
	void aSessionTheContainerEndsIsAuditedAsExpired() throws Exception {
		Signed in = signIn();
		Session session = tomcatSession(in.sessionId());
		assertThat(session).as("the signed-in session in Tomcat").isNotNull();
		session.expire();
		assertThat(auditOf(in.accountId())).containsExactly("identity.sign-in SUCCESS", "identity.session-expired SUCCESS");
	}

	@Test
	void aSessionItsUserSignsOutOfIsAuditedOnceAsTheSignOut() throws Exception {
		Signed in = signIn();
		String page = in.client().send(HttpRequest.newBuilder(URI.create(base() + "/account/password")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as("a page's CSRF token").isTrue();
		HttpResponse<String> out = in.client().send(HttpRequest.newBuilder(URI.create(base() + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(tomcatSession(in.sessionId())).as("the session ended").isNull();
		assertThat(auditOf(in.accountId())).containsExactly("identity.sign-in SUCCESS", "identity.sign-out SUCCESS");
	}

	private record Signed(HttpClient client, String sessionId, UUID accountId) {
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private Signed signIn() throws Exception {
		String email = "session-" + UUID.randomUUID() + "@test.consilium.local";
		IdentityManagement.CreatedAccount account = identity.seedAccount(email, "Session Patient", Role.PATIENT, null);
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		String page = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(account.oneTimePassword(), StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String sessionId = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
		return new Signed(client, sessionId, account.account().id().value());
	}

	private Session tomcatSession(String id) throws Exception {
		TomcatWebServer server = (TomcatWebServer) context.getWebServer();
		Context web = (Context) server.getTomcat().getHost().findChildren()[0];
		return web.getManager().findSession(id);
	}

	private List<String> auditOf(UUID accountId) {
		return jdbc.sql("SELECT action || ' ' || outcome FROM audit.audit_event WHERE actor_id = ? AND case_id IS NULL ORDER BY id")
			.param(accountId).query(String.class).list();
	}
}
