package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * Every kind of e-mail (each notice kind, address verification, password reset), as it reaches a real SMTP server,
 * greets generically and names neither its recipient nor the patient of the case (issue #11, failure 10).
 */
class EmailPrivacyTests extends MailTestSupport {

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	Notices notices;

	@Autowired
	OutboxSender sender;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	/** A name nothing else in a mail contains by chance: given and family name each unique. */
	private static String distinctiveName() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return "Zqgiven" + unique + " Zqfamily" + unique;
	}

	@Test
	void noEmailOfAnyKindNamesItsRecipientOrThePatient() throws Exception {
		String patientName = distinctiveName();
		String coordinatorName = distinctiveName();
		String registrantName = distinctiveName();
		UserView patient = identity.seedAccount("patient-" + UUID.randomUUID() + "@example.org", patientName, Role.PATIENT, null).account();
		UserView coordinator = identity.seedAccount("coordinator-" + UUID.randomUUID() + "@example.org", coordinatorName, Role.COORDINATOR, null)
			.account();
		UUID caseId = intake.createDraft(new Actor(patient.id(), patient.role(), patient.displayName()), null, UUID.randomUUID(),
				TestDrafts.content("A reason", "A diagnosis", null, null, "A treatment", null, null, null, null, List.of(), Urgency.ROUTINE, false))
			.id().value();

		for (NoticeKind kind : NoticeKind.values()) {
			new TransactionTemplate(transactionManager).executeWithoutResult(status -> notices.notify(kind, new CaseId(caseId), "privacy:" + kind + ":" + caseId,
					List.of(patient.id(), coordinator.id())));
		}
		identity.requestPasswordReset(patient.email());
		identity.requestPasswordReset(coordinator.email());
		String registrant = "registrant-" + UUID.randomUUID() + "@example.org";
		identity.selfRegister(registrant, registrantName, "a long enough password", "en");
		while (sender.sendDue() > 0) {
			// send everything due
		}

		List<MimeMessage> mails = new ArrayList<>();
		mails.addAll(receivedBy(patient.email()));
		mails.addAll(receivedBy(coordinator.email()));
		mails.addAll(receivedBy(registrant));
		assertThat(mails).as("every notice kind and the reset to both, the verification to the registrant")
			.hasSize(2 * (NoticeKind.values().length + 1) + 1);
		for (MimeMessage mail : mails) {
			String seen = everything(mail).toLowerCase(Locale.ROOT);
			for (String name : List.of(patientName, coordinatorName, registrantName)) {
				for (String part : name.toLowerCase(Locale.ROOT).split(" ")) {
					assertThat(seen).as("%s must not be named in \"%s\"", part, mail.getSubject()).doesNotContain(part);
				}
			}
			assertThat(((String) mail.getContent()).strip()).startsWith("Hello,");
		}
	}
}
