package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.intake.TestCases;
import org.consilium.intake.Urgency;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * Step-up: signing an opinion, and an administrator's action on another account, ask for the password (or a code)
 * again when the session's last sign-in or confirmation is older than five minutes. Until then nothing is signed or
 * changed (the draft is saved); a wrong password is refused and audited; after the confirmation the step goes through.
 */
@ConsiliumIntegrationTest
class StepUpTests {

	static final String PASSWORD = "a long enough password";

	static final String ONCOLOGY = "207RX0202X";

	static final Instant TEN_MINUTES_AGO = Instant.now().minus(Duration.ofMinutes(10));

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
	void signingAfterFiveMinutesAsksForThePasswordFirstAndThenSigns() throws Exception {
		CreatedAccount created = staff(Role.SPECIALIST);
		Actor specialist = actor(created);
		CaseId caseId = inReview(specialist);
		MockHttpSession stale = TestAccounts.sessionAuthenticatedAt(specialist, created.account().email(), TEN_MINUTES_AGO);

		assertThat(sign(stale, caseId, null).getRedirectedUrl()).isEqualTo("/account/confirm?continue=/cases/" + caseId.value() + "/review");
		assertThat(status(caseId)).as("not signed").isEqualTo("IN_REVIEW");
		assertThat(review.draft(specialist, caseId).orElseThrow().plainSummary()).as("the form is kept as the draft")
			.isEqualTo("An early, non-invasive cancer.");
		assertThat(mvc.perform(post("/api/cases/{id}/review/opinion/sign", caseId.value()).session(stale).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}")).andReturn().getResponse().getContentAsString())
			.contains("step-up-required");

		assertThat(confirm(stale, "not my password", caseId).getContentAsString()).contains("The password or code is not correct");
		assertThat(status(caseId)).isEqualTo("IN_REVIEW");
		assertThat(confirm(stale, PASSWORD, caseId).getRedirectedUrl()).isEqualTo("/cases/" + caseId.value() + "/review");
		int version = review.draft(specialist, caseId).orElseThrow().version();
		assertThat(mvc.perform(get("/cases/{id}/review", caseId.value()).session(stale)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(sign(stale, caseId, version).getRedirectedUrl()).as("signed from the reloaded page").isEqualTo("/cases/" + caseId.value() + "/review");
		assertThat(status(caseId)).isEqualTo("DELIVERED");
		assertThat(jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE actor_id = ? AND action = 'identity.step-up' ORDER BY id")
			.param(specialist.id().value()).query(String.class).list()).containsExactly("identity.step-up:FAILED", "identity.step-up:SUCCESS");
	}

	@Test
	void anAdministratorsActionOnAnotherAccountAfterFiveMinutesAsksForThePasswordFirst() throws Exception {
		CreatedAccount created = staff(Role.ADMIN);
		Actor admin = actor(created);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		MockHttpSession stale = TestAccounts.sessionAuthenticatedAt(admin, created.account().email(), TEN_MINUTES_AGO);

		MockHttpServletResponse asked = mvc.perform(post("/admin/users/{id}/deactivate", coordinator.id().value()).session(stale).with(csrf())
			.param("reason", "Left")).andReturn().getResponse();
		assertThat(asked.getRedirectedUrl()).isEqualTo("/account/confirm?continue=/admin/users/" + coordinator.id().value());
		assertThat(deactivated(coordinator)).as("nothing changed yet").isFalse();

		assertThat(mvc.perform(post("/account/confirm").session(stale).with(csrf()).param("password", PASSWORD)
			.param("continue", "//elsewhere.example/admin")).andReturn().getResponse().getRedirectedUrl()).as("only local paths").isEqualTo("/");
		mvc.perform(post("/admin/users/{id}/deactivate", coordinator.id().value()).session(stale).with(csrf()).param("reason", "Left"));
		assertThat(deactivated(coordinator)).isTrue();
	}

	private MockHttpServletResponse sign(MockHttpSession session, CaseId caseId, Integer version) throws Exception {
		return mvc.perform(post("/cases/{id}/review/opinion/sign", caseId.value()).session(session).with(csrf())
			.param("version", version == null ? "" : version.toString())
			.param("editSession", UUID.randomUUID().toString()).param("concordance", "REFINED").param("diagnoses[0].text", "Ductal carcinoma in situ")
			.param("diagnoses[0].system", "ICD_10_CM").param("diagnoses[0].code", "D05.12").param("treatmentReview", "MODIFY")
			.param("treatmentComment", "Lumpectomy with radiotherapy").param("answers[0]", "No.")
			.param("plainSummary", "An early, non-invasive cancer.")
			// what a complete report needs besides (issue #12): materials with dates, points to discuss, next steps, the
			// in-person visit answer and the reviewer's credentials
			.param("report.materials[0].description", "Pathology report, core biopsy").param("report.materials[0].date", "2026-03-02")
			.param("report.discussionPoints", "Whether radiotherapy is needed.").param("report.nextSteps", "Surgery as planned.")
			.param("report.inPersonVisit", "false").param("report.reviewerSpecialty", "Medical oncology")
			.param("report.reviewerInstitution", "City Hospital").param("report.reviewerLicence", "GMC 1234567")).andReturn().getResponse();
	}

	private MockHttpServletResponse confirm(MockHttpSession session, String password, CaseId caseId) throws Exception {
		return mvc.perform(post("/account/confirm").session(session).with(csrf()).with(request -> {
			request.setRemoteAddr("2001:db8::5:" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff));
			return request;
		}).param("password", password).param("continue", "/cases/" + caseId.value() + "/review")).andReturn().getResponse();
	}

	private CaseId inReview(Actor specialist) {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		CaseId id = cases.submitted(patient);
		triage.assign(coordinator, id, ONCOLOGY, Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, id);
		review.recordImpression(specialist, id, "Likely DCIS", null);
		return id;
	}

	private CreatedAccount staff(Role role) {
		CreatedAccount created = identity.seedAccount(role.name().toLowerCase() + "-stepup-" + UUID.randomUUID() + "@test.consilium.local",
				role.label() + " Step", role, role == Role.SPECIALIST ? ONCOLOGY : null);
		identity.changePassword(actor(created), created.oneTimePassword(), PASSWORD);
		return created;
	}

	private static Actor actor(CreatedAccount created) {
		return new Actor(created.account().id(), created.account().role(), created.account().displayName());
	}

	private String status(CaseId id) {
		return jdbc.sql("SELECT status FROM intake.opinion_request WHERE id = ?").param(id.value()).query(String.class).single();
	}

	private boolean deactivated(Actor account) {
		return jdbc.sql("SELECT deactivated_at IS NOT NULL FROM identity.user_account WHERE id = ?").param(account.id().value())
			.query(Boolean.class).single();
	}
}
