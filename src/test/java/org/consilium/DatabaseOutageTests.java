package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.identity.TestAccounts;
import org.consilium.shared.Role;

/**
 * The application while its database is away, and after: pages, the API, the sign-in and the health endpoint answer
 * 503 with {@code Retry-After} (never 500, never a hang), and serve again by themselves once the database is back.
 * This class has its own application context (short timeouts) and so its own embedded engine, which it freezes with
 * SIGSTOP and kills; the shared contexts' engines are never touched. Waits below are guards against a hung run, not
 * timing assertions (the figures are measured by {@code bench/outage.sh}).
 */
@SpringBootTest(properties = { "consilium.database.connection-timeout=1s", "consilium.database.login-timeout=1s",
		"consilium.database.statement-timeout=2s", "consilium.database.socket-timeout=3s", "consilium.database.retry-after=7s",
		"consilium.database.embedded.watch-interval=1s", "consilium.http.https-only=true" })
@AutoConfigureMockMvc
class DatabaseOutageTests {

	/** A request as it arrives over TLS (the scheme is what Spring Security's HTTPS redirect looks at). */
	static final org.springframework.test.web.servlet.request.RequestPostProcessor HTTPS = request -> {
		request.setScheme("https");
		request.setServerPort(443);
		request.setSecure(true);
		return request;
	};

	@Autowired
	MockMvc mvc;

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	TestAccounts accounts;

	@Test
	void aFrozenDatabaseAnswers503WithRetryAfterAndTheApplicationServesAgainWhenItThaws() throws Exception {
		Authentication patient = TestAccounts.authentication(accounts.create(Role.PATIENT));
		assertThat(status(get("/api/cases").with(HTTPS), patient)).isEqualTo(200);

		List<ProcessHandle> engine = engineProcesses();
		signal("STOP", engine);
		try {
			MvcResult api = mvc.perform(get("/api/cases").with(HTTPS).with(authentication(patient))).andReturn();
			assertThat(api.getResponse().getStatus()).isEqualTo(503);
			assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("7");
			assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(api.getResponse().getContentAsString()).contains("\"code\":\"database-unavailable\"");

			MvcResult page = mvc.perform(get("/cases").with(HTTPS).with(authentication(patient))).andReturn();
			assertThat(page.getResponse().getStatus()).isEqualTo(503);
			assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("7");
			assertThat(page.getResponse().getContentType()).startsWith("text/html");
			assertThat(page.getResponse().getContentAsString()).contains("Temporarily unavailable");

			MvcResult signIn = mvc.perform(post("/login").with(HTTPS).with(csrf()).param("username", "someone@test.consilium.local").param("password",
					"not-the-password")).andReturn();
			assertThat(signIn.getResponse().getStatus()).isEqualTo(503);
			assertThat(signIn.getResponse().getHeader("Retry-After")).isEqualTo("7");

			MvcResult health = mvc.perform(get("/actuator/health")).andReturn();
			assertThat(health.getResponse().getStatus()).isEqualTo(503);
			assertThat(health.getResponse().getContentAsString()).contains("DOWN");
		}
		finally {
			signal("CONT", engine);
		}

		Set<Integer> seen = awaitRecovery(patient);
		assertThat(seen).isSubsetOf(200, 503);
		assertThat(status(get("/cases").with(HTTPS), patient)).isEqualTo(200);
		assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aKilledEngineIsRestartedAndTheApplicationServesAgainWithoutARestart() throws Exception {
		Authentication patient = TestAccounts.authentication(accounts.create(Role.PATIENT));
		ProcessHandle postmaster = database.postmaster().orElseThrow();
		assertThat(status(get("/api/cases").with(HTTPS), patient)).isEqualTo(200);

		signal("KILL", List.of(postmaster));
		postmaster.onExit().get(60, TimeUnit.SECONDS);

		Set<Integer> seen = awaitRecovery(patient);
		assertThat(seen).as("answers while the engine was down and restarting").isSubsetOf(200, 503);
		assertThat(database.postmaster().orElseThrow().pid()).isNotEqualTo(postmaster.pid());
		assertThat(status(get("/cases").with(HTTPS), patient)).isEqualTo(200);
		assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	/**
	 * This context also runs with the transport of a deployment behind TLS ({@code consilium.http.https-only}), which is
	 * why the requests above arrive over HTTPS: a plain-HTTP request is redirected to HTTPS, except the health check.
	 */
	@Test
	void behindTlsAPlainHttpRequestIsRedirectedToHttpsButTheHealthCheckIsNot() throws Exception {
		MvcResult plain = mvc.perform(get("/cases")).andReturn();
		assertThat(plain.getResponse().getStatus()).isEqualTo(302);
		assertThat(plain.getResponse().getRedirectedUrl()).isEqualTo("https://localhost/cases");
		assertThat(mvc.perform(get("/login").with(HTTPS)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	/** Asks the API until it answers 200 (at most two minutes, a guard); returns every status seen on the way. */
	private Set<Integer> awaitRecovery(Authentication patient) throws Exception {
		Set<Integer> seen = new LinkedHashSet<>();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		int last;
		do {
			last = status(get("/api/cases").with(HTTPS), patient);
			seen.add(last);
			if (last != 200) {
				Thread.sleep(200);
			}
		}
		while (last != 200 && System.nanoTime() < deadline);
		assertThat(last).as("the API answers again").isEqualTo(200);
		return seen;
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Authentication user) throws Exception {
		return mvc.perform(request.with(authentication(user))).andReturn().getResponse().getStatus();
	}

	/** The postmaster and every process it started (backends, writers): together they are the engine. */
	private List<ProcessHandle> engineProcesses() {
		ProcessHandle postmaster = database.postmaster().orElseThrow();
		return Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
	}

	private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
		processes.forEach(p -> command.add(Long.toString(p.pid())));
		new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
	}
}
