package org.consilium.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.PatientDetails;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/**
 * The opinion's PDF on a real PostgreSQL: the text of every section, the patient's name in four scripts, the running
 * header and page numbers, the fingerprint and its verification, PDF/A-2u and PDF/UA-1 by veraPDF, and the access
 * check and audit of a download. The first page of each PDF is kept as a PNG under {@code target/opinion-pdf/}.
 */
@ConsiliumIntegrationTest
class OpinionPdfTests {

	static final Path ARTIFACTS = Path.of("target", "opinion-pdf");

	static final String SUMMARY = SignedCases.SUMMARY;

	@Autowired
	ReviewManagement review;

	@Autowired
	OpinionDocuments documents;

	@Autowired
	SignedVersions versions;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void veraPdf() throws Exception {
		VeraGreenfieldFoundryProvider.initialise();
		Files.createDirectories(ARTIFACTS);
	}

	@Autowired
	SignedCases cases;

	Actor seed(Role role, String specialty) {
		return cases.seed(role, specialty);
	}

	SignedCases.SignedCase caseAbout(PatientDetails who, boolean sign) {
		return cases.caseAbout(who, sign);
	}

	/** Text in reading order: the renderer draws inline runs apart from their lines, so sort by position. */
	static PDFTextStripper text() {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		return stripper;
	}

