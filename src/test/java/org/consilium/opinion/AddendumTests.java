package org.consilium.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.TestAccounts;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

import tools.jackson.databind.json.JsonMapper;

/**
 * An addendum after delivery on a real PostgreSQL: it signs version 2 with a new fingerprint, the PDF prints the version
 * and the addendum (still PDF/A-2u and PDF/UA-1), version 1 stays readable and verifies as superseded; before delivery
 * it is refused with 409; the page asks for a step-up first, like the first signature.
 */
@ConsiliumIntegrationTest
class AddendumTests {

	static final String ADDENDUM = "Radiotherapy may be left out after the age of seventy.";

	static final String REASON = "Results of a new randomised trial.";

	@Autowired
	SignedCases cases;

	@Autowired
	OpinionManagement opinions;

	@Autowired
	OpinionDocuments documents;

	@Autowired
	SignedVersions versions;

	@Autowired
	ReviewManagement review;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void veraPdf() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return OpinionPdfTests.nfkc(OpinionPdfTests.text().getText(doc)).replaceAll("\\s+", " ");
		}
	}

	@Test
	void anAddendumSignsVersionTwoWithANewFingerprintAndThePdfShowsItWhileVersionOneStaysReadable() throws Exception {
		SignedCases.SignedCase c = cases.caseAbout(SignedCases.PAT, true);
		String first = versions.current(c.id()).orElseThrow().fingerprint();

		Addendum addendum = opinions.addAddendum(c.specialist(), c.id(), ADDENDUM, REASON);

		SignedVersions.SignedVersion second = versions.current(c.id()).orElseThrow();
		assertThat(addendum.version()).isEqualTo(2);
		assertThat(second.version()).isEqualTo(2);
		String canonical = new JsonCanonicalizer(JsonMapper.builder().build().writeValueAsString(java.util.Map.of("opinion",
				review.signedVersionForSystem(c.id()).orElseThrow(), "addenda", versions.addenda(c.id(), 2)))).getEncodedString();
		assertThat(second.fingerprint()).as("SHA-256 of the canonical JSON of the opinion and its addenda").matches("[0-9a-f]{64}")
			.isNotEqualTo(first).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(canonical.getBytes(StandardCharsets.UTF_8))));
		byte[] pdf = documents.pdf(c.patient(), c.id());
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			for (int page = 1; page <= doc.getNumberOfPages(); page++) {
				PDFTextStripper stripper = OpinionPdfTests.text();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(doc)).as("page %d", page).contains("version 2").doesNotContain("version 1,");
			}
		}
		assertThat(text(pdf)).contains("Addenda", ADDENDUM, "Reason: " + REASON, SignedCases.SUMMARY);
		assertThat(text(pdf).replace(" ", "")).contains(second.fingerprint());
		OpinionPdfTests.assertConforms(pdf, PDFAFlavour.PDFA_2_U);
		OpinionPdfTests.assertConforms(pdf, PDFAFlavour.PDFUA_1);

		OpinionDocuments.SignedDocument old = documents.document(c.patient(), c.id(), 1);
		assertThat(old.version()).isEqualTo(1);
		assertThat(old.currentVersion()).isEqualTo(2);
		assertThat(text(old.pdf())).contains("version 1").doesNotContain(ADDENDUM);
		assertThat(text(old.pdf()).replace(" ", "")).contains(first);
		assertThat(opinions.read(c.patient(), c.id(), 1).superseded()).isTrue();
		assertThat(audit.forCase(c.id(), 0, 200)).filteredOn(e -> e.action().equals(AuditAction.OPINION_VERSION_READ.code()))
			.hasSize(2).allSatisfy(e -> assertThat(e.actorId()).isEqualTo(c.patient().id()));
		assertThat(audit.forCase(c.id(), 0, 200)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo(AuditAction.OPINION_ADDENDUM.code());
			assertThat(e.actorId()).isEqualTo(c.specialist().id());
		});

		OpinionDocuments.Verification superseded = documents.verify(c.patient(), first);
		assertThat(superseded.verdict()).isEqualTo(OpinionDocuments.Verdict.SUPERSEDED);
		assertThat(superseded.currentVersion()).isEqualTo(2);
		assertThat(documents.verify(c.patient(), second.fingerprint()).verdict()).isEqualTo(OpinionDocuments.Verdict.CURRENT);
		assertThatThrownBy(() -> documents.document(c.patient(), c.id(), 3)).isInstanceOf(org.consilium.shared.NotFoundException.class);
	}

	@Test
	void anAddendumBeforeDeliveryIs409AndOnlyTheSigningSpecialistWritesOneWithTextAndReason() throws Exception {
		SignedCases.SignedCase draft = cases.caseAbout(SignedCases.PAT, false);
		SignedCases.SignedCase delivered = cases.caseAbout(SignedCases.PAT, true);

		assertThatThrownBy(() -> opinions.addAddendum(draft.specialist(), draft.id(), ADDENDUM, REASON))
			.isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.status().value()).isEqualTo(409));
		String problem = mvc.perform(post("/api/cases/{id}/opinion/addenda", draft.id().value()).with(csrf())
				.with(authentication(TestAccounts.authentication(draft.specialist()))).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"More.\",\"reason\":\"Because.\"}"))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(problem).contains("illegal-transition", "once the opinion is delivered");
		assertThatThrownBy(() -> opinions.addAddendum(delivered.patient(), delivered.id(), ADDENDUM, REASON))
			.isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> opinions.addAddendum(delivered.specialist(), delivered.id(), ADDENDUM, " "))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
		assertThat(versions.current(delivered.id()).orElseThrow().version()).as("nothing was signed").isEqualTo(1);
		assertThat(versions.current(draft.id())).isEmpty();
	}

	@Test
	void theAddendumFormAsksForAStepUpFirstAndKeepsWhatWasTyped() throws Exception {
		SignedCases.SignedCase c = cases.caseAbout(SignedCases.PAT, true);
		Actor specialist = c.specialist();
		var stale = TestAccounts.sessionAuthenticatedAt(specialist, specialist.id() + "@test", Instant.now().minusSeconds(3600));

		mvc.perform(post("/cases/{id}/opinion/addenda", c.id().value()).session(stale).with(csrf()).param("text", ADDENDUM)
				.param("reason", REASON))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/account/confirm?continue=/cases/" + c.id().value() + "/opinion"));
		assertThat(versions.current(c.id()).orElseThrow().version()).isEqualTo(1);
		String form = mvc.perform(get("/cases/{id}/opinion", c.id().value()).session(stale)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(form).contains("Add an addendum", ADDENDUM, REASON);

		var fresh = TestAccounts.sessionAuthenticatedAt(specialist, specialist.id() + "@test", Instant.now());
		mvc.perform(post("/cases/{id}/opinion/addenda", c.id().value()).session(fresh).with(csrf()).param("text", ADDENDUM)
				.param("reason", REASON))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + c.id().value() + "/opinion#addenda"));
		assertThat(versions.current(c.id()).orElseThrow().version()).isEqualTo(2);
		String page = mvc.perform(get("/cases/{id}/opinion", c.id().value()).param("version", "1")
				.with(authentication(TestAccounts.authentication(c.patient())))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("It is superseded by version 2", "/cases/" + c.id().value() + "/opinion.pdf?version=1",
				"/api/cases/" + c.id().value() + "/opinion/fhir-document?version=1").doesNotContain(ADDENDUM);
	}

	@Test
	void someoneWithTheFingerprintAndTheCasesCodeChecksADocumentWithoutSigningInAndWrongCodesAreLimited() throws Exception {
		SignedCases.SignedCase c = cases.caseAbout(SignedCases.PAT, true);
		String first = versions.current(c.id()).orElseThrow().fingerprint();
		opinions.addAddendum(c.specialist(), c.id(), ADDENDUM, REASON);
		String current = versions.current(c.id()).orElseThrow().fingerprint();
		String origin = "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		Actor stranger = cases.seed(Role.SPECIALIST, null);
		assertThatThrownBy(() -> documents.verify(stranger, first)).isInstanceOf(org.consilium.shared.NotFoundException.class);

		String code = mvc.perform(post("/cases/{id}/opinion/verification-code", c.id().value()).with(csrf())
				.with(authentication(TestAccounts.authentication(c.patient()))))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("verificationCode").toString();
		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

		assertThat(check(first, code.toLowerCase(), origin)).contains("It is superseded by version 2");
		assertThat(check(current, code, origin)).contains("This is the current signed version (version 2");
		assertThat(check("ab".repeat(32), code, origin)).contains("Not a document of this program");
		String wrong = code.startsWith("A") ? "B" + code.substring(1) : "A" + code.substring(1);
		for (int i = 0; i < DocumentChecks.MAX_WRONG_CODES_PER_CASE; i++) {
			assertThat(check(current, wrong, origin)).contains("Not a document of this program").doesNotContain("This is the current signed version");
		}
		assertThat(check(current, code, origin)).as("after five wrong codes even the right one waits").contains("Too many checks")
			.doesNotContain("This is the current signed version");
		assertThat(audit.forCase(c.id(), 0, 200)).filteredOn(e -> e.action().equals(AuditAction.OPINION_VERIFY_WITH_CODE.code()))
			.extracting(e -> e.outcome().toString()).contains("SUCCESS", "FAILED", "DENIED");
	}

	String check(String fingerprint, String code, String origin) throws Exception {
		return mvc.perform(post("/opinions/verify").with(csrf()).param("fingerprint", fingerprint).param("code", code).with(r -> {
			r.setRemoteAddr(origin);
			return r;
		})).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
