package org.consilium.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestCases;
import org.consilium.intake.Urgency;
import org.consilium.opinion.OpinionManagement;
import org.consilium.review.CompleteReport;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.OpinionContent;
import org.consilium.review.Invasiveness;
import org.consilium.review.ReviewManagement;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;

/**
 * A specialist leaves: an administrator deactivates the account on the accounts page. Their open cases go back to the
 * coordinators' queue, their unsigned draft is voided with a reason (kept, not deleted) so the next specialist writes
 * their own, their signed work stays, each step is audited under the administrator, and the session the specialist
 * still holds is signed out at its next request. A departing panel member leaves the panel of a case in review; the
 * follow-up questions a departing specialist has not answered go to the panel's other specialist, or to the
 * coordinators.
 */
@ConsiliumIntegrationTest
class DepartedSpecialistTests {

	static final String ONCOLOGY = "207RX0202X";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	CaseTriage triage;

	@Autowired
	ReviewManagement review;

	@Autowired
	OpinionManagement opinions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDeactivatedSpecialistsCasesReturnToTheQueueTheirDraftIsVoidedAndTheirSessionEnds() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		CreatedAccount leaving = identity.seedAccount("leaving-" + UUID.randomUUID() + "@test.consilium.local", "Dr. Leaving",
				Role.SPECIALIST, ONCOLOGY);
		Actor specialist = new Actor(leaving.account().id(), Role.SPECIALIST, "Dr. Leaving");
		MockHttpSession session = signedIn(leaving);

		CaseId inReview = assigned(patient, coordinator, specialist);
		review.acceptAssignment(specialist, inReview);
		review.recordImpression(specialist, inReview, "Likely early breast cancer", null);
		review.saveDraft(specialist, inReview, null, draft());
		CaseId onlyAssigned = assigned(patient, coordinator, specialist);

		mvc.perform(post("/admin/users/{id}/deactivate", specialist.id().value()).with(csrf())
			.with(authentication(TestAccounts.authentication(admin))).param("reason", "Left the hospital"));

		for (CaseId id : List.of(inReview, onlyAssigned)) {
			assertThat(jdbc.sql("SELECT status || ':' || coalesce(specialist_id::text, 'none') FROM intake.opinion_request WHERE id = ?")
				.param(id.value()).query(String.class).single()).isEqualTo("IN_TRIAGE:none");
			assertThat(audit(id)).contains("triage.specialist-departed:" + admin.id().value());
		}
		assertThat(jdbc.sql("SELECT void_reason FROM review.written_opinion WHERE case_id = ? AND voided_by = ?")
			.params(inReview.value(), admin.id().value()).query(String.class).list()).containsExactly(VOID_REASON);
		assertThat(audit(inReview)).contains("review.opinion.void:" + admin.id().value());
		assertThat(mvc.perform(get("/account/password").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("the specialist's old session is signed out at its next request").isEqualTo("/login?ended");

		// the next specialist takes the case over with a blinded impression and a draft of their own
		Actor next = accounts.create(Role.SPECIALIST, ONCOLOGY);
		triage.assign(coordinator, inReview, ONCOLOGY, Urgency.ROUTINE, next.id(), "Reassigned after the specialist left.");
		review.acceptAssignment(next, inReview);
		assertThat(review.draft(next, inReview)).as("the voided draft is not the next specialist's").isEmpty();
		review.recordImpression(next, inReview, "Early breast cancer", null);
		assertThat(review.saveDraft(next, inReview, null, draft()).specialistId()).isEqualTo(next.id());
	}

	@Test
	void aDepartedPanelMemberLeavesThePanelAndTheChairGoesOnWithTheOthers() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor chair = accounts.create(Role.SPECIALIST, ONCOLOGY);
		Actor leaving = accounts.create(Role.SPECIALIST, ONCOLOGY);
		Actor staying = accounts.create(Role.SPECIALIST, ONCOLOGY);
		CaseId id = panel(patient, coordinator, chair, leaving, staying);
		review.acceptAssignment(chair, id);
		review.recordImpression(leaving, id, "Likely early breast cancer", null);

		deactivate(admin, leaving);

		assertThat(jdbc.sql("SELECT member_id FROM intake.panel_member WHERE opinion_request_id = ?").param(id.value()).query(UUID.class).list())
			.containsExactly(staying.id().value());
		assertThat(jdbc.sql("SELECT status || ':' || specialist_id FROM intake.opinion_request WHERE id = ?").param(id.value())
			.query(String.class).single()).isEqualTo("IN_REVIEW:" + chair.id().value());
		assertThat(audit(id)).contains("triage.panel-member-departed:" + admin.id().value())
			.doesNotContain("triage.specialist-departed:" + admin.id().value());
	}

