package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.consilium.audit.AuditAction;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.identity.IdentityManagement;
import org.consilium.matching.SpecialistMatching;
import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * One journey in real headless Chromium, through the pages only: a patient asks for a second opinion with records, a
 * coordinator assigns it, a specialist reviews blinded and signs, the patient reads both opinions side by side. Accounts
 * are seeded with one-time passwords; every user signs in through the login form and changes the password first.
 * Artifacts: {@code target/journey/opinion-side-by-side.png}, and {@code target/journey/last-page.png} of the last page.
 */
@HpoIntegrationTest
class BrowserJourneyTests {

	static final String ONCOLOGY = "207RX0202X";

	static final String FIRST_DIAGNOSIS = "Stage II invasive ductal carcinoma of the left breast";

	static final String SECOND_DIAGNOSIS = "Stage IIA invasive lobular carcinoma, hormone receptor positive";

	static final String SUMMARY = "Your diagnosis is right but more precise: the tumour is lobular, and the plan needs one change.";

	static final Path ARTIFACTS = Paths.get("target", "journey");

	/** Chromium's built-in PDF viewer (an extension of the browser). */
	static final String PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/";

	/** The browser as the journeys drive it: every page is checked ({@link PageChecks}) before they leave it. */
	static WebDriver driver;

	/** The same browser without the checks, for DevTools commands and the checks themselves. */
	static ChromeDriver chrome;

	static PageChecks pages;

	static WebDriverWait wait;

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium("1280,2000");

	static final org.consilium.identity.TotpCodes authenticator = new org.consilium.identity.TotpCodes();

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	org.consilium.intake.IntakeManagement intake;

	@Autowired
	org.consilium.triage.CaseTriage caseTriage;
	@Autowired
	SpecialistMatching matching;

	@Autowired
	org.consilium.phenotype.PhenotypeManagement phenotype;

	@Autowired
	org.consilium.review.ReviewManagement review;

	@Autowired
	org.consilium.ddx.HpoRelease hpo;

	@Autowired
	org.consilium.records.RecordsManagement records;

