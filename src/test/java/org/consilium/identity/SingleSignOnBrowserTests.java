package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.HeadlessChromium;
import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.shared.Role;

/**
 * Single sign-on in real headless Chromium against a real Keycloak ({@link KeycloakServer}): the user clicks the
 * sign-on button, signs in on Keycloak's own page and comes back signed in with the role the realm role maps; an
 * existing account is linked by its verified address; a user without a mapped role waits on the page that says so; an
 * unverified address is not linked; Keycloak refuses an unregistered {@code redirect_uri}; a step-up sends the user to
 * Keycloak's password page again and back to where they were; signing out ends Keycloak's session too, and Keycloak
 * ending it ends ours (back-channel logout). The last page of each test is saved as {@code target/journey/sso-<test>.png}.
 */
@HpoIntegrationTest
class SingleSignOnBrowserTests {

	static final Path ARTIFACTS = Paths.get("target", "journey");

	static ChromeDriver driver;

	static WebDriverWait wait;

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("1280,1400");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startChromium() throws IOException {
		Files.createDirectories(ARTIFACTS);
		driver = chromium.driver();
		wait = new WebDriverWait(driver, Duration.ofSeconds(90));
	}

	@BeforeEach
	void freshBrowserAndKeycloak() {
		KeycloakServer.start(port);
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	@AfterEach
	void keepTheLastPage(org.junit.jupiter.api.TestInfo test) throws IOException {
		Files.write(ARTIFACTS.resolve("sso-" + test.getTestMethod().orElseThrow().getName() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void aCoordinatorSignsOnWithTheMappedRoleAndSigningOutEndsBothSessions() {
		signOn("kc-coordinator", "coordinator-password");
		waitForPath("/triage");
		UserView account = identity.findByEmail("kc-coordinator@test.consilium.local").orElseThrow();
		assertThat(account.role()).isEqualTo(Role.COORDINATOR);
		assertThat(account.displayName()).isEqualTo("Cora Keycloak");
		assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains("Cora Keycloak", "(Coordinator)");
		assertThat(audit(account)).contains("identity.sso.sign-in:SUCCESS");

		driver.findElement(By.xpath("//form[contains(@action,'/logout')]/button")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(audit(account)).contains("identity.sso.sign-out:SUCCESS");
		driver.get(base() + "/login");
		driver.findElement(By.id("sso-sign-in")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		assertThat(driver.getCurrentUrl()).as("Keycloak asks for the password again: its session ended too").startsWith(KeycloakServer.issuer());
	}

	@Test
	void anExistingAccountIsLinkedByItsVerifiedAddressAndTakesTheMappedRole() {
		String email = "kc-linked@test.consilium.local";
		UserView local = identity.findByEmail(email)
			.orElseGet(() -> identity.seedAccount(email, "Lina Linked", Role.REFERRING_PHYSICIAN, null).account());
		signOn("kc-linked", "linked-password");
		waitForPath("/review");
		UserView after = identity.findUser(local.id()).orElseThrow();
		assertThat(after.role()).isEqualTo(Role.SPECIALIST);
		assertThat(audit(after)).contains("identity.sso.link:SUCCESS", "identity.sso.sign-in:SUCCESS");
		assertThat(jdbc.sql("SELECT issuer FROM identity.sso_link WHERE account_id = ?").param(local.id().value()).query(String.class).single())
			.isEqualTo(KeycloakServer.issuer());
	}

	@Test
	void aUserWithoutAMappedRoleGetsAnAccountAndWaitsForARole() {
		signOn("kc-norole", "norole-password");
		waitForPath("/sso/no-role");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your account is waiting for a role");
		driver.get(base() + "/cases");
		waitForPath("/sso/no-role");
		UserView account = identity.findByEmail("kc-norole@test.consilium.local").orElseThrow();
		assertThat(account.role()).isNull();
		assertThat(audit(account)).contains("identity.sso.account-create:SUCCESS", "identity.sso.sign-in:SUCCESS");
	}

	@Test
	void anUnverifiedAddressIsNotLinkedAndSignsNobodyIn() {
		String email = "kc-unverified@test.consilium.local";
		UserView local = identity.findByEmail(email)
			.orElseGet(() -> identity.seedAccount(email, "Uma Unverified", Role.COORDINATOR, null).account());
		signOn("kc-unverified", "unverified-password");
		waitForPath("/sso/failed");
		assertThat(driver.getCurrentUrl()).endsWith("reason=link");
		assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("can be linked to your hospital sign-on only when");
		assertThat(audit(local)).contains("identity.sso.sign-in:FAILED").doesNotContain("identity.sso.link:SUCCESS");
		driver.get(base() + "/cases");
		waitForPath("/login");
	}

	@Test
	void keycloakEndingTheSessionSignsTheUserOutHere() throws Exception {
		signOn("kc-coordinator", "coordinator-password");
		waitForPath("/triage");
		UserView account = identity.findByEmail("kc-coordinator@test.consilium.local").orElseThrow();
		long signOuts = audit(account).stream().filter("identity.sso.sign-out:SUCCESS"::equals).count();
		KeycloakServer.endSessionsOf("kc-coordinator");
		driver.get(base() + "/cases");
		waitForPath("/login");
		assertThat(audit(account).stream().filter("identity.sso.sign-out:SUCCESS"::equals).count()).isEqualTo(signOuts + 1);
	}

	@Test
	void aStepUpMakesKeycloakAskForThePasswordAgainAndComesBackWithoutSigningOut() {
		signOn("kc-coordinator", "coordinator-password");
		waitForPath("/triage");
		UserView account = identity.findByEmail("kc-coordinator@test.consilium.local").orElseThrow();
		long stepUps = audit(account).stream().filter("identity.step-up:SUCCESS"::equals).count();

		driver.get(base() + "/oauth2/authorization/sso?step-up=&continue=/notices");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
		assertThat(driver.getCurrentUrl()).as("Keycloak asks again although its session lasts").startsWith(KeycloakServer.issuer())
			.contains("prompt=login", "max_age=0");
		var username = driver.findElements(By.id("username"));
		if (!username.isEmpty() && username.get(0).isDisplayed() && username.get(0).getAttribute("value").isEmpty()) {
			username.get(0).sendKeys("kc-coordinator");
		}
		driver.findElement(By.id("password")).sendKeys("coordinator-password");
		driver.findElement(By.id("kc-login")).click();

		waitForPath("/notices");
		assertThat(audit(account).stream().filter("identity.step-up:SUCCESS"::equals).count()).isEqualTo(stepUps + 1);
	}

	@Test
	void keycloakRefusesAnUnregisteredRedirectUriAndConsiliumSendsOnlyItsOwn() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		String authorize = KeycloakServer.issuer() + "/protocol/openid-connect/auth?client_id=" + KeycloakServer.CLIENT_ID
				+ "&response_type=code&scope=openid&state=s&nonce=n&redirect_uri=";
		var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(authorize
				+ java.net.URLEncoder.encode("http://attacker.example/login/oauth2/code/sso", java.nio.charset.StandardCharsets.UTF_8))).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).as("the browser is not sent to the unregistered address").isEmpty();
		assertThat(refused.body()).contains("Invalid parameter: redirect_uri");

		driver.get(base() + "/oauth2/authorization/sso");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		assertThat(java.net.URLDecoder.decode(driver.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("redirect_uri=" + base() + "/login/oauth2/code/sso");
	}

	private void signOn(String username, String password) {
		driver.get(base() + "/login");
		driver.findElement(By.id("sso-sign-in")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.issuer());
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("kc-login")).click();
	}

	private void waitForPath(String path) {
		wait.until(d -> {
			String url = d.getCurrentUrl();
			String rest = url.startsWith(base()) ? url.substring(base().length()) : "";
			int query = rest.indexOf('?');
			return (query < 0 ? rest : rest.substring(0, query)).equals(path);
		});
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private List<String> audit(UserView account) {
		return jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE record_id = ? ORDER BY id")
			.param(account.id().value()).query(String.class).list();
	}
}
