package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.opinion.IntendsToFollow;
import org.consilium.opinion.OpinionManagement;
import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * The patient's journey with the keyboard only, in real headless Chromium: signing in (and changing the one-time
 * password), asking for a second opinion, submitting it, then reading the delivered opinion and closing the case with
 * feedback, using Tab, Shift+Tab, Enter, Space, typed text and the arrow keys in radio groups. On every page the focus
 * goes once round all controls ({@link KeyboardWalk#walkWholePage()}: no trap, nothing unreachable, a visible focus
 * indicator of 3:1), and the page passes {@link PageChecks}. The coordinator's and specialist's steps in between go
 * through the facades.
 */
@HpoIntegrationTest
class KeyboardJourneyTests {

	static ChromiumSession browser;

	static PageChecks pages;

	static WebDriver driver;

	static WebDriverWait wait;

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Autowired
	OpinionManagement opinions;

	@BeforeAll
	static void startChromium() throws IOException {
		browser = ChromiumSession.start();
		pages = new PageChecks(browser.driver(), java.nio.file.Paths.get("target", "journey", "keyboard-pages"));
		driver = pages.onEveryPage();
		wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	@AfterAll
	static void quitChromium() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aPatientAsksForASecondOpinionAndClosesTheCaseWithTheKeyboardOnly() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = "keyboard-" + unique + "@test.consilium.local";
		String password = "a-long-keyboard-password-" + unique;
		CreatedAccount p = identity.seedAccount(email, "Kim Keyboard", Role.PATIENT, null);
		CreatedAccount co = identity.seedAccount("kb-coordinator-" + unique + "@test.consilium.local", "Kai Coordinator", Role.COORDINATOR, null);
		CreatedAccount sp = identity.seedAccount("kb-oncologist-" + unique + "@test.consilium.local", "Dr. Kit Oncologist", Role.SPECIALIST,
				"207RX0202X");
		KeyboardWalk keys = new KeyboardWalk(driver);

		// Sign in with the one-time password, change it, sign in again.
		driver.get(url("/login"));
		keys.walkWholePage();
		keys.tabTo("#username").press(email, Keys.TAB);
		assertThat(keys.focusedMatches("#password")).as("Tab goes from the e-mail to the password").isTrue();
		keys.press(p.oneTimePassword(), Keys.ENTER);
		waitForPath("/account/password");
		keys.walkWholePage();
		keys.tabTo("#currentPassword").press(p.oneTimePassword()).tabTo("#newPassword").press(password, Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/login?changed"));
		keys.tabTo("#username").press(email).tabTo("#password").press(password, Keys.ENTER);
		wait.until(d -> !path(d.getCurrentUrl()).startsWith("/login"));

		// Ask for a second opinion: the form, Shift+Tab back to a field, a date, a list, a check box with Space.
		keys.walkWholePage();
		keys.tabTo("a[href$='/cases/new']").press(Keys.ENTER);
		waitForPath("/cases/new");
		keys.walkWholePage();
		keys.tabTo("#patientGivenNames").press("Kim", Keys.TAB);
		assertThat(keys.focusedMatches("#patientFamilyName")).isTrue();
		keys.back();
		assertThat(keys.focusedMatches("#patientGivenNames")).as("Shift+Tab goes back").isTrue();
		keys.press(Keys.TAB, "Keyboard");
		keys.tabTo("#patientBirthDate").press("06071993");
		keys.tabTo("#patientSex").press("m");
		keys.tabTo("#reason").press("Is surgery first right for me?");
		keys.tabTo("#firstDiagnosisText").press("Invasive ductal carcinoma of the left breast");
		keys.tabTo("#proposedTreatment").press("Lumpectomy, then radiotherapy.");
		keys.tabTo("#question0").press("Do I need chemotherapy first?");
		keys.tabTo("#consentToShare").press(Keys.SPACE);
		assertThat(driver.findElement(By.id("consentToShare")).isSelected()).as("Space ticks the check box").isTrue();
		keys.tabTo("button[type=submit]").press(Keys.ENTER);
		wait.until(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}/edit$"));
		String caseId = path(driver.getCurrentUrl()).split("/")[2];
		assertThat(driver.findElement(By.id("patientBirthDate")).getAttribute("value")).isEqualTo("1993-06-07");
		assertThat(driver.findElement(By.id("patientSex")).getAttribute("value")).isEqualTo("male");
		assertThat(driver.findElement(By.id("patientFamilyName")).getAttribute("value")).isEqualTo("Keyboard");
		keys.walkWholePage();
		keys.tabTo("#submit-request").press(Keys.SPACE);
		waitForPath("/cases/" + caseId);
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Submitted"));
		keys.walkWholePage();

		// The coordinator and the specialist, through the facades: the opinion is signed and delivered.
		CaseId id = new CaseId(UUID.fromString(caseId));
		Actor coordinator = new Actor(co.account().id(), Role.COORDINATOR, "Kai Coordinator");
		Actor specialist = new Actor(sp.account().id(), Role.SPECIALIST, "Dr. Kit Oncologist");
		caseTriage.startTriage(coordinator, id);
		caseTriage.assign(coordinator, id, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Early breast cancer.", null);
		review.saveAndSign(specialist, id, null, UUID.randomUUID(), new OpinionContent(Concordance.CONFIRMED,
				List.of(new Diagnosis("Invasive ductal carcinoma of the left breast", null, null)), TreatmentReview.AGREE, "",
				List.of(new TreatmentOption("Lumpectomy, then radiotherapy", Invasiveness.INVASIVE, "Keeps the breast", "Scarring", "NSABP B-06")),
				"", List.of("No, surgery first is right."), "Records only", "Your diagnosis and plan are right.",
				org.consilium.review.CompleteReport.sections()));

		// The delivered opinion: radio groups with the arrow keys, then Enter closes the case.
		driver.get(url("/cases/" + caseId));
		keys.tabTo("a[href$='/cases/" + caseId + "/opinion']").press(Keys.ENTER);
		waitForPath("/cases/" + caseId + "/opinion");
		keys.walkWholePage();
		keys.tabTo("input[name=satisfaction]");
		assertThat(keys.focusedMatches("#satisfaction-1")).as("Tab enters a radio group at its first radio").isTrue();
		keys.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
		assertThat(keys.focusedMatches("#satisfaction-4:checked")).as("the arrow keys move and choose within the group").isTrue();
		keys.press(Keys.TAB);
		assertThat(keys.focusedMatches("input[name=intendsToFollow]")).as("Tab leaves the group for the next one").isTrue();
		keys.press(Keys.ARROW_DOWN);
		assertThat(keys.focusedMatches("#intends-NO:checked")).isTrue();
		keys.back();
		assertThat(keys.focusedMatches("#satisfaction-4")).as("Shift+Tab returns to the chosen radio of the group").isTrue();
		keys.tabTo("#comment").press("Thank you.");
		keys.tabTo("form[action$='/opinion/feedback'] button[type=submit]").press(Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-title"), "Close the case"));
		wait.until(d -> d.getPageSource().contains("Closed with your feedback"));
		var feedback = opinions.read(new Actor(p.account().id(), Role.PATIENT, "Kim Keyboard"), id).feedback();
		assertThat(feedback.satisfaction()).isEqualTo(4);
		assertThat(feedback.intendsToFollow()).isEqualTo(IntendsToFollow.NO);
		keys.walkWholePage();

		pages.check();
		org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
			soft.check(keys::assertNone);
			soft.check(pages::assertNone);
		});
	}

	private void waitForPath(String expected) {
		wait.until(d -> path(d.getCurrentUrl()).equals(expected));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String path(String url) {
		return url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
	}
}
