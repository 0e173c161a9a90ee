package org.consilium.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * A small OpenID Connect provider the tests control, beside the real Keycloak: discovery, an authorization endpoint
 * that signs in at once, a token endpoint (authorization code, {@code client_secret_basic}, the code once and only for
 * its {@code redirect_uri}) and a JWKS, on a loopback port of the JDK's HTTP server; ID tokens are RS256, signed with
 * Nimbus JOSE. A test tells it how to answer next ({@link Answer}): rightly, or with a token that must be refused.
 *
 * <p>Its {@link Registration}, an initializer of the {@code @HpoIntegrationTest} context, adds this provider as a second client
 * registration, {@value #REGISTRATION_ID}, to the application's own {@link ClientRegistrationRepository} (the
 * {@code providerRegistration} bean is wrapped; {@code sso} stays Keycloak), so its answers go through the application's
 * real filter chain: {@code /oauth2/authorization/sso-test} and {@code /login/oauth2/code/sso-test}. No new context.
 */
public final class TestOpenIdProvider {

	public static final String REGISTRATION_ID = "sso-test";

	static final String CLIENT_ID = "consilium-at-test-provider";

	static final String CLIENT_SECRET = "test-provider-secret";

	/** How the next token request is answered. */
	public enum Answer {
		/** A right ID token. */
		GOOD,
		/** A {@code nonce} other than the authorization request's. */
		WRONG_NONCE,
		/** The ID token of the previous sign-in again (its {@code nonce} is the old one). */
		REPLAYED_TOKEN,
		/** {@code iss} of another issuer. */
		OTHER_ISSUER,
		/** {@code aud} of another client. */
		OTHER_AUDIENCE,
		/** {@code exp} ten minutes ago. */
		EXPIRED,
		/** Signed with a key not in the JWKS (same key id): a forged token. */
		FOREIGN_KEY,
		/** Ignores {@code prompt=login} and {@code max_age}: {@code auth_time} stays the earlier sign-in's. */
		IGNORES_PROMPT
	}

	private static TestOpenIdProvider running;

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey foreignKey;

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private volatile Answer answer = Answer.GOOD;

	private volatile String subject = "test-op-user";

	private volatile String email = "test-op-user@test.consilium.local";

	private volatile List<String> roles = List.of("consilium-specialist");

	private volatile Instant signedInAt = Instant.now();

	private volatile String lastIdToken;

	private volatile Map<String, String> lastAuthorizationRequest = Map.of();

	private volatile ClientRegistration registration;

	private TestOpenIdProvider() throws IOException, JOSEException {
		key = new RSAKeyGenerator(2048).keyID("test-op-key").generate();
		foreignKey = new RSAKeyGenerator(2048).keyID("test-op-key").generate();
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/.well-known/openid-configuration", this::discovery);
		server.createContext("/authorize", this::authorize);
		server.createContext("/token", this::token);
		server.createContext("/jwks", exchange -> send(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
		server.start();
	}

	/** The provider of this JVM, started at the first call. */
	public static synchronized TestOpenIdProvider get() {
		if (running == null) {
			try {
				running = new TestOpenIdProvider();
			}
			catch (IOException | JOSEException e) {
				throw new IllegalStateException(e);
			}
		}
		return running;
	}

	/** Adds this provider's registration to the application's (see the class comment); starts nothing itself. */
	public static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if ("providerRegistration".equals(name) && bean instanceof ClientRegistrationRepository keycloak) {
						return (ClientRegistrationRepository) id -> REGISTRATION_ID.equals(id) ? get().registration()
								: keycloak.findByRegistrationId(id);
					}
					return bean;
				}
			});
		}
	}

	public String issuer() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The client registration, from this provider's discovery document like the application's own. */
	ClientRegistration registration() {
		if (registration == null) {
			registration = ClientRegistrations.fromIssuerLocation(issuer())
				.registrationId(REGISTRATION_ID)
				.clientName("Test provider")
				.clientId(CLIENT_ID)
				.clientSecret(CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "profile", "email")
				.build();
		}
		return registration;
	}

	/** The next answers, the user who signs in and their roles; the provider's session starts now. */
	public TestOpenIdProvider answer(Answer next, String user, String... userRoles) {
		this.answer = next;
		this.subject = "test-op-" + user;
		this.email = user + "@test.consilium.local";
		this.roles = List.of(userRoles);
		return this;
	}

	/** When the provider's own session began (the {@code auth_time} of answers that do not sign in again). */
	public TestOpenIdProvider signedInAt(Instant at) {
		this.signedInAt = at;
		return this;
	}

	/** The query of the last authorization request the application sent here. */
	public Map<String, String> lastAuthorizationRequest() {
		return lastAuthorizationRequest;
	}

	/**
	 * Follows the application's redirect to this provider's authorization endpoint and returns where the provider sends the
	 * browser back (the application's redirect URI with {@code code} and {@code state}).
	 */
	public URI authorize(String authorizationRedirect) throws IOException, InterruptedException {
		var http = java.net.http.HttpClient.newHttpClient();
		var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(authorizationRedirect)).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	private void discovery(HttpExchange exchange) throws IOException {
		String issuer = issuer();
		send(exchange, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token","jwks_uri":"%1$s/jwks",
				"response_types_supported":["code"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
				"token_endpoint_auth_methods_supported":["client_secret_basic"],"scopes_supported":["openid","profile","email"]}"""
			.formatted(issuer));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		lastAuthorizationRequest = query;
		boolean again = "login".equals(query.get("prompt")) || "0".equals(query.get("max_age"));
		if (again && answer != Answer.IGNORES_PROMPT) {
			signedInAt = Instant.now();
		}
		String code = UUID.randomUUID().toString();
		codes.put(code, new Grant(query.get("client_id"), query.get("redirect_uri"), query.get("nonce")));
		String back = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Location", back);
		send(exchange, 302, "");
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Grant grant = codes.remove(String.valueOf(form.get("code")));
		if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null
				|| !grant.redirectUri().equals(form.get("redirect_uri"))) {
			send(exchange, 400, "{\"error\":\"invalid_grant\"}");
			return;
		}
		try {
			String idToken = answer == Answer.REPLAYED_TOKEN && lastIdToken != null ? lastIdToken : idToken(grant);
			lastIdToken = idToken;
			send(exchange, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
					+ "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken + "\"}");
		}
		catch (JOSEException e) {
			send(exchange, 500, "{\"error\":\"server_error\"}");
		}
	}

	private String idToken(Grant grant) throws JOSEException {
		Instant now = Instant.now();
		Instant issued = answer == Answer.EXPIRED ? now.minus(Duration.ofMinutes(20)) : now;
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(answer == Answer.OTHER_ISSUER ? issuer() + "/another-realm" : issuer())
			.subject(subject)
			.audience(answer == Answer.OTHER_AUDIENCE ? "another-client" : grant.clientId())
			.issueTime(Date.from(issued))
			.expirationTime(Date.from(issued.plus(Duration.ofMinutes(answer == Answer.EXPIRED ? 10 : 5))))
			.claim("auth_time", signedInAt.getEpochSecond())
			.claim("nonce", answer == Answer.WRONG_NONCE ? "not-the-nonce-of-this-request" : grant.nonce())
			.claim("email", email)
			.claim("email_verified", true)
			.claim("name", "Tess Provider")
			.claim("roles", roles)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(answer == Answer.FOREIGN_KEY ? foreignKey : key));
		return jwt.serialize();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw != null && !raw.isEmpty()) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (body.startsWith("{")) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record Grant(String clientId, String redirectUri, String nonce) {
	}
}
