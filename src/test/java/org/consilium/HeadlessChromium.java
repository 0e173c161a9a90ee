package org.consilium;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver for the browser journeys, with a fresh profile folder that {@link #close()}
 * deletes. Selenium Manager is kept offline, so nothing is ever downloaded.
 */
final class HeadlessChromium implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts Chromium with a window of 1280 × 2000 CSS px; fails the test, saying what to install, without it. */
	static HeadlessChromium start() throws IOException {
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
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	ChromeDriver driver() {
		return driver;
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