	@BeforeAll
	static void startChromium() throws IOException {
		Files.createDirectories(ARTIFACTS);
		chrome = chromium.driver();
		pages = new PageChecks(chrome, ARTIFACTS.resolve("pages"));
		driver = pages.onEveryPage();
		wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	/**
	 * After each journey, every action code the audit trail holds (this context's database) has plain words in the
	 * catalogue that the patient's access log shows.
	 */
	@org.junit.jupiter.api.AfterEach
	void everyStoredActionCodeHasPlainWords(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		java.util.List<String> codes = jdbc.sql("SELECT DISTINCT action FROM audit.audit_event ORDER BY action").query(String.class).list();
		org.assertj.core.api.Assertions.assertThat(codes).isNotEmpty()
			.allSatisfy(code -> org.assertj.core.api.Assertions.assertThat(org.consilium.audit.AuditAction.ofCode(code)).as(code).isPresent());
	}

	@Test
	void patientCoordinatorSpecialistAndBackToThePatient() throws Throwable {
		keepingTheLastPage("last-page.png", this::journey);
	}

	/**
	 * Runs a journey and saves a screenshot of the page it ended on, passed or failed; a journey that passed must also
	 * have found no problem on any page it visited ({@link PageChecks}).
	 */
	private static void keepingTheLastPage(String file, org.junit.jupiter.api.function.Executable journey) throws Throwable {
		boolean passed = false;
		try {
			journey.execute();
			pages.check();
			passed = true;
		}
		finally {
			if (chrome != null) {
				Files.write(ARTIFACTS.resolve(file), ((TakesScreenshot) chrome).getScreenshotAs(OutputType.BYTES));
			}
			if (!passed) {
				pages.forget();
			}
		}
		pages.assertNone();
	}

	private void journey() throws IOException {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String patient = "patient-" + unique + "@test.consilium.local";
		String coordinator = "coordinator-" + unique + "@test.consilium.local";
		String specialist = "specialist-" + unique + "@test.consilium.local";
		CreatedAccount p = identity.seedAccount(patient, "Alberto Atencio", Role.PATIENT, null);
		CreatedAccount co = identity.seedAccount(coordinator, "Clara Coordinator", Role.COORDINATOR, null);
		CreatedAccount sp = identity.seedAccount(specialist, "Dr. Sofia Specialist", Role.SPECIALIST, ONCOLOGY);
		matching.saveProfile(Actor.SYSTEM, sp.account().id(), null, new SpecialistMatching.ProfileChange(List.of(ONCOLOGY),
				List.of("ICD-10-CM:C50"), List.of("en"), "University Hospital", List.of(), 10, List.of()));
		String password = "a-long-journey-password-" + unique;

		// 1. The patient: first sign-in, new password, the request, records, submit.
		firstSignIn(patient, p.oneTimePassword(), password);
		click(By.linkText("Ask for a second opinion"));
		waitForPath("/cases/new");
		type(By.id("patientGivenNames"), "Alberto");
		type(By.id("patientFamilyName"), "Atencio");
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = '1993-06-07'", driver.findElement(By.id("patientBirthDate")));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("patientSex"))).selectByValue("male");
		type(By.id("reason"), "Is surgery first the right plan, or should I have chemotherapy before it?");
		type(By.id("firstDiagnosisText"), FIRST_DIAGNOSIS);
		type(By.id("proposedTreatment"), "Lumpectomy followed by radiotherapy.");
		type(By.id("question0"), "Would chemotherapy before surgery change my outcome?");
		click(By.id("consentToShare"));
		click(By.xpath("//button[normalize-space()='Save draft']"));
		wait.until(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}/edit$"));
		String caseId = caseIdFrom(driver.getCurrentUrl());

		click(By.linkText("records page"));
		waitForPath("/cases/" + caseId + "/records");
		Path bundle = Paths.get(System.getProperty("consilium.shared-data", "../shared/data"), "fhir", "synthea-smart-r4-2019",
				"Alberto_Atencio_fc712d1f-5a2e-4407-9c55-a2a2bad623c2.json").toAbsolutePath().normalize();
		assertThat(bundle).as("the Synthea bundle from the shared data").isRegularFile();
		driver.findElement(By.id("bundle")).sendKeys(bundle.toString());
		click(By.id("import-bundle"));
		// The import runs in the background (the validator's first run takes a while); the progress page polls until it ends.
		new WebDriverWait(driver, Duration.ofSeconds(180)).until(ExpectedConditions.or(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "Imported"),
				ExpectedConditions.presenceOfElementLocated(By.id("import-error"))));
		assertThat(driver.findElements(By.id("import-error"))).isEmpty();
		click(By.id("import-done"));
		waitForPath("/cases/" + caseId + "/records");
		String records = driver.findElement(By.id("records-panel")).getText();
		assertThat(records).contains("FHIR imports", "Alberto_Atencio", "Problems (");

		Path pdf = Files.createTempFile("pathology-report-", ".pdf");
		Files.write(pdf, TestDocuments.pdf());
		driver.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
		new Select(driver.findElement(By.id("kind"))).selectByValue("PATHOLOGY");
		click(By.id("upload-document"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "Uploaded"));
		assertThat(driver.findElement(By.id("records-panel")).getText()).contains(pdf.getFileName().toString(), "PDF", "Pathology report (biopsy or tissue)");
		assertThat(driver.findElements(By.id("records-panel"))).as("the records page shows its panel once").hasSize(1);
		snap("1-patient-records");

		driver.get(url("/cases/" + caseId + "/edit"));
		click(By.id("submit-request"));
		waitForPath("/cases/" + caseId);
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Submitted"));
		snap("1-patient-submitted");
		signOut();

		// 2. The coordinator: triage queue, the case, Medical Oncology, the specialist, assign.
		firstSignIn(coordinator, co.oneTimePassword(), password);
		driver.get(url("/triage"));
		click(By.cssSelector("a[href$='/cases/" + caseId + "/triage']"));
		waitForPath("/cases/" + caseId + "/triage");
		new Select(driver.findElement(By.id("specialtyCode"))).selectByValue(ONCOLOGY);
		wait.until(ExpectedConditions.urlContains("specialtyCode=" + ONCOLOGY)); // htmx has swapped in the page for the specialty
		String specialistId = sp.account().id().toString();
		By suggested = By.cssSelector("#suggestions button[value='" + specialistId + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(suggested));
		assertThat(driver.getCurrentUrl()).as("htmx pushed the chosen specialty").contains("specialtyCode=" + ONCOLOGY);
		assertThat(driver.findElement(By.id("suggestions")).getText()).as("the suggestion says why")
			.contains("Practises", "the chosen specialty", "English (en), the patient's preferred language");
		snap("2-coordinator-triage");
		assertThat(new Select(driver.findElement(By.id("specialtyCode"))).getFirstSelectedOption().getAttribute("value")).isEqualTo(ONCOLOGY);
		click(suggested);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "specialist is assigned"));
		assertThat(driver.findElement(By.id("case-status")).getText()).isNotEqualTo("Submitted");
		signOut();

		// 3. The specialist: accept, impression (blinded until then), opinion, sign.
		firstSignIn(specialist, sp.oneTimePassword(), password);
		driver.get(url("/cases/" + caseId + "/review"));
		click(By.xpath("//button[normalize-space()='Accept the case']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("impression-text")));
		assertThat(driver.getPageSource()).as("the first diagnosis is blinded before the impression")
			.doesNotContain(FIRST_DIAGNOSIS)
			.contains("Hidden until your impression is recorded");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records-panel"), "Problems ("));
		assertThat(driver.findElement(By.id("records-panel")).getText()).as("the specialist sees the records for the impression")
			.contains(pdf.getFileName().toString(), "Alberto_Atencio");
		assertThat(driver.findElement(By.xpath("//dt[.='Urgency']/following-sibling::dd[1]")).getText()).isEqualTo("Routine");
		snap("3-specialist-before-impression");
		type(By.id("impression-text"), "Imaging and pathology fit an early breast cancer; the histology needs a second look.");
		type(By.id("diagnosisText"), "Early invasive breast carcinoma");
		click(By.xpath("//button[normalize-space()='Record my impression']"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("first-opinion"), FIRST_DIAGNOSIS));
		assertThat(driver.getPageSource()).contains(FIRST_DIAGNOSIS).doesNotContain("Hidden until your impression is recorded");
		snap("3-specialist-after-impression");

		click(By.id("concordance-REFINED"));
		type(By.id("dx-text-0"), SECOND_DIAGNOSIS);
		click(By.id("treatment-MODIFY"));
		type(By.id("treatmentComment"), "Add endocrine therapy after radiotherapy.");
		type(By.id("opt-name-0"), "Lumpectomy, radiotherapy, then endocrine therapy");
		new Select(driver.findElement(By.id("opt-inv-0"))).selectByValue("INVASIVE");
		type(By.id("opt-benefit-0"), "Lowers the chance that the cancer comes back.");
		type(By.id("opt-risks-0"), "Hot flushes and joint pain from endocrine therapy.");
		type(By.id("opt-evidence-0"), "Randomised trials (EBCTCG meta-analyses).");
		type(By.id("answer-0"), "Not for this tumour type; surgery first is reasonable.");
		type(By.id("plainSummary"), SUMMARY);
		type(By.id("material-0"), "Pathology report of the core biopsy");
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = '2026-03-02'", driver.findElement(By.id("material-date-0")));
		type(By.id("discussionPoints"), "Whether endocrine therapy should follow radiotherapy.");
		type(By.id("nextSteps"), "See the breast surgeon within four weeks.");
		click(By.id("visit-no"));
		type(By.id("reviewerSpecialty"), "Breast oncology");
		type(By.id("reviewerInstitution"), "University Hospital");
		type(By.id("reviewerLicence"), "GMC 1234567");
		click(By.xpath("//button[normalize-space()='Save and sign']"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "The opinion is signed."));
		assertThat(driver.findElement(By.id("opinion")).getText()).contains("Your opinion is signed");
		snap("3-specialist-signed");
		signOut();

		// 4. The patient: the delivered opinion, first and second side by side.
		signIn(patient, password);
		driver.get(url("/cases/" + caseId + "/opinion"));
		WebDriverWait delivery = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(500));
		delivery.until(d -> {
			if (d.findElements(By.id("compare-title")).isEmpty()) {
				d.navigate().refresh();
				return false;
			}
			return true;
		});
		assertThat(driver.findElement(By.id("summary-title")).findElement(By.xpath("..")).getText()).contains(SUMMARY);
		WebElement sideBySide = driver.findElement(By.cssSelector(".side-by-side"));
		WebElement first = sideBySide.findElement(By.xpath("./article[.//h3[@id='first-title']]"));
		WebElement second = sideBySide.findElement(By.xpath("./article[.//h3[@id='second-title']]"));
		assertThat(first.getText()).contains(FIRST_DIAGNOSIS);
		assertThat(second.getText()).contains(SECOND_DIAGNOSIS, "Refined");
		assertThat(second.getRect().getY()).as("the opinions are side by side, on one row").isEqualTo(first.getRect().getY());
		assertThat(second.getRect().getX()).isGreaterThan(first.getRect().getX() + first.getRect().getWidth() - 1);
		Files.write(ARTIFACTS.resolve("opinion-side-by-side.png"), fullPageScreenshot());
	}

	/**
	 * Completeness and the clock: a coordinator works through the checklist of Medical Oncology and asks the patient for
	 * what is missing; the patient reads it in plain words with both clocks; the coordinator completes the list and
	 * assigns with the assign form; the specialist marks an urgent finding, which tops the coordinator's queue and
	 * tells the patient to contact their physician without the finding's text.
	 */
	@Test
	void coordinatorTriagesWithTheChecklistAndThePatientSeesWhatIsMissing() throws Throwable {
		keepingTheLastPage("last-page-checklist.png", this::checklistJourney);
	}

	private void checklistJourney() throws IOException {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String patient = "patient-" + unique + "@test.consilium.local";
		String coordinator = "coordinator-" + unique + "@test.consilium.local";
		String specialist = "specialist-" + unique + "@test.consilium.local";
		CreatedAccount p = identity.seedAccount(patient, "Petra Patient", Role.PATIENT, null);
		CreatedAccount co = identity.seedAccount(coordinator, "Carl Coordinator", Role.COORDINATOR, null);
		CreatedAccount sp = identity.seedAccount(specialist, "Dr. Olga Oncologist", Role.SPECIALIST, ONCOLOGY);
		// a directory profile in the patient's language puts her among the suggestions ahead of the profile-less
		// oncologists that other tests of this shared context create
		matching.saveProfile(Actor.SYSTEM, sp.account().id(), null, new SpecialistMatching.ProfileChange(List.of(ONCOLOGY),
				List.of("ICD-10-CM:C50"), List.of("en"), "University Hospital", List.of(), 10, List.of()));
		String password = "a-long-checklist-password-" + unique;
		org.consilium.shared.Actor asPatient = new org.consilium.shared.Actor(p.account().id(), Role.PATIENT, "Petra Patient");
		String caseId = intake.createDraft(asPatient, null, UUID.randomUUID(), org.consilium.intake.TestDrafts.content(
				"Is surgery first right for me?", FIRST_DIAGNOSIS, null, "", "Lumpectomy", "", "", null, "",
				java.util.List.of("Do I need chemotherapy?"), org.consilium.intake.Urgency.ROUTINE, true)).id().toString();
		intake.submit(asPatient, new CaseId(UUID.fromString(caseId)));

		// 1. The coordinator: the oncology checklist, one item present, ask the patient for the rest.
		firstSignIn(coordinator, co.oneTimePassword(), password);
		driver.get(url("/cases/" + caseId + "/triage"));
		click(By.xpath("//button[normalize-space()='Start triage (claim this case)']"));
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), "In triage"));
		assertThat(driver.findElement(By.id("clock-triage")).getText()).contains("business day");
		new Select(driver.findElement(By.id("checklistSpecialty"))).selectByValue(ONCOLOGY);
		click(By.xpath("//input[@name='present' and @value='The report or letter with your first diagnosis']"));
		click(By.id("save-checklist"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "checklist is saved"));
		assertThat(driver.findElement(By.id("checklist")).getText()).contains("Pathology report (biopsy or surgery)", "Present: Carl Coordinator");
		type(By.id("request-note"), "Your hospital's pathology department can send it.");
		click(By.id("request-items"));
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), "Waiting for records"));
		snap("5-coordinator-checklist");
		signOut();

		// 2. The patient: what is still missing, in plain words, and the paused triage clock.
		firstSignIn(patient, p.oneTimePassword(), password);
		driver.get(url("/cases/" + caseId));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missing-items"), "Pathology report (biopsy or surgery)"));
		String missing = driver.findElement(By.id("missing-items")).getText();
		assertThat(missing).contains("What we still need from you", "Imaging report from the last 3 months", "we asked you for this")
			.doesNotContain("The report or letter with your first diagnosis");
		assertThat(driver.findElement(By.id("clock-triage")).getText()).contains("paused");
		snap("5-patient-missing");
		click(By.xpath("//button[normalize-space()='I have added the records']"));
		wait.until(ExpectedConditions.textToBe(By.id("case-status"), "In triage"));
		signOut();

		// 3. The coordinator: everything present, then one click on the suggested specialist.
		signIn(coordinator, password);
		driver.get(url("/cases/" + caseId + "/triage"));
		for (WebElement box : driver.findElements(By.name("present"))) {
			if (!box.isSelected()) {
				box.click();
			}
		}
		click(By.id("save-checklist"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "checklist is saved"));
		assertThat(driver.findElements(By.id("request-items"))).as("nothing left to request").isEmpty();
		new Select(driver.findElement(By.id("specialtyCode"))).selectByValue(ONCOLOGY);
		wait.until(ExpectedConditions.urlContains("specialtyCode=" + ONCOLOGY)); // htmx has swapped in the page for the specialty
		String specialistId = sp.account().id().toString();
		By suggestedSpecialist = By.cssSelector("#suggestions button[value='" + specialistId + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(suggestedSpecialist));
		click(suggestedSpecialist);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "specialist is assigned"));
		assertThat(driver.findElement(By.id("clock-review")).getText()).contains("business days left");
		signOut();

		// 4. The specialist marks an urgent finding from the workspace.
		firstSignIn(specialist, sp.oneTimePassword(), password);
		driver.get(url("/cases/" + caseId + "/review"));
		type(By.id("finding"), "Calcium 3.4 mmol/L: needs treatment within days");
		click(By.id("mark-urgent"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "urgent finding is recorded"));
		signOut();

		// 5. It tops the coordinator's queue; the patient is told to contact their physician, without the text.
		signIn(coordinator, password);
		driver.get(url("/triage"));
		assertThat(driver.findElement(By.id("urgent-h")).findElement(By.xpath("..")).getText()).contains("Calcium 3.4 mmol/L");
		signOut();
		signIn(patient, password);
		driver.get(url("/cases/" + caseId));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("urgent-notice")));
		assertThat(driver.findElement(By.id("urgent-notice")).getText()).contains("Please contact your physician");
		assertThat(driver.getPageSource()).doesNotContain("Calcium 3.4");
		assertThat(driver.findElements(By.id("missing-items"))).as("triage is complete").isEmpty();
		snap("5-patient-urgent-notice");
	}

	@Test
	void specialistCopiesACandidateOfTheDifferentialDiagnosisIntoTheOpinion() throws Throwable {
		keepingTheLastPage("differential-last-page.png", this::differentialJourney);
	}

	/**
	 * A rare-disease case with the cardinal signs of Marfan syndrome, in review: the specialist sees the differential
	 * diagnosis panel without the first opinion's rank, records the impression, then sees how the first opinion's
	 * diagnosis ranks and copies the top candidate into the opinion, which the draft's autosave stores.
	 */
	private void differentialJourney() throws Exception {
		assertThat(hpo.awaitLoaded(Duration.ofMinutes(5))).isTrue();
		assertThat(hpo.data()).as("the HPO release of the shared data").isPresent();
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String specialist = "geneticist-" + unique + "@test.consilium.local";
		CreatedAccount p = identity.seedAccount("patient-" + unique + "@test.consilium.local", "Mira Marfan", Role.PATIENT, null);
		CreatedAccount co = identity.seedAccount("coordinator-" + unique + "@test.consilium.local", "Cora Coordinator", Role.COORDINATOR, null);
		CreatedAccount sp = identity.seedAccount(specialist, "Dr. Gene Geneticist", Role.SPECIALIST, "207SG0201X");
		Actor asPatient = new Actor(p.account().id(), Role.PATIENT, "Mira Marfan");
		Actor asCoordinator = new Actor(co.account().id(), Role.COORDINATOR, "Cora Coordinator");
		Actor asSpecialist = new Actor(sp.account().id(), Role.SPECIALIST, "Dr. Gene Geneticist");
		UUID caseId = intake.createDraft(asPatient, null, UUID.randomUUID(), org.consilium.intake.TestDrafts.content("Is it really Marfan syndrome?",
				"Marfan syndrome", org.consilium.shared.CodeSystem.ICD_10_CM, "Q87.4", "Aortic root replacement", "Dr. First", "First Clinic", null,
				"Tall, long fingers, lens dislocation", List.of("Is the surgery needed now?"), org.consilium.intake.Urgency.ROUTINE, true)).id().value();
		for (String sign : List.of("HP:0001166", "HP:0001083", "HP:0002616", "HP:0000098")) {
			phenotype.addFeature(asPatient, new CaseId(caseId), new org.consilium.phenotype.AddPhenotypicFeature(sign, false, null, null));
		}
		intake.submit(asPatient, new CaseId(caseId));
		caseTriage.startTriage(asCoordinator, new CaseId(caseId));
		caseTriage.assign(asCoordinator, new CaseId(caseId), "207SG0201X", org.consilium.intake.Urgency.ROUTINE, asSpecialist.id(), "Assigned by the test.");
		review.acceptAssignment(asSpecialist, new CaseId(caseId));

		firstSignIn(specialist, sp.oneTimePassword(), "a-long-differential-password-" + unique);
		driver.get(url("/cases/" + caseId + "/review"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("differential-candidates")));
		String panel = driver.findElement(By.id("differential")).getText();
		assertThat(panel).contains("Differential diagnosis (decision support)", "Human Phenotype Ontology, release 2025-05-06",
				"shown once you have recorded your independent impression");
		assertThat(driver.findElements(By.cssSelector("[data-copy-diagnosis]"))).as("no opinion to copy into yet").isEmpty();
		WebElement firstWhy = driver.findElement(By.cssSelector("#differential-candidates details summary"));
		firstWhy.click();
		assertThat(driver.findElement(By.cssSelector("#differential-candidates details ul.evidence")).getText()).contains("Ectopia lentis");

		type(By.id("impression-text"), "Connective tissue disorder; the signs fit Marfan syndrome.");
		click(By.xpath("//button[normalize-space()='Record my impression']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("differential-submitted")));
		assertThat(driver.findElement(By.id("differential-submitted")).getText()).contains("(ICD-10-CM Q87.4) maps to Marfan syndrome (OMIM:154700, ORPHA:558), best ranked", "together");
		WebElement copy = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#differential-candidates [data-copy-diagnosis]")));
		String name = copy.getAttribute("data-text");
		String code = copy.getAttribute("data-code");
		String system = copy.getAttribute("data-system");
		copy.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("differential-copy-status"), "Copied " + name));
		assertThat(driver.findElement(By.id("dx-text-0")).getAttribute("value")).isEqualTo(name);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("opinion-save-state"), "Draft saved"));
		var saved = review.draft(asSpecialist, new CaseId(caseId)).orElseThrow().content().diagnoses().get(0);
		assertThat(saved.text()).isEqualTo(name);
		assertThat(saved.code()).isEqualTo(code);
		assertThat(saved.system().name()).isEqualTo(system);
		snap("6-differential-diagnosis");
		copy.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("differential-copy-status"), "already diagnosis 1"));
	}

	@Test
	void anOrdinaryPdfStillOpensInChromiumAndOneCarryingHtmlIsOnlyDownloaded() throws Throwable {
		keepingTheLastPage("pdf-last-page.png", this::pdfJourney);
	}

	/**
	 * Under the strict headers ({@code frame-ancestors 'none'}, COOP, Permissions-Policy) Chromium still shows an
	 * ordinary PDF in its viewer, while a PDF with HTML and a script after its head is not opened as a page at all.
	 */
	private void pdfJourney() throws IOException {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = "pdf-patient-" + unique + "@test.consilium.local";
		CreatedAccount p = identity.seedAccount(email, "Pia Pdf", Role.PATIENT, null);
		Actor asPatient = new Actor(p.account().id(), Role.PATIENT, "Pia Pdf");
		UUID caseId = intake.createDraft(asPatient, null, UUID.randomUUID(), org.consilium.intake.TestDrafts.content("A second look, please",
				"A diagnosis", null, null, "A treatment", null, null, null, null, List.of(), org.consilium.intake.Urgency.ROUTINE, false)).id().value();
		var ordinary = records.uploadDocument(asPatient, new CaseId(caseId), "letter.pdf", new java.io.ByteArrayInputStream(TestDocuments.pdf()));
		var withHtml = records.uploadDocument(asPatient, new CaseId(caseId), "odd.pdf",
				new java.io.ByteArrayInputStream(org.consilium.records.TestFiles.pdfWithHtmlAfterItsHead()));
		firstSignIn(email, p.oneTimePassword(), "a-long-pdf-password-" + unique);

		String ordinaryUrl = url("/cases/" + caseId + "/documents/" + ordinary.id());
		driver.get(ordinaryUrl);
		// Chromium shows a PDF in its viewer extension, which frames the document's URL: under frame-ancestors 'none'
		// the document must still load in that frame, and the viewer then titles the tab with the file name.
		wait.until(d -> targets().stream().anyMatch(t -> "iframe".equals(t.get("type")) && String.valueOf(t.get("url")).startsWith(PDF_VIEWER))
				&& targets().stream().anyMatch(t -> "iframe".equals(t.get("type")) && ordinaryUrl.equals(t.get("url")))
				&& targets().stream().anyMatch(t -> "page".equals(t.get("type")) && "letter.pdf".equals(t.get("title"))));
		assertThat(driver.getCurrentUrl()).isEqualTo(ordinaryUrl);
		assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.contentType")).isEqualTo("application/pdf");
		snap("7-inline-pdf");

		String records = url("/cases/" + caseId + "/records");
		driver.get(records);
		driver.get(url("/cases/" + caseId + "/documents/" + withHtml.id()));
		assertThat(driver.getCurrentUrl()).as("an attachment is downloaded, not shown").isEqualTo(records);
		assertThat(driver.getPageSource()).doesNotContain("alert(document.cookie)");
	}

	/** The DevTools targets of the browser: pages and their frames, with type, URL and title. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> targets() {
		return (List<Map<String, Object>>) chrome.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
	}

	private void firstSignIn(String email, String oneTimePassword, String newPassword) {
		signIn(email, oneTimePassword);
		waitForPath("/account/password");
		assertThat(driver.getPageSource()).contains("You signed in with a one-time password");
		type(By.id("currentPassword"), oneTimePassword);
		type(By.id("newPassword"), newPassword);
		click(By.xpath("//button[normalize-space()='Change password']"));
		wait.until(ExpectedConditions.urlContains("/login?changed"));
		signIn(email, newPassword);
		wait.until(d -> !path(d.getCurrentUrl()).startsWith("/login") && !path(d.getCurrentUrl()).startsWith("/account/password"));
	}

	private void signIn(String email, String password) {
		driver.get(url("/login"));
		type(By.id("username"), email);
		type(By.id("password"), password);
		click(By.xpath("//button[normalize-space()='Sign in']"));
		wait.until(d -> !path(d.getCurrentUrl()).equals("/login"));
		assertThat(driver.getCurrentUrl()).as("signed in as " + email).doesNotContain("error");
		secondFactor(email);
	}

	/**
	 * Staff need a second factor: at the first sign-in with their own password they set it up from the secret the page
	 * shows as text; afterwards they enter the next code. Codes come from {@link TotpCodes}, like an authenticator app.
	 */
	private void secondFactor(String email) {
		if (path(driver.getCurrentUrl()).equals("/account/second-factor/enrol")) {
			authenticator.enrol(email, wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp-secret"))).getText());
			assertThat(driver.findElements(By.cssSelector(".qr svg"))).as("the QR code to scan").hasSize(1);
			type(By.id("code"), authenticator.next(email));
			click(By.xpath("//button[normalize-space()='Turn on the second factor']"));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
			click(By.id("continue"));
		}
		else if (path(driver.getCurrentUrl()).equals("/account/second-factor")) {
			type(By.id("code"), authenticator.next(email));
			click(By.xpath("//main//button[normalize-space()='Continue']"));
		}
		wait.until(d -> !path(d.getCurrentUrl()).startsWith("/account/second-factor"));
	}

	private void signOut() {
		click(By.xpath("//button[normalize-space()='Sign out']"));
		wait.until(ExpectedConditions.urlContains("/login?logout"));
	}

	private void type(By by, String text) {
		WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
		field.clear();
		field.sendKeys(text);
	}

	private void click(By by) {
		wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	private void waitForPath(String expected) {
		wait.until(d -> path(d.getCurrentUrl()).equals(expected));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String path(String url) {
		String rest = url.replaceFirst("^https?://[^/]+", "");
		int cut = rest.indexOf('?');
		rest = cut < 0 ? rest : rest.substring(0, cut);
		cut = rest.indexOf('#');
		return cut < 0 ? rest : rest.substring(0, cut);
	}

	private static String caseIdFrom(String url) {
		Matcher m = Pattern.compile("/cases/([0-9a-f-]{36})/").matcher(url);
		assertThat(m.find()).as("a case id in " + url).isTrue();
		return m.group(1);
	}

	/** A full-page screenshot of a step, {@code target/journey/<name>.png}, to look at the pages afterwards. */
	private static void snap(String name) throws IOException {
		Files.write(ARTIFACTS.resolve(name + ".png"), fullPageScreenshot());
	}

	/** The whole page, not only the window, through the DevTools protocol. */
	private static byte[] fullPageScreenshot() {
		@SuppressWarnings("unchecked")
		Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		double width = ((Number) size.get("width")).doubleValue();
		double height = ((Number) size.get("height")).doubleValue();
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true,
						"clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		return Base64.getDecoder().decode((String) shot.get("data"));
	}
}
