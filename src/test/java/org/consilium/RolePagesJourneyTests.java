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
 * through the login form and visiting the pages of their navigation, and the coordinator's and the specialist's task
 * pages with their primary action in the first screenful; every page goes through {@link PageChecks}
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

	@Autowired
	org.consilium.intake.IntakeManagement intake;

	@Autowired
	org.consilium.records.RecordsManagement records;

	@Autowired
	org.consilium.matching.SpecialistMatching matching;

	@Autowired
	org.consilium.review.ReviewManagement review;

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

	/**
	 * The task first (issue #14): the coordinator's triage page opens on the checklist and the ranked specialists, whose
	 * first "Assign" is inside the first screenful at 1280 × 800 though the case holds a whole Synthea record; the
	 * specialist's workspace opens on the impression, then on the opinion with "Save and sign" in view. The records
	 * below show the clinical summary with a trend chart of the repeated vital signs.
	 */
	@Test
	void theTriagePageAndTheWorkspaceOpenOnTheTaskWithItsPrimaryActionInTheFirstScreenful() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String oncology = "207RX0202X";
		CreatedAccount patient = identity.seedAccount("patient-" + unique + "@test.consilium.local", "Latanya Kohler", Role.PATIENT, null);
		CreatedAccount coordinator = identity.seedAccount("coordinator-" + unique + "@test.consilium.local", "Test Coordinator", Role.COORDINATOR, null);
		CreatedAccount specialist = identity.seedAccount("specialist-" + unique + "@test.consilium.local", "Dr. Task First", Role.SPECIALIST, oncology);
		matching.saveProfile(org.consilium.shared.Actor.SYSTEM, specialist.account().id(), null, new org.consilium.matching.SpecialistMatching.ProfileChange(
				List.of(oncology), List.of("ICD-10-CM:C50"), List.of("en"), "University Hospital", List.of(), 10, List.of()));
		var asPatient = new org.consilium.shared.Actor(patient.account().id(), Role.PATIENT, "Latanya Kohler");
		var caseId = intake.createDraft(asPatient, null, UUID.randomUUID(), org.consilium.intake.TestDrafts.content("Is surgery first right?",
				"Breast cancer", null, "", "Lumpectomy", "Dr. First", "First Clinic", null, "A lump found in March",
				List.of("Do I need chemotherapy?"), org.consilium.intake.Urgency.ROUTINE, true)).id();
		byte[] bundle = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(System.getProperty("consilium.shared-data", "../shared/data"),
				"fhir", "synthea-smart-r4-2019", "Latanya_Kohler_b1670114-0be0-40c5-8dab-81a4adbe1935.json"));
		records.importFhirBundle(asPatient, caseId, "Latanya_Kohler.json", bundle, true);
		intake.submit(asPatient, caseId);
		var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30));

		ChromiumSession.firstSignIn(driver, url(""), "coordinator-" + unique + "@test.consilium.local", coordinator.oneTimePassword(),
				"a-long-task-first-password-" + unique);
		driver.get(url("/cases/" + caseId + "/triage?specialtyCode=" + oncology));
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#clinical-summary svg.trend")));
		pages.check();
		org.assertj.core.api.Assertions.assertThat(pages.primaryActionInFirstScreenful()).isEqualTo("Assign Dr. Task First");
		org.assertj.core.api.Assertions.assertThat(driver.findElement(org.openqa.selenium.By.id("checklist")).getLocation().getY())
			.as("the checklist opens the page too").isLessThan(PageChecks.SCREEN_HEIGHT);
		org.assertj.core.api.Assertions.assertThat(driver.findElement(org.openqa.selenium.By.id("summary-vital-signs")).getText())
			.contains("Blood Pressure", "mmHg", "Body Mass Index", "kg/m²").doesNotContain("mm[Hg]");
		driver.findElement(org.openqa.selenium.By.cssSelector("[data-primary-action]")).click();
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
				org.openqa.selenium.By.cssSelector(".notice.success"), "specialist is assigned"));
		driver.manage().deleteAllCookies();

		review.acceptAssignment(new org.consilium.shared.Actor(specialist.account().id(), Role.SPECIALIST, "Dr. Task First"), caseId);
		ChromiumSession.firstSignIn(driver, url(""), "specialist-" + unique + "@test.consilium.local", specialist.oneTimePassword(),
				"a-long-task-first-password-" + unique);
		driver.get(url("/cases/" + caseId + "/review"));
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#clinical-summary svg.trend")));
		pages.check();
		org.assertj.core.api.Assertions.assertThat(pages.primaryActionInFirstScreenful()).isEqualTo("Record my impression");
		driver.findElement(org.openqa.selenium.By.id("impression-text")).sendKeys("An early breast cancer; the records fit.");
		driver.findElement(org.openqa.selenium.By.cssSelector("[data-primary-action]")).click();
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("sign-opinion")));
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#clinical-summary svg.trend")));
		pages.check();
		org.assertj.core.api.Assertions.assertThat(pages.primaryActionInFirstScreenful()).isEqualTo("Save and sign");
		driver.manage().deleteAllCookies();
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
