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
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.OpinionContent;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * A specialist leaves: an administrator deactivates the account on the accounts page. Their open cases go back to the
 * coordinators' queue, their unsigned draft is voided with a reason (kept, not deleted) so the next specialist writes
 * their own, their signed work stays, each step is audited under the administrator, and the session the specialist
 * still holds is signed out at its next request.
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

	static final String VOID_REASON = "The specialist's account was deactivated before the opinion was signed.";

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
