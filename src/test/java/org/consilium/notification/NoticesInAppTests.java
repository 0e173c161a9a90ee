package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;
import org.consilium.triage.TriageManagement;

/** In-app notices with e-mail off (the default): the bell, the paged page, marking read; e-mails kept as SKIPPED. */
@ConsiliumIntegrationTest
class NoticesInAppTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	OutboxSender sender;

	@Autowired
	TriageManagement triage;

	@Autowired
	JdbcClient jdbc;

	@Test
	void withEmailOffTheSubmissionNoticeAppearsInTheAppAndItsEmailIsKeptAsSkipped() throws Exception {
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "",
				"", null, "", List.of("Question?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(caseId));

		UUID noticeId = jdbc.sql("SELECT id FROM notification.notice WHERE recipient_id = ? AND case_id = ?").params(coordinator.id().value(), caseId)
			.query(UUID.class).single();
		assertThat(jdbc.sql("SELECT status || '/' || coalesce(body, 'no body') FROM notification.outbox_message WHERE recipient_id = ?")
			.param(coordinator.id().value()).query(String.class).single()).isEqualTo("SKIPPED/no body");
		assertThat(sender.sendDue()).isZero();

		var as = authentication(TestAccounts.authentication(coordinator));
		mvc.perform(get("/notices/unread").with(as)).andExpect(content().string(containsString(">1<")));
		mvc.perform(get("/notices").with(as)).andExpect(status().isOk())
			.andExpect(content().string(containsString("A new case was submitted for triage.")))
			.andExpect(content().string(containsString("/notices/" + noticeId + "/open")));
		// opening what the notice points at reads it
		mvc.perform(get("/notices/{id}/open", noticeId).with(as)).andExpect(redirectedUrl(NoticeKind.CASE_SUBMITTED.path(caseId)));
		mvc.perform(get("/notices/unread").with(as)).andExpect(content().string(org.hamcrest.Matchers.not(containsString("badge"))));
	}

	@Test
	void anUrgentFindingTellsTheCoordinatorAtOnceAndAsksThePatientToContactTheirPhysicianWithoutTheFinding() {
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor patient = accounts.create(Role.PATIENT);
		Actor specialist = accounts.create(Role.SPECIALIST);
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "",
				"", null, "", List.of("Question?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		caseTriage.assign(coordinator, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");

		triage.markUrgentFinding(specialist, new CaseId(caseId), "Hypercalcaemia-URGENT-TEXT");

		assertThat(jdbc.sql("SELECT kind FROM notification.notice WHERE recipient_id = ? AND case_id = ? AND kind = 'URGENT_FINDING'")
			.params(coordinator.id().value(), caseId).query(String.class).list()).hasSize(1);
		assertThat(jdbc.sql("SELECT kind FROM notification.notice WHERE recipient_id = ? AND case_id = ? AND kind = 'CONTACT_PHYSICIAN'")
			.params(patient.id().value(), caseId).query(String.class).list()).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM notification.outbox_message WHERE coalesce(subject, '') || coalesce(body, '') LIKE '%URGENT-TEXT%'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aNoticeOfAnotherUserIsNotFoundAndStaysUnreadAndTheOutboxIsForAdministrators() throws Exception {
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "",
				"", null, "", List.of("Question?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(caseId));
		UUID noticeId = jdbc.sql("SELECT id FROM notification.notice WHERE recipient_id = ? AND case_id = ?").params(coordinator.id().value(), caseId)
			.query(UUID.class).single();
		Actor stranger = accounts.create(Role.COORDINATOR);
		var as = authentication(TestAccounts.authentication(stranger));
		// AccessPolicyTests compares the two answers for every notice-scoped mapping; here: nothing changes.
		mvc.perform(post("/notices/{id}/read", noticeId).with(as).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/notices/{id}/read", UUID.randomUUID()).with(as).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/notices/{id}/open", noticeId).with(as)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT read_at IS NULL FROM notification.notice WHERE id = ?").param(noticeId).query(Boolean.class).single()).isTrue();
		mvc.perform(get("/admin/notifications").with(as)).andExpect(status().isForbidden());
	}

	@Test
	void withEmailOffASelfRegisteredPatientIsActiveAtOnce() throws Exception {
		String email = "self-" + UUID.randomUUID() + "@example.org";
		identity.selfRegister(email, "Self", "correct horse battery", "en");
		mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login").user(email)
			.password("correct horse battery")).andExpect(redirectedUrl("/"));
	}
}
