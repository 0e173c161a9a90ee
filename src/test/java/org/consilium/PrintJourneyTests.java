package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.Urgency;
import org.consilium.phenotype.HpoIntegrationTest;
import org.consilium.records.RecordsManagement;
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
 * The case, its records and the delivered opinion printed to PDF from Chromium (DevTools {@code Page.printToPDF}, as
 * the print dialog does) with the print style sheet: every printed page names the patient and their birth date, and
 * the site's navigation and controls are not printed. The PDFs are kept in {@code target/journey/print/}.
 */
@HpoIntegrationTest
class PrintJourneyTests {

	static final Path PRINTS = Paths.get("target", "journey", "print");

	/** Who the case is about ({@link TestDrafts#PATIENT}), as the patient header names them. */
	static final String PATIENT = "Pat Tester, born 1 January 1970";

	static ChromiumSession browser;

	static PageChecks pages;

	static WebDriver driver;

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
	RecordsManagement records;

	@BeforeAll
	static void startChromium() throws IOException {
		Files.createDirectories(PRINTS);
		browser = ChromiumSession.start();
		pages = new PageChecks(browser.driver(), PRINTS.resolve("pages"));
		driver = pages.onEveryPage();
	}

	@AfterAll
	static void quitChromium() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theCaseTheRecordsAndTheOpinionPrintWithThePatientOnEveryPage() throws IOException {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = "print-" + unique + "@test.consilium.local";
		CreatedAccount p = identity.seedAccount(email, "Pat Tester", Role.PATIENT, null);
		CreatedAccount co = identity.seedAccount("print-coordinator-" + unique + "@test.consilium.local", "Pia Coordinator", Role.COORDINATOR, null);
		CreatedAccount sp = identity.seedAccount("print-oncologist-" + unique + "@test.consilium.local", "Dr. Pim Oncologist", Role.SPECIALIST,
				"207RX0202X");
		Actor patient = new Actor(p.account().id(), Role.PATIENT, "Pat Tester");
		Actor coordinator = new Actor(co.account().id(), Role.COORDINATOR, "Pia Coordinator");
		Actor specialist = new Actor(sp.account().id(), Role.SPECIALIST, "Dr. Pim Oncologist");
		List<String> questions = IntStream.rangeClosed(1, 10).mapToObj(i -> "Question " + i + ": what does this mean for my treatment?").toList();
		CaseId caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Is surgery first right for me?",
				"Invasive ductal carcinoma of the left breast", null, null, "Lumpectomy, then radiotherapy.", "Dr. First", "First Clinic", null,
				"A lump since March.", questions, Urgency.ROUTINE, true)).id();
		records.uploadDocument(patient, caseId, "pathology-report.pdf", new ByteArrayInputStream(TestDocuments.pdf()));
		intake.submit(patient, caseId);
		caseTriage.startTriage(coordinator, caseId);
		caseTriage.assign(coordinator, caseId, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, caseId);
		review.recordImpression(specialist, caseId, "Early breast cancer.", null);
		String answer = "The answer in full: " + "this depends on the tumour's receptors and size, which the pathology report gives. ".repeat(6);
		review.saveAndSign(specialist, caseId, null, UUID.randomUUID(), new OpinionContent(Concordance.CONFIRMED,
				List.of(new Diagnosis("Invasive ductal carcinoma of the left breast", null, null)), TreatmentReview.AGREE, "",
				List.of(new TreatmentOption("Lumpectomy, then radiotherapy", Invasiveness.INVASIVE, "Keeps the breast", "Scarring", "NSABP B-06")),
				"", questions.stream().map(q -> answer).toList(), "Records only", "Your diagnosis and plan are right.",
				org.consilium.review.CompleteReport.sections()));

		ChromiumSession.firstSignIn(driver, url(""), email, p.oneTimePassword(), "a-long-print-password-" + unique);
		int opinionPages = 0;
		for (String page : List.of("", "/records", "/opinion")) {
			driver.get(url("/cases/" + caseId + page));
			new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("patient-header")));
			byte[] pdf = printToPdf();
			String name = page.isEmpty() ? "case" : page.substring(1);
			Files.write(PRINTS.resolve(name + ".pdf"), pdf);
			List<String> printed = pageTexts(pdf);
			assertThat(printed).as(name + ": every printed page names the patient").isNotEmpty().allSatisfy(text -> assertThat(text).contains(PATIENT));
			assertThat(String.join("\n", printed)).as(name + ": no navigation or controls on paper")
				.doesNotContain("Skip to content", "Sign out", "My cases");
			if (page.equals("/opinion")) {
				opinionPages = printed.size();
				assertThat(String.join("\n", printed)).contains("Your diagnosis and plan are right.");
			}
		}
		assertThat(opinionPages).as("the opinion runs over more than one sheet, so the name is checked on a later page too").isGreaterThan(1);
		pages.check();
		pages.assertNone();
	}

	/** The page in the window printed as Chromium's print dialog prints it. */
	private static byte[] printToPdf() {
		Map<String, Object> printed = browser.driver().executeCdpCommand("Page.printToPDF", Map.of("printBackground", false));
		return Base64.getDecoder().decode((String) printed.get("data"));
	}

	private static List<String> pageTexts(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			List<String> texts = new ArrayList<>();
			for (int i = 1; i <= document.getNumberOfPages(); i++) {
				stripper.setStartPage(i);
				stripper.setEndPage(i);
				texts.add(stripper.getText(document));
			}
			return texts;
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
