package org.consilium.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.consilium.HeadlessChromium;
import org.consilium.PageChecks;
import org.consilium.identity.IdentityManagement;
import org.consilium.intake.IntakeManagement;
import org.consilium.notification.MailTestSupport;
import org.consilium.records.RecordsManagement;
import org.consilium.review.ReviewManagement;
import org.consilium.triage.CaseTriage;

/**
 * The opinion goes back to the treating physician, in a real Chromium against the running application, with e-mail to
 * a real SMTP server (GreenMail): the patient sends it from their sharing page, the physician opens the link from the
 * first e-mail, enters the code from the second and downloads the PDF; the patient withdraws the consent; the
 * physician's next request gets the page that says the link no longer works. Every page is checked by
 * {@link PageChecks} (axe-core, 320 px reflow). Artifacts: {@code target/journey/physician-reading.png} (the
 * physician's page) and {@code target/journey/physician-link-closed.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PhysicianLinkJourneyTests extends MailTestSupport {

	static final Path ARTIFACTS = Paths.get("target", "journey");

	private static final Pattern LINK = Pattern.compile("https://consilium\\.example\\.org(/shared/[A-Za-z0-9_-]{43})");

	private static final Pattern CODE = Pattern.compile("your one-time code is: (\\d{6})");

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("1280,2000");

	static ChromeDriver chrome;

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
	RecordsManagement records;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@BeforeAll
	static void startChromium() throws IOException {
		Files.createDirectories(ARTIFACTS);
		chrome = chromium.driver();
		pages = new PageChecks(chrome, ARTIFACTS.resolve("pages"));
		driver = pages.onEveryPage();
		wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	@Test
	void thePatientSendsTheOpinionThePhysicianReadsItWithTheCodeAndTheWithdrawnLinkRefuses() throws Exception {
		PhysicianLinkTests.Delivered c = PhysicianLinkTests.delivered(identity, intake, records, caseTriage, review);
		String physician = PhysicianLinkTests.physician();

		// The patient: first sign-in, new password, the sharing page, the form.
		driver.get(url("/login"));
		type(By.id("username"), c.patientEmail());
		type(By.id("password"), c.patientPassword());
		click(By.xpath("//button[normalize-space()='Sign in']"));
		wait.until(ExpectedConditions.urlContains("/account/password"));
		String password = "a-long-sharing-password-" + c.id();
		type(By.id("currentPassword"), c.patientPassword());
		type(By.id("newPassword"), password);
		click(By.xpath("//button[normalize-space()='Change password']"));
		wait.until(ExpectedConditions.urlContains("/login?changed"));
		type(By.id("username"), c.patientEmail());
		type(By.id("password"), password);
		click(By.xpath("//button[normalize-space()='Sign in']"));
		wait.until(d -> !d.getCurrentUrl().contains("/login"));

		driver.get(url("/cases/" + c.id() + "/sharing"));
		type(By.id("name"), "Dr Anna Zqdoctor");
		type(By.id("institution"), "City Hospital");
		type(By.id("email"), physician);
		click(By.xpath("//input[@name='documents' and @value='" + c.sent().id() + "']"));
		click(By.id("send-button"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sharing-message")));
		assertThat(driver.findElement(By.id("links")).getText()).contains("Dr Anna Zqdoctor");
		pages.check();

		// The physician, in the same browser after the patient signs out: the link, the code, the reading, the PDF.
		chrome.manage().deleteAllCookies();
		sendAllDue();
		String link = first(LINK, receivedBy(physician), 0);
		driver.get(url(link));
		sendAllDue();
		String code = first(CODE, receivedBy(physician), 1);
		type(By.id("code"), code);
		click(By.id("code-button"));
		wait.until(ExpectedConditions.urlContains("/shared/reading"));
		assertThat(driver.findElement(By.id("shared-documents")).getText()).contains("The second opinion (PDF)")
			.contains("Pathology-report.pdf").doesNotContain("Private-letter.pdf");
		Files.write(ARTIFACTS.resolve("physician-reading.png"), chrome.getScreenshotAs(OutputType.BYTES));
		String pdf = driver.findElement(By.id("opinion-pdf")).getAttribute("href");
		assertThat(download(pdf)).as("the PDF the physician downloads").isEqualTo(Map.of("status", 200L, "type", "application/pdf", "start", "%PDF-"));
		pages.check();

		// The patient withdraws the consent to the treating physician; the physician's next request is refused.
		String reading = driver.getCurrentUrl();
		for (ConsentView consent : consents.choices(c.patient(), c.id()).current()) {
			if (consent.choice() == ConsentChoice.TREATING_PHYSICIAN) {
				consents.revoke(c.patient(), c.id(), consent.consentId(), false);
			}
		}
		driver.get(reading);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("closed")));
		assertThat(driver.findElement(By.id("closed-reason")).getText()).contains("withdrawn");
		assertThat(driver.getPageSource()).doesNotContain("Pathology-report.pdf").doesNotContain(c.family());
		assertThat(download(pdf).get("status")).as("the PDF is refused too").isEqualTo(410L);
		Files.write(ARTIFACTS.resolve("physician-link-closed.png"), chrome.getScreenshotAs(OutputType.BYTES));
		pages.check();
	}

	@Autowired
	Consents consents;

	/** Fetches a URL in the page, with its cookies: the status, the content type and the first five characters. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> download(String href) {
		return (Map<String, Object>) chrome.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
				  const bytes = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
				  done(r.status === 200
				    ? {status: r.status, type: (r.headers.get('content-type') || '').split(';')[0], start: String.fromCharCode(...bytes)}
				    : {status: r.status});
				}).catch(e => done({error: String(e)}));""", href);
	}

	private static String first(Pattern pattern, List<MimeMessage> mails, int index) throws Exception {
		assertThat(mails).hasSizeGreaterThan(index);
		Matcher m = pattern.matcher(everything(mails.get(index)));
		assertThat(m.find()).as("the e-mail holds " + pattern).isTrue();
		return m.group(1);
	}

	private void type(By by, String text) {
		var field = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
		field.clear();
		field.sendKeys(text);
	}

	private void click(By by) {
		wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