	@Test
	void theUnansweredFollowUpQuestionsOfADepartedSpecialistGoToTheCoordinators() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor leaving = accounts.create(Role.SPECIALIST, ONCOLOGY);
		CaseId id = assigned(patient, coordinator, leaving);
		signed(leaving, id);
		UUID question = opinions.askFollowUp(patient, id, "Can I keep working during the treatment?").id();

		deactivate(admin, leaving);

		assertThat(jdbc.sql("SELECT coalesce(passed_to::text, 'coordinators') || ':' || pass_reason || ':' || (answer IS NULL) FROM "
				+ "opinion.follow_up_question WHERE id = ?").param(question).query(String.class).single())
			.isEqualTo("coordinators:The specialist who signed the opinion left before answering.:true");
		assertThat(audit(id)).contains("opinion.follow-up.return:" + admin.id().value());
		assertThat(notices(id, "FOLLOW_UP_PASSED_ON")).contains(coordinator.id().value());
	}

	@Test
	void theUnansweredFollowUpQuestionsOfADepartedChairGoToThePanelsOtherSpecialistWhoAnswersThem() throws Exception {
		Actor admin = accounts.create(Role.ADMIN);
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor chair = accounts.create(Role.SPECIALIST, ONCOLOGY);
		Actor departedMember = accounts.create(Role.SPECIALIST, ONCOLOGY);
		Actor member = accounts.create(Role.SPECIALIST, ONCOLOGY);
		CaseId id = panel(patient, coordinator, chair, departedMember, member);
		signed(chair, id);
		UUID question = opinions.askFollowUp(patient, id, "Should my sister be tested too?").id();
		deactivate(admin, departedMember);

		deactivate(admin, chair);

		assertThat(jdbc.sql("SELECT passed_to FROM opinion.follow_up_question WHERE id = ?").param(question).query(UUID.class).single())
			.as("the panel's other, still active specialist").isEqualTo(member.id().value());
		assertThat(notices(id, "FOLLOW_UP_PASSED_ON")).containsExactly(member.id().value());
		assertThat(opinions.answerFollowUp(member, id, question, "Yes, genetic counselling is advised.").answeredBy()).isEqualTo(member.id());
	}

	static final String VOID_REASON = "The specialist's account was deactivated before the opinion was signed.";

	private void deactivate(Actor admin, Actor account) throws Exception {
		assertThat(mvc.perform(post("/admin/users/{id}/deactivate", account.id().value()).with(csrf())
			.with(authentication(TestAccounts.authentication(admin))).param("reason", "Left the hospital")).andReturn().getFlashMap().get("error"))
			.as("deactivated").isNull();
	}

	/** The assigned specialist (a panel's chair) accepts, records an impression and signs a complete opinion; it is delivered. */
	private void signed(Actor specialist, CaseId id) {
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Early breast cancer", null);
		review.saveAndSign(specialist, id, null, UUID.randomUUID(), new OpinionContent(Concordance.CONFIRMED,
				List.of(new Diagnosis("Ductal carcinoma in situ", CodeSystem.ICD_10_CM, "D05.12")), TreatmentReview.MODIFY,
				"Lumpectomy with radiotherapy", List.of(new TreatmentOption("Lumpectomy", Invasiveness.INVASIVE, "Breast kept", "Re-excision",
						"NSABP B-17")), "Genetic counselling", List.of("No."), "Records only", "Your diagnosis is right.",
				CompleteReport.sections()));
	}

	private List<UUID> notices(CaseId id, String kind) {
		return jdbc.sql("SELECT recipient_id FROM notification.notice WHERE case_id = ? AND kind = ?").params(id.value(), kind)
			.query(UUID.class).list();
	}

	private CaseId panel(Actor patient, Actor coordinator, Actor chair, Actor... members) {
		CaseId id = cases.submitted(patient);
		triage.assignPanel(coordinator, id, ONCOLOGY, Urgency.ROUTINE, chair.id(), java.util.Arrays.stream(members).map(Actor::id).toList());
		return id;
	}

	private CaseId assigned(Actor patient, Actor coordinator, Actor specialist) {
		CaseId id = cases.submitted(patient);
		triage.assign(coordinator, id, ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		return id;
	}

	private static OpinionContent draft() {
		return new OpinionContent(Concordance.REFINED, List.of(new Diagnosis("Ductal carcinoma in situ", null, null)), null, "", List.of(), "",
				List.of(""), "", "");
	}

	private MockHttpSession signedIn(CreatedAccount account) throws Exception {
		var result = mvc.perform(post("/login").param("username", account.account().email()).param("password", account.oneTimePassword())
			.with(csrf()).with(request -> {
				request.setRemoteAddr("2001:db8::d:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff));
				return request;
			})).andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		assertThat(mvc.perform(get("/account/password").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		return session;
	}

	private List<String> audit(CaseId id) {
		return jdbc.sql("SELECT action || ':' || actor_id FROM audit.audit_event WHERE case_id = ? AND outcome = 'SUCCESS' ORDER BY id")
			.param(id.value()).query(String.class).list();
	}
}
