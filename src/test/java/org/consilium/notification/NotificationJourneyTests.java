package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.TestDocuments;
import org.consilium.audit.AuditAction;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.DraftContent;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.Urgency;
import org.consilium.records.RecordsManagement;
import org.consilium.review.Clarification;
import org.consilium.review.ClarifyingQuestions;
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
 * The whole loop of a case, with a distinctive string in every field and file name, through the facades: every step
 * that concerns someone leaves exactly one in-app notice per recipient, and the e-mails that reach the real SMTP server
 * contain none of the case's text, names of files or identifiers, only a greeting and a link to the notices page.
 */
class NotificationJourneyTests extends MailTestSupport {

	static final Path DATA = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	RecordsManagement records;

	@Autowired
	ReviewManagement review;

	@Autowired
	ClarifyingQuestions clarifying;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	final List<String> secrets = new ArrayList<>();

	/** A string nothing else in the application or in a mail would contain by chance. */
	String secret(String field) {
		String s = "Zq" + field + UUID.randomUUID().toString().substring(0, 8);
		secrets.add(s);
		return s;
	}

	UserView seed(Role role, String specialty) {
		return identity.seedAccount(role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.org", secret("Name"),
				role, specialty).account();
	}

	static Actor actor(UserView u) {
		return new Actor(u.id(), u.role(), u.displayName());
	}

	@Test
	void runsTheWholeLoopWithOneNoticePerStepAndRecipientAndNoHealthDataInAnyEmail() throws Exception {
		UserView patientUser = seed(Role.PATIENT, null);
		Actor patient = actor(patientUser);
		UserView referrerUser = seed(Role.REFERRING_PHYSICIAN, null);
		Actor referrer = actor(referrerUser);
		UserView coordinatorUser = seed(Role.COORDINATOR, null);
		Actor coordinator = actor(coordinatorUser);
		UserView specialistUser = seed(Role.SPECIALIST, "207RX0202X");
		Actor specialist = actor(specialistUser);

		DraftContent content = TestDrafts.content(secret("Reason"), secret("Diagnosis"), CodeSystem.ICD_10_CM, "E75.22", secret("Treatment"),
				secret("Physician"), secret("Institution"), null, secret("Symptoms"), List.of(secret("QuestionOne"), secret("QuestionTwo")),
				Urgency.ROUTINE, true);
		// the patient of the bundle imported below; the name is health data too
		content = new DraftContent(content.reason(), content.firstDiagnosisText(), content.firstDiagnosisSystem(), content.firstDiagnosisCode(),
				content.proposedTreatment(), content.firstPhysician(), content.firstInstitution(), content.firstOpinionDate(),
				content.symptomsAndHistory(), content.questions(), content.urgency(), content.consentToShare(),
				new org.consilium.intake.PatientDetails("Atencio", "Alberto", java.time.LocalDate.of(1993, 6, 7), org.consilium.intake.AdministrativeSex.MALE));
		secrets.add("Atencio");
		secrets.add("E75.22");
		UUID caseId = cases.referred(referrer, patientUser.email(), patient, content).id().value();
		secrets.add(caseId.toString());
		secrets.add(jdbc.sql("SELECT code FROM intake.patient_invitation WHERE case_id = ?").param(caseId).query(String.class).single());
		records.uploadDocument(patient, new CaseId(caseId), secret("Upload") + ".pdf", new ByteArrayInputStream(TestDocuments.pdf()));
		byte[] bundle = Files.readAllBytes(DATA.resolve("fhir/synthea-smart-r4-2019/Alberto_Atencio_fc712d1f-5a2e-4407-9c55-a2a2bad623c2.json"));
		records.importFhirBundle(patient, new CaseId(caseId), secret("Bundle") + ".json", bundle);
		secrets.add("Alberto");

		intake.submit(referrer, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		caseTriage.requestRecords(coordinator, new CaseId(caseId), secret("RecordsMessage"));
		intake.recordsReceived(patient, new CaseId(caseId));
		caseTriage.assign(coordinator, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(caseId));
		review.recordImpression(specialist, new CaseId(caseId), secret("Impression"), new Diagnosis(secret("WorkingDiagnosis"), null, null));
		Clarification asked = clarifying.ask(specialist, new CaseId(caseId), secret("Clarification"));
		clarifying.answer(patient, new CaseId(caseId), asked.id(), secret("Answer"));
		OpinionContent opinion = new OpinionContent(Concordance.REFINED, List.of(new Diagnosis(secret("OpinionDiagnosis"), null, null)),
				TreatmentReview.MODIFY, secret("TreatmentComment"),
				List.of(new TreatmentOption(secret("Option"), Invasiveness.INVASIVE, secret("Benefit"), secret("Risks"), secret("Evidence"))),
				secret("WorkUp"), List.of(secret("AnswerOne"), secret("AnswerTwo")), secret("Limitations"), secret("PlainSummary"),
				org.consilium.review.CompleteReport.sections());
		review.saveAndSign(specialist, new CaseId(caseId), null, UUID.randomUUID(), opinion);
		assertThat(access.requireAccess(patient, new CaseId(caseId), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.DELIVERED);

		assertThat(kinds(coordinatorUser.id().value(), caseId)).containsExactly("CASE_SUBMITTED");
		assertThat(kinds(specialistUser.id().value(), caseId)).containsExactly("ASSIGNED");
		assertThat(kinds(patientUser.id().value(), caseId)).containsExactlyInAnyOrder("RECORDS_REQUESTED", "CLARIFICATION_REQUESTED", "OPINION_DELIVERED");
		assertThat(kinds(referrerUser.id().value(), caseId)).as("the referrer acts for the patient and, with consent, gets the opinion news")
			.containsExactlyInAnyOrder("RECORDS_REQUESTED", "CLARIFICATION_REQUESTED", "OPINION_DELIVERED");

		while (sender.sendDue() > 0) {
			// drain everything due, also rows of other tests in this context
		}
		List<MimeMessage> mails = new ArrayList<>();
		for (UserView u : List.of(patientUser, referrerUser, coordinatorUser, specialistUser)) {
			mails.addAll(receivedBy(u.email()));
		}
		assertThat(mails).as("one e-mail per notice, and the referrer's invitation to the patient's address").hasSize(1 + 1 + 3 + 3 + 1);
		int invitations = 0;
		for (MimeMessage mail : mails) {
			String seen = everything(mail);
			for (String secret : secrets) {
				assertThat(seen.toLowerCase(Locale.ROOT)).as("a mail must not contain %s", secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
			}
			String body = (String) mail.getContent();
			assertThat(body).startsWith("Hello,");
			if (body.contains("https://consilium.example.org/invitations")) {
				invitations++;
			}
			else {
				assertThat(body).contains("https://consilium.example.org/notices");
			}
		}
		assertThat(invitations).as("the invitation, without its code").isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM notification.outbox_message WHERE recipient_id = ? AND body IS NOT NULL")
			.param(patientUser.id().value()).query(Long.class).single()).as("bodies are cleared once sent").isZero();
	}

	private List<String> kinds(UUID recipient, UUID caseId) {
		return jdbc.sql("SELECT kind FROM notification.notice WHERE recipient_id = ? AND case_id = ? ORDER BY created_at")
			.params(recipient, caseId).query(String.class).list();
	}
}
