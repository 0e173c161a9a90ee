package org.consilium.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.TestDocuments;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.TestAccounts;
import org.consilium.identity.UserView;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.PatientDetails;
import org.consilium.intake.Urgency;
import org.consilium.notification.MailTestSupport;
import org.consilium.records.DocumentView;
import org.consilium.records.RecordsManagement;
import org.consilium.review.CompleteReport;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * The opinion sent back to the treating physician (issue #12 item 4) on a real PostgreSQL and a real SMTP server
 * (GreenMail): two e-mails without health data, a link that works once, a one-time code with five tries, a reading
 * bound to the browser session, reads in the patient's access log, and a revoked consent or an expired link refusing
 * the next request with a page that shows nothing, audited.
 */
class PhysicianLinkTests extends MailTestSupport {

	private static final Pattern LINK = Pattern.compile("https://consilium\\.example\\.org/shared/([A-Za-z0-9_-]{43})");

	private static final Pattern CODE = Pattern.compile("your one-time code is: (\\d{6})");

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

	@Autowired
	PhysicianLinks links;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.consilium.opinion.OpinionManagement opinions;

	/** A delivered case; {@code patientEmail} and {@code patientPassword} (one-time) sign the patient in. */
	record Delivered(CaseId id, Actor patient, Actor specialist, String family, DocumentView sent, DocumentView kept, String patientEmail,
			String patientPassword) {
	}

	/** A case whose signed opinion was delivered, with two documents; about a patient with a name found nowhere else. */
	Delivered delivered() {
		return delivered(identity, intake, records, caseTriage, review);
	}

	static Actor seed(IdentityManagement identity, Role role, String specialty) {
		return actor(identity.seedAccount(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", role.label(), role, specialty),
				role);
	}

	static Actor actor(IdentityManagement.CreatedAccount created, Role role) {
		return new Actor(created.account().id(), role, created.account().displayName());
	}

	static Delivered delivered(IdentityManagement identity, IntakeManagement intake, RecordsManagement records, CaseTriage caseTriage,
			ReviewManagement review) {
		String family = "Zqfamily" + UUID.randomUUID().toString().substring(0, 8);
		IdentityManagement.CreatedAccount account = identity.seedAccount("patient-" + UUID.randomUUID() + "@example.org", "Patient",
				Role.PATIENT, null);
		Actor patient = actor(account, Role.PATIENT);
		Actor coordinator = seed(identity, Role.COORDINATOR, null);
		Actor specialist = seed(identity, Role.SPECIALIST, "207RX0202X");
		CaseId id = intake.createDraft(patient, null, UUID.randomUUID(), new DraftContent("Is surgery needed?", "Breast cancer",
				CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr First", "City Hospital", null, "Lump since March",
				List.of("Do I need a mastectomy?"), Urgency.ROUTINE, true,
				new PatientDetails(family, "Zqgiven", LocalDate.of(1980, 2, 3), AdministrativeSex.FEMALE))).id();
		DocumentView sent = records.uploadDocument(patient, id, "Pathology-report.pdf", new ByteArrayInputStream(TestDocuments.pdf()));
		DocumentView kept = records.uploadDocument(patient, id, "Private-letter.pdf", new ByteArrayInputStream(TestDocuments.pdf()));
		intake.submit(patient, id);
		caseTriage.startTriage(coordinator, id);
		caseTriage.assign(coordinator, id, "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Probably DCIS", null);
		review.saveAndSign(specialist, id, null, UUID.randomUUID(), new OpinionContent(Concordance.REFINED,
				List.of(new Diagnosis("Ductal carcinoma in situ", CodeSystem.ICD_10_CM, "D05.12")), TreatmentReview.MODIFY,
				"Lumpectomy with radiotherapy", List.of(new TreatmentOption("Lumpectomy", Invasiveness.INVASIVE, "Breast kept", "Re-excision",
						"NSABP B-17")), "Genetic counselling", List.of("No."), "Based on the records supplied.", "A smaller operation is enough.",
				CompleteReport.sections()));
		// signing a complete report delivers it to the patient
		return new Delivered(id, patient, specialist, family, sent, kept, account.account().email(), account.oneTimePassword());
	}

	static String physician() {
		return "treating-" + UUID.randomUUID() + "@hospital.example.org";
	}

	/** Sends the opinion with the first document to a new physician's address; returns the token from the e-mail. */
	String sendAndReadLink(Delivered c, String address) throws Exception {
		links.send(c.patient(), c.id(), new SendToPhysician(ConsentChoice.TREATING_PHYSICIAN, "Dr Anna Zqdoctor", "City Hospital", address,
				Set.of(c.sent().id())));
		sendAllDue();
		List<MimeMessage> mails = receivedBy(address);
		assertThat(mails).hasSize(1);
		Matcher m = LINK.matcher(everything(mails.get(0)));
		assertThat(m.find()).as("the e-mail holds the link").isTrue();
		return m.group(1);
	}

	/** Opens the link (which sends the code) and returns the code from the second e-mail. */
	String openAndReadCode(String token, String address) throws Exception {
		mvc.perform(get("/shared/" + token)).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("one-time code")));
		sendAllDue();
		List<MimeMessage> mails = receivedBy(address);
		Matcher m = CODE.matcher(everything(mails.get(mails.size() - 1)));
		assertThat(m.find()).as("the second e-mail holds the code").isTrue();
		return m.group(1);
	}

	MockHttpSession enterCode(String token, String code) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/shared/" + token).session(session).param("code", code).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/shared/reading"));
		return session;
	}

	long audited(CaseId caseId, String action, String outcome) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = ? AND outcome = ? AND actor_role = 'EXTERNAL'")
			.params(caseId.value(), action, outcome).query(Long.class).single();
	}

	@Test
	void physicianReadsTheOpinionAndTickedDocumentOnceWithTheCodeAndThePatientSeesItInTheAccessLog() throws Exception {
		Delivered c = delivered();
		String address = physician();
		String token = sendAndReadLink(c, address);
		String code = openAndReadCode(token, address);

		for (MimeMessage mail : receivedBy(address)) {
			assertThat(everything(mail)).as("no health data in the physician's e-mails")
				.doesNotContain(c.family()).doesNotContain("Zqgiven").doesNotContain("Breast").doesNotContain("carcinoma")
				.doesNotContain("Pathology").doesNotContain("Zqdoctor");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM sharing.physician_link WHERE token_hash = ? OR token_hash = ?")
			.params(token, PhysicianLinks.hash(token)).query(Long.class).single()).as("only the token's hash is stored").isEqualTo(1);

		MockHttpSession session = enterCode(token, code);
		mvc.perform(get("/shared/reading").session(session)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Pathology-report.pdf")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Private-letter.pdf"))));
		byte[] pdf = mvc.perform(get("/shared/reading/opinion.pdf").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		mvc.perform(get("/shared/reading/documents/" + c.sent().id()).session(session)).andExpect(status().isOk());
		mvc.perform(get("/shared/reading/documents/" + c.kept().id()).session(session)).andExpect(status().isGone());
		mvc.perform(get("/shared/reading/opinion.pdf")).andExpect(status().isGone());

		mvc.perform(get("/shared/" + token)).andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("used already")));
		assertThat(audited(c.id(), "sharing.link.open", "DENIED")).as("the second use is audited as refused").isEqualTo(1);
		assertThat(audited(c.id(), "opinion.pdf.download", "SUCCESS")).isEqualTo(1);
		assertThat(audited(c.id(), "records.document.read", "SUCCESS")).isEqualTo(1);
		assertThat(audited(c.id(), "records.document.read", "DENIED")).isEqualTo(1);

		mvc.perform(get("/cases/" + c.id() + "/access-log").with(authentication(TestAccounts.authentication(c.patient()))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Dr Anna Zqdoctor (treating physician, by link)")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Downloaded the opinion as PDF")));
	}

	@Test
	void anAddendumSendsAFreshLinkToEveryPhysicianStillConsentedToAndNoneToARevokedOne() throws Exception {
		Delivered c = delivered();
		String kept = physician();
		String revoked = physician();
		String firstToken = sendAndReadLink(c, kept);
		sendAndReadLink(c, revoked);
		for (ConsentView consent : consents.choices(c.patient(), c.id()).current()) {
			if (consent.choice() == ConsentChoice.TREATING_PHYSICIAN && consent.actor().contains(revoked)) {
				consents.revoke(c.patient(), c.id(), consent.consentId(), false);
			}
		}

		opinions.addAddendum(c.specialist(), c.id(), "The margin was re-measured at 3 mm.", "A second look at the slides.");
		sendAllDue();

		assertThat(receivedBy(revoked)).as("a revoked physician hears nothing of the new version").hasSize(1);
		List<MimeMessage> mails = receivedBy(kept);
		assertThat(mails).hasSize(2);
		String news = everything(mails.get(1));
		assertThat(news).contains("new version").doesNotContain(c.family()).doesNotContain("margin").doesNotContain("Zqdoctor");
		Matcher m = LINK.matcher(news);
		assertThat(m.find()).as("the e-mail holds a fresh link").isTrue();
		String token = m.group(1);
		assertThat(token).isNotEqualTo(firstToken);
		MockHttpSession session = enterCode(token, openAndReadCode(token, kept));
		mvc.perform(get("/shared/reading").session(session)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Pathology-report.pdf")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Private-letter.pdf"))));
		byte[] pdf = mvc.perform(get("/shared/reading/opinion.pdf").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).as("the fresh link opens the new version")
				.contains("version 2");
		}
	}

	@Test
	void revokingTheConsentRefusesTheNextRequestOfAnOpenReadingAndAnUnopenedLink() throws Exception {
		Delivered c = delivered();
		String address = physician();
		String token = sendAndReadLink(c, address);
		MockHttpSession session = enterCode(token, openAndReadCode(token, address));
		mvc.perform(get("/shared/reading/opinion.pdf").session(session)).andExpect(status().isOk());
		String other = physician();
		String unopened = sendAndReadLink(c, other);

		for (ConsentView consent : consents.choices(c.patient(), c.id()).current()) {
			if (consent.choice() == ConsentChoice.TREATING_PHYSICIAN) {
				assertThat(consents.revoke(c.patient(), c.id(), consent.consentId(), false)).isEqualTo(Consents.Revocation.REVOKED);
			}
		}

		mvc.perform(get("/shared/reading/opinion.pdf").session(session)).andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("expired or was withdrawn")));
		mvc.perform(get("/shared/reading").session(session)).andExpect(status().isGone());
		mvc.perform(get("/shared/" + unopened)).andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("expired or was withdrawn")));
		assertThat(audited(c.id(), "opinion.pdf.download", "DENIED")).as("the refused download is audited").isEqualTo(1);
		assertThat(audited(c.id(), "sharing.link.open", "DENIED")).isEqualTo(1);
		assertThat(receivedBy(other)).as("no code for a revoked link").hasSize(1);
		assertThat(consents.choices(c.patient(), c.id()).history()).as("the history keeps both versions of each")
			.filteredOn(v -> v.choice() == ConsentChoice.TREATING_PHYSICIAN).extracting(ConsentView::status)
			.containsExactly("active", "active", "inactive", "inactive");
	}

	@Test
	void anExpiredLinkShowsNothingAndIsAudited() throws Exception {
		Delivered c = delivered();
		String address = physician();
		String token = sendAndReadLink(c, address);
		Instant before = clock.instant();
		try {
			clock.advance(PhysicianLinks.VALIDITY.plus(Duration.ofMinutes(1)));
			mvc.perform(get("/shared/" + token)).andExpect(status().isGone())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("expired or was withdrawn")));
		}
		finally {
			clock.set(before);
		}
		assertThat(audited(c.id(), "sharing.link.open", "DENIED")).isEqualTo(1);
		assertThat(receivedBy(address)).as("no code for an expired link").hasSize(1);
	}

	@Test
	void fiveWrongCodesLockTheLinkEvenForTheRightCode() throws Exception {
		Delivered c = delivered();
		String address = physician();
		String token = sendAndReadLink(c, address);
		String code = openAndReadCode(token, address);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 1; i < LinkReading.MAX_ATTEMPTS; i++) {
			mvc.perform(post("/shared/" + token).param("code", wrong).with(csrf())).andExpect(status().is(422))
				.andExpect(content().string(org.hamcrest.Matchers.containsString(
						LinkReading.MAX_ATTEMPTS - i == 1 ? "One attempt left." : (LinkReading.MAX_ATTEMPTS - i) + " attempts left.")));
		}
		mvc.perform(post("/shared/" + token).param("code", wrong).with(csrf())).andExpect(status().isGone())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("locked")));
		mvc.perform(post("/shared/" + token).param("code", code).with(csrf())).andExpect(status().isGone());
		mvc.perform(get("/shared/" + token)).andExpect(status().isGone());
		assertThat(audited(c.id(), "sharing.link.code", "FAILED")).isEqualTo(LinkReading.MAX_ATTEMPTS);
		assertThat(audited(c.id(), "sharing.link.code", "SUCCESS")).isZero();
	}

	@Test
	void anEmailThatDoesNotParseGetsAMessageOnTheFieldAndSendsNothing() throws Exception {
		Delivered c = delivered();
		mvc.perform(post("/cases/" + c.id() + "/sharing/treating-physician").with(authentication(TestAccounts.authentication(c.patient())))
			.with(csrf()).param("name", "Dr Anna Zqdoctor").param("institution", "City Hospital").param("email", "anna at hospital"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"email-error\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a valid e-mail address")));
		assertThat(jdbc.sql("SELECT count(*) FROM sharing.physician_link WHERE case_id = ?").param(c.id().value()).query(Long.class).single())
			.isZero();
		assertThatThrownBy(() -> PhysicianLinks.checkedAddress("a@b")).hasMessageContaining("valid e-mail");
		assertThat(PhysicianLinks.checkedAddress(" Anna@Hospital.Example.org ")).isEqualTo("anna@hospital.example.org");
	}
}
