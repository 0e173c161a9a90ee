package org.consilium;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (Selenium Manager never downloads anything), with a fresh
 * profile folder, for one test class: register it as a static {@code @RegisterExtension} field; it starts before the
 * class's {@code @BeforeAll} methods and quits, deleting its profile, after the class.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final String windowSize;

	private ChromeDriver driver;

	private Path profile;

	/** A browser with a window of {@code windowSize} ({@code "1280,2000"}). */
	public HeadlessChromium(String windowSize) {
		this.windowSize = windowSize;
	}

	/**
	 * Starts the browser.
	 *
	 * @throws AssertionError naming the packages to install when Chromium or its driver is missing
	 */
	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(Paths.get(CHROMIUM)) || !Files.isExecutable(Paths.get(CHROMEDRIVER))) {
			fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": run `apt-get install chromium chromium-driver`.");
		}
		System.setProperty("SE_OFFLINE", "true");
		profile = Files.createTempDirectory("consilium-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + windowSize, "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Quits the browser and deletes its profile. */
	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
