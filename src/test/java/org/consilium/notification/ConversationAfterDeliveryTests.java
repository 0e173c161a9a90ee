package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.identity.UserView;
import org.consilium.intake.DraftContent;
import org.consilium.opinion.FollowUpQuestion;
import org.consilium.opinion.OpinionManagement;
import org.consilium.opinion.SignedCases;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * The conversation after delivery on a real PostgreSQL and SMTP server: a follow-up question tells the specialist, its
 * answer the patient and the referring physician, an addendum (a new version) everyone the opinion was delivered to;
 * each by an in-app notice and an e-mail without the question, the answer, the addendum, the patient's name or the case.
 * Reading the opinion marks the reader's notices about it read, and only theirs.
 */
class ConversationAfterDeliveryTests extends MailTestSupport {

	@Autowired
	SignedCases signed;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	OpinionManagement opinions;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.consilium.identity.IdentityManagement identity;

	@Test
	void followUpsAndANewVersionNotifyTheOtherSideWithoutHealthDataAndReadingTheOpinionMarksItsNoticesRead() throws Exception {
		UserView patientUser = signed.seedUser(Role.PATIENT, null);
		UserView referrerUser = signed.seedUser(Role.REFERRING_PHYSICIAN, null);
		Actor patient = SignedCases.actor(patientUser);
		Actor referrer = SignedCases.actor(referrerUser);
		DraftContent draft = SignedCases.draft(SignedCases.PAT);
		CaseId id = cases.referred(referrer, patientUser.email(), patient, draft).id();
		SignedCases.SignedCase c = signed.review(id, patient, referrer, true);
		UUID specialistId = c.specialist().id().value();
		List<String> secrets = List.of("ZqQuestion" + UUID.randomUUID(), "ZqAnswer" + UUID.randomUUID(), "ZqAddendum" + UUID.randomUUID(),
				"ZqReason" + UUID.randomUUID(), "Tester", id.value().toString(), "C50.912", "Breast cancer");

		FollowUpQuestion asked = opinions.askFollowUp(patient, id, secrets.get(0));
		assertThat(kinds(specialistId, id)).containsExactlyInAnyOrder("ASSIGNED", "FOLLOW_UP_ASKED");
		opinions.answerFollowUp(c.specialist(), id, asked.id(), secrets.get(1));
		opinions.addAddendum(c.specialist(), id, secrets.get(2), secrets.get(3));

		List<String> patientSide = List.of("OPINION_DELIVERED", "FOLLOW_UP_ANSWERED", "OPINION_NEW_VERSION");
		assertThat(kinds(patientUser.id().value(), id)).containsExactlyInAnyOrderElementsOf(patientSide);
		assertThat(kinds(referrerUser.id().value(), id)).containsExactlyInAnyOrderElementsOf(patientSide);
		assertThat(kinds(specialistId, id)).containsExactlyInAnyOrder("ASSIGNED", "FOLLOW_UP_ASKED");

		while (sender.sendDue() > 0) {
			// drain everything due, also rows of other tests in this context
		}
		List<MimeMessage> news = new ArrayList<>();
		for (String address : List.of(patientUser.email(), referrerUser.email(), identity.findUser(c.specialist().id()).orElseThrow().email())) {
			news.addAll(receivedBy(address));
		}
		news.removeIf(m -> {
			try {
				return ((String) m.getContent()).contains("/invitations");
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(news).as("one e-mail per notice: 3 to the patient, 3 to the referrer, 2 to the specialist").hasSize(8);
		for (MimeMessage mail : news) {
			String seen = everything(mail).toLowerCase(Locale.ROOT);
			for (String secret : secrets) {
				assertThat(seen).as("a mail must not contain %s", secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
			}
			assertThat((String) mail.getContent()).startsWith("Hello,").contains("/notices");
		}

		opinions.read(patient, id);

		assertThat(unread(patientUser.id().value(), id)).as("the patient's news about the opinion is read").isEmpty();
		assertThat(unread(referrerUser.id().value(), id)).as("only the reader's").containsExactlyInAnyOrderElementsOf(patientSide);
		assertThat(unread(specialistId, id)).containsExactlyInAnyOrder("ASSIGNED", "FOLLOW_UP_ASKED");
		opinions.read(c.specialist(), id);
		assertThat(unread(specialistId, id)).as("the assignment points at the case, not the opinion").containsExactly("ASSIGNED");
	}

	private List<String> kinds(UUID recipient, CaseId caseId) {
		return jdbc.sql("SELECT kind FROM notification.notice WHERE recipient_id = ? AND case_id = ? ORDER BY created_at, kind")
			.params(recipient, caseId.value()).query(String.class).list();
	}

	private List<String> unread(UUID recipient, CaseId caseId) {
		return jdbc.sql("SELECT kind FROM notification.notice WHERE recipient_id = ? AND case_id = ? AND read_at IS NULL ORDER BY created_at, kind")
			.params(recipient, caseId.value()).query(String.class).list();
	}
}
