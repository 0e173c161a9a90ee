package org.consilium.identity;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Keycloak (the distribution that {@code pom.xml} unpacks once per build into {@code target/keycloak}) as the
 * OpenID Connect provider of the single sign-on tests, one per JVM, stopped when the JVM exits.
 *
 * <p>As an initializer of the {@code @HpoIntegrationTest} context it only sets {@code consilium.sso.*} to a loopback port
 * chosen here; nothing is started then, since the application reads the provider's discovery document at the first
 * sign-on. A test that signs on calls {@link #start(int)} with the application's port: the realm of
 * {@code src/test/resources/keycloak/consilium-realm.json} (users, roles, the client with the application's redirect,
 * post-logout and back-channel logout URLs) is imported into an in-memory database, and Keycloak runs on a JDK 21 or
 * newer found in {@code /usr/lib/jvm} (or {@code KEYCLOAK_JAVA_HOME}). When it cannot start the test is skipped
 * with the reason, or fails when {@code CI=true}.
 */
public final class KeycloakServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String REALM = "consilium";

	public static final String CLIENT_ID = "consilium";

	public static final String CLIENT_SECRET = "consilium-test-secret";

	public static final String ADMIN_PASSWORD = "keycloak-test-admin";

	/** The loopback HTTP port, fixed for the JVM. */
	public static final int PORT = freePort();

	private static final int MANAGEMENT_PORT = freePort();

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static Process process;

	private static Integer startedFor;

	private static String unavailable;

	/** The issuer of the test realm. */
	public static String issuer() {
		return "http://127.0.0.1:" + PORT + "/realms/" + REALM;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("consilium.sso.issuer-uri=" + issuer(), "consilium.sso.client-id=" + CLIENT_ID,
				"consilium.sso.client-secret=" + CLIENT_SECRET, "consilium.sso.provider-name=Test Hospital Keycloak",
				"consilium.sso.role-claim=roles", "consilium.sso.role-mapping.consilium-coordinator=COORDINATOR",
				"consilium.sso.role-mapping.consilium-specialist=SPECIALIST", "consilium.sso.role-mapping.consilium-admin=ADMIN",
				"consilium.sso.link-verified-email=true")
			.applyTo(context);
	}

	/**
	 * Starts Keycloak for the application on {@code appPort} once per JVM and waits until it is ready.
	 *
	 * @throws org.opentest4j.TestAbortedException when it cannot start and {@code CI} is not {@code true}
	 */
	public static synchronized void start(int appPort) {
		if (startedFor != null) {
			Assertions.assertEquals(startedFor, appPort, "one Keycloak per JVM serves one application port");
			return;
		}
		if (unavailable == null) {
			try {
				launch(appPort);
				startedFor = appPort;
				return;
			}
			catch (Exception e) {
				unavailable = e.getMessage();
				stop();
			}
		}
		String reason = "Keycloak did not start: " + unavailable;
		if ("true".equals(System.getenv("CI"))) {
			Assertions.fail(reason);
		}
		Assumptions.abort(reason);
	}

	private static void launch(int appPort) throws Exception {
		Path home = Paths.get(System.getProperty("consilium.keycloak.home", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
		Path kc = home.resolve("bin/kc.sh");
		if (!Files.isExecutable(kc)) {
			throw new IllegalStateException("no " + kc + " (run the build's generate-test-resources phase, which unpacks it)");
		}
		Path javaHome = javaHome().orElseThrow(() -> new IllegalStateException(
				"no JDK 21 or newer in /usr/lib/jvm and none in KEYCLOAK_JAVA_HOME; Keycloak 26 needs one"));
		Path imports = Files.createDirectories(home.resolve("data/import"));
		String realm;
		try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/consilium-realm.json")) {
			realm = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${APP_PORT}", Integer.toString(appPort));
		}
		Files.writeString(imports.resolve("consilium-realm.json"), realm);
		Path log = Files.createDirectories(Paths.get("target", "keycloak-log")).resolve("keycloak.log");
		ProcessBuilder builder = new ProcessBuilder(kc.toString(), "start-dev", "--import-realm", "--db=dev-mem",
				"--http-host=127.0.0.1", "--http-port=" + PORT, "--http-management-port=" + MANAGEMENT_PORT, "--health-enabled=true",
				"--cache=local")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", javaHome.toString());
		builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
		// JBoss Threads' thread-local reset on Java 24 and newer
		builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
		process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop, "keycloak-stop"));
		waitUntilReady(log);
	}

	private static void waitUntilReady(Path log) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI ready = URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/health/ready");
		URI realm = URI.create(issuer() + "/.well-known/openid-configuration");
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("it exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
			}
			if (answers(http, ready) && answers(http, realm)) {
				return;
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("not ready after " + START_TIMEOUT + "; see " + log.toAbsolutePath());
	}

	private static boolean answers(HttpClient http, URI uri) {
		try {
			return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** A JDK of version 21 or newer: {@code KEYCLOAK_JAVA_HOME}, else the newest in {@code /usr/lib/jvm}. */
	static Optional<Path> javaHome() {
		String configured = System.getenv("KEYCLOAK_JAVA_HOME");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Paths.get(configured));
		}
		Path jvms = Paths.get("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && !Files.isSymbolicLink(h))
				.filter(h -> featureVersion(h) >= 21)
				.max(Comparator.comparingInt(KeycloakServer::featureVersion));
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	/** The feature version from the JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}), 0 when unreadable. */
	private static int featureVersion(Path home) {
		try {
			List<String> lines = Files.readAllLines(home.resolve("release"));
			return lines.stream().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
				.map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
				.map(v -> Integer.parseInt(v.split("[.+-]")[0]))
				.orElse(0);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/**
	 * Ends every session of the realm's user at Keycloak through its admin API, as an administrator there would; Keycloak
	 * then sends the back-channel logout to the application.
	 */
	public static void endSessionsOf(String username) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + ADMIN_PASSWORD;
		String tokenJson = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/realms/master/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String token = jsonString(tokenJson, "access_token");
		String admin = "http://127.0.0.1:" + PORT + "/admin/realms/" + REALM;
		String users = http.send(HttpRequest.newBuilder(URI.create(admin + "/users?exact=true&username=" + username))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
		String id = jsonString(users, "id");
		int status = http.send(HttpRequest.newBuilder(URI.create(admin + "/users/" + id + "/logout")).header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		Assertions.assertEquals(204, status, "Keycloak ended the user's sessions");
	}

	/** The first string value of {@code field} in a JSON text (Keycloak's answers here are small and flat enough). */
	private static String jsonString(String json, String field) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		Assertions.assertTrue(m.find(), () -> "no " + field + " in Keycloak's answer");
		return m.group(1);
	}

	private static synchronized void stop() {
		Process running = process;
		if (running != null) {
			running.descendants().forEach(ProcessHandle::destroy);
			running.destroy();
			try {
				running.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			running.descendants().forEach(ProcessHandle::destroyForcibly);
			running.destroyForcibly();
			process = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
