package org.consilium;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.shared.Role;

/**
 * The pages of the roles the other journeys do not walk, the administrator and the referring physician, each signed in
 * through the login form and visiting the pages of their navigation; every page goes through {@link PageChecks}
 * (axe-core WCAG 2.1 A/AA, reflow at 320 px, screenshots in {@code target/journey/role-pages/}).
 */
@HpoIntegrationTest
class RolePagesJourneyTests {

	static ChromiumSession browser;

	static PageChecks pages;

	static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@BeforeAll
	static void startChromium() throws IOException {
		browser = ChromiumSession.start();
		pages = new PageChecks(browser.driver(), java.nio.file.Paths.get("target", "journey", "role-pages"));
		driver = pages.onEveryPage();
	}

	@AfterAll
	static void quitChromium() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theAdministratorsAndTheReferringPhysiciansPagesPassTheChecks() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		visit(Role.ADMIN, "admin-" + unique, List.of("/admin/users", "/admin/notifications", "/reports/turnaround", "/specialists",
				"/account/profile", "/notices"));
		visit(Role.REFERRING_PHYSICIAN, "referrer-" + unique, List.of("/cases", "/cases/new", "/account/profile"));
		pages.assertNone();
	}

	private void visit(Role role, String name, List<String> paths) {
		String email = name + "@test.consilium.local";
		CreatedAccount account = identity.seedAccount(email, "Test " + role.label(), role, null);
		ChromiumSession.firstSignIn(driver, url(""), email, account.oneTimePassword(), "a-long-role-password-" + name);
		for (String path : paths) {
			driver.get(url(path));
		}
		pages.check();
		driver.manage().deleteAllCookies();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
