package org.consilium;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and chromedriver for the browser journeys, with a fresh profile folder that {@link #close()}
 * deletes. Selenium Manager is kept offline, so nothing is ever downloaded.
 */
final class ChromiumSession implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final ChromeDriver driver;

	private final Path profile;

	private ChromiumSession(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts Chromium with a window of 1280 × 2000 CSS px; fails the test, saying what to install, without it. */
	static ChromiumSession start() throws IOException {
		if (!Files.isExecutable(Paths.get(CHROMIUM)) || !Files.isExecutable(Paths.get(CHROMEDRIVER))) {
			fail("The browser journeys need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": run `apt-get install chromium chromium-driver`.");
		}
		System.setProperty("SE_OFFLINE", "true");
		Path profile = Files.createTempDirectory("consilium-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=en-US", "--window-size=1280,2000", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
			.usingAnyFreePort()
			.build();
		return new ChromiumSession(new ChromeDriver(service, options), profile);
	}

	ChromeDriver driver() {
		return driver;
	}

	/**
	 * Signs in through the login form with a one-time password, changes it on the page the sign-in leads to, and signs
	 * in again with the new one; waits until the browser is past the login.
	 */
	static void firstSignIn(WebDriver driver, String baseUrl, String email, String oneTimePassword, String newPassword) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		driver.get(baseUrl + "/login");
		driver.findElement(By.id("username")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(oneTimePassword);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/account/password"));
		driver.findElement(By.id("currentPassword")).sendKeys(oneTimePassword);
		driver.findElement(By.id("newPassword")).sendKeys(newPassword);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/login?changed"));
		driver.findElement(By.id("username")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(newPassword);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		if (driver.getCurrentUrl().contains("/account/second-factor/enrol")) {
			// staff need a second factor: set it up from the secret shown as text, as an authenticator app would
			org.consilium.identity.TotpCodes authenticator = new org.consilium.identity.TotpCodes();
			authenticator.enrol(email, wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText());
			driver.findElement(By.id("code")).sendKeys(authenticator.next(email));
			driver.findElement(By.xpath("//button[normalize-space()='Turn on the second factor']")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
			driver.findElement(By.id("continue")).click();
			wait.until(d -> !d.getCurrentUrl().contains("/account/second-factor"));
		}
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