	static String nfkc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"greek, Παπαδοπούλου, Ελένη",
			"vietnamese, Nguyễn, Thị Hương",
			"arabic, الخطيب, فاطمة",
			"japanese, 山田, 花子" })
	void rendersEverySectionAndThePatientsNameOnEveryPageAsPdfA2uAndPdfUa1(String script, String family, String given) throws Exception {
		PatientDetails who = new PatientDetails(family, given, LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE);
		SignedCases.SignedCase c = caseAbout(who, true);

		byte[] pdf = documents.pdf(c.patient(), c.id());

		String fingerprint = versions.current(c.id()).orElseThrow().fingerprint();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			int pages = doc.getNumberOfPages();
			for (int page = 1; page <= pages; page++) {
				PDFTextStripper stripper = text();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = nfkc(stripper.getText(doc));
				assertThat(text).as("page %d of the %s PDF", page, script).contains(nfkc(family)).contains(nfkc(given))
					.contains("born 3 February 1980").contains("version 1").contains("page " + page + " of " + pages);
			}
			PDFTextStripper first = text();
			first.setEndPage(1);
			String all = nfkc(text().getText(doc)).replaceAll("\\s+", " ");
			assertThat(nfkc(first.getText(doc)).replaceAll("\\s+", "")).contains(fingerprint);
			assertThat(all).contains(SUMMARY, "Refined", "Ductal carcinoma in situ", "Lumpectomy with radiotherapy instead of mastectomy",
					"Genetic counselling", "Based on the records supplied.", "Pathology report, core biopsy", "Core biopsy slides",
					"Agrees with the original report.", "No trial is recruiting nearby.", "NCT01234567",
					"Whether radiotherapy is needed after surgery.", "Surgery consultation within four weeks.",
					"An in-person visit is recommended, with: Breast surgeon.", "Do I need a mastectomy?",
					"No, a smaller operation is enough.", "Breast oncology", "University Hospital", "GMC 1234567");
			assertThat(all.indexOf("In plain language")).as("the patient's PDF starts with the summary")
				.isLessThan(all.indexOf("First and second opinion side by side"));
			for (var pageFonts : doc.getPages()) {
				for (var name : pageFonts.getResources().getFontNames()) {
					PDFont font = pageFonts.getResources().getFont(name);
					assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
				}
			}
			ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", ARTIFACTS.resolve("first-page-" + script + ".png").toFile());
		}
		Files.write(ARTIFACTS.resolve("opinion-" + script + ".pdf"), pdf);
		assertConforms(pdf, PDFAFlavour.PDFA_2_U);
		assertConforms(pdf, PDFAFlavour.PDFUA_1);
	}

	static void assertConforms(byte[] pdf, PDFAFlavour flavour) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
			ValidationResult result = Foundries.defaultInstance().createValidator(flavour, false).validate(parser);
			String failures = result.getTestAssertions().stream().filter(a -> a.getStatus().toString().equals("FAILED"))
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()).distinct().limit(20)
				.collect(Collectors.joining("\n"));
			assertThat(result.isCompliant()).as("%s failures:\n%s", flavour, failures).isTrue();
		}
	}

	@Test
	void theTreatingSpecialistsPdfEndsWithTheSummaryAndEveryDownloadIsAudited() throws Exception {
		SignedCases.SignedCase c = caseAbout(new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE), true);

		byte[] pdf = documents.pdf(c.specialist(), c.id());

		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String all = text().getText(doc);
			assertThat(all.indexOf("In plain language")).isGreaterThan(all.indexOf("Reviewing specialist"));
		}
		assertThat(audit.forCase(c.id(), 0, 200)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo(AuditAction.OPINION_PDF_DOWNLOAD.code());
			assertThat(e.actorId()).isEqualTo(c.specialist().id());
		});
	}

	@Test
	void anUnsignedOpinionHasNoPdfAndAStrangerGetsNotFound() {
		SignedCases.SignedCase draft = caseAbout(new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE), false);
		Actor stranger = seed(Role.PATIENT, null);

		assertThatThrownBy(() -> documents.pdf(draft.specialist(), draft.id())).isInstanceOfSatisfying(OpinionNotSignedException.class, e -> {
			assertThat(e.status().value()).isEqualTo(409);
			assertThat(e.getMessage()).contains("not signed yet");
		});
		assertThatThrownBy(() -> documents.pdf(stranger, draft.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theFingerprintStoredAtSigningVerifiesAsCurrentAndAnUnknownOneIsNotOurs() {
		SignedCases.SignedCase c = caseAbout(new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE), true);
		String fingerprint = versions.current(c.id()).orElseThrow().fingerprint();
		Actor stranger = seed(Role.PATIENT, null);

		assertThat(fingerprint).matches("[0-9a-f]{64}")
			.isEqualTo(versions.fingerprint(review.signedVersionForSystem(c.id()).orElseThrow()));
		OpinionDocuments.Verification ok = documents.verify(c.patient(), fingerprint.toUpperCase());
		assertThat(ok.verdict()).isEqualTo(OpinionDocuments.Verdict.CURRENT);
		assertThat(ok.version()).isEqualTo(1);
		assertThat(documents.verify(c.patient(), "0".repeat(64)).verdict()).isEqualTo(OpinionDocuments.Verdict.NOT_OURS);
		assertThat(documents.verify(c.patient(), "not a fingerprint").verdict()).isEqualTo(OpinionDocuments.Verdict.NOT_OURS);
		assertThatThrownBy(() -> documents.verify(stranger, fingerprint)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theDownloadIsAnAttachmentNamedWithoutHealthDataAndAnUnsignedOpinionAnswers409() throws Exception {
		SignedCases.SignedCase signed = caseAbout(new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE), true);
		SignedCases.SignedCase draft = caseAbout(new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE), false);

		byte[] pdf = mvc.perform(get("/cases/{id}/opinion.pdf", signed.id().value())
				.with(authentication(TestAccounts.authentication(signed.patient()))))
			.andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"second-opinion.pdf\""))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String refused = mvc.perform(get("/cases/{id}/opinion.pdf", draft.id().value())
				.with(authentication(TestAccounts.authentication(draft.specialist()))))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("not signed yet");
	}

	@Test
	void theVerificationPageSaysCurrentOrNotADocumentOfThisProgram() throws Exception {
		SignedCases.SignedCase c = caseAbout(new PatientDetails("Tester", "Pat", LocalDate.of(1970, 1, 1), AdministrativeSex.FEMALE), true);
		String fingerprint = versions.current(c.id()).orElseThrow().fingerprint();

		String current = mvc.perform(post("/opinions/verify").with(csrf()).param("fingerprint", fingerprint)
				.with(authentication(TestAccounts.authentication(c.patient()))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String unknown = mvc.perform(post("/opinions/verify").with(csrf()).param("fingerprint", "ab".repeat(32))
				.with(authentication(TestAccounts.authentication(c.patient()))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(current).contains("This is the current signed version (version 1");
		assertThat(unknown).contains("Not a document of this program");
	}
}
