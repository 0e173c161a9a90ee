package org.consilium.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.audit.AuditAction;
import org.consilium.identity.TestAccounts;
import org.consilium.shared.Actor;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/**
 * A referring physician reaches a patient's account only by an invitation the patient accepts, and nothing the
 * physician sees tells whether an address has an account (issue #11, item 5).
 */
@ConsiliumIntegrationTest
class PatientInvitationTests {

	@Autowired
	IntakeManagement intake;

	@Autowired
	PatientInvitations invitations;

	@Autowired
	CaseQueries queries;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private String emailOf(Actor a) {
		return jdbc.sql("SELECT email FROM identity.user_account WHERE id = ?").param(a.id().value()).query(String.class).single();
	}

	private static DraftContent content() {
		return TestDrafts.content("Surgery proposed", "Breast cancer", CodeSystem.ICD_10_CM, "C50.912", "Mastectomy", "Dr. First",
				"City Hospital", null, "Lump", List.of("Is surgery necessary?"), Urgency.ROUTINE, true);
	}

	@Test
	void aReferrersDraftStaysTheirsUntilThePatientAcceptsWithTheirOwnAddressAndTheCode() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor stranger = accounts.create(Role.PATIENT);
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		OpinionRequestView draft = intake.createDraft(referrer, emailOf(patient).toUpperCase(Locale.ROOT), UUID.randomUUID(), content());

		assertThat(draft.patientId()).isNull();
		assertThatThrownBy(() -> queries.read(patient, draft.id(), AuditAction.CASE_READ)).isInstanceOf(NotFoundException.class);
		assertThat(queries.myCases(patient)).extracting(OpinionRequestView::id).doesNotContain(draft.id());
		assertThatThrownBy(() -> intake.submit(referrer, draft.id())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("the patient's acceptance of your invitation");

		PatientInvitations.InvitationView invitation = invitations.of(referrer, draft.id()).orElseThrow();
		assertThat(invitation.email()).isEqualTo(emailOf(patient));
		assertThat(invitation.code()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
		assertThat(invitation.open()).isTrue();
		assertThat(invitations.pendingFor(patient)).singleElement().satisfies(p -> assertThat(p.physician()).isNotBlank());
		assertThat(invitations.pendingFor(stranger)).isEmpty();

		// the code alone is not enough: a stranger signed in with another address cannot take the case
		assertThatThrownBy(() -> invitations.accept(stranger, invitation.code())).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> invitations.accept(patient, "0000-0000")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> invitations.accept(referrer, invitation.code())).isInstanceOf(ForbiddenActionException.class);
		assertThat(jdbc.sql("SELECT patient_id FROM intake.opinion_request WHERE id = ?").param(draft.id().value())
			.query(UUID.class).optional()).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'case.invitation.accept' AND outcome = 'DENIED' AND actor_id = ?")
			.param(stranger.id().value()).query(Long.class).single()).isEqualTo(1);

		// typed by hand: lower case, no hyphen, spaces around
		String typed = "  " + invitation.code().replace("-", "").toLowerCase(Locale.ROOT) + " ";
		OpinionRequestView accepted = invitations.accept(patient, typed);
		assertThat(accepted.patientId()).isEqualTo(patient.id());
		assertThat(queries.read(patient, draft.id(), AuditAction.CASE_READ).referrerId()).isEqualTo(referrer.id());
		assertThat(invitations.of(referrer, draft.id()).orElseThrow().acceptedAt()).isNotNull();
		assertThat(invitations.pendingFor(patient)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'case.invitation.accept' AND outcome = 'SUCCESS' AND case_id = ?")
			.param(draft.id().value()).query(Long.class).single()).isEqualTo(1);
		assertThatThrownBy(() -> invitations.accept(patient, invitation.code())).as("a used code").isInstanceOf(InvalidInputException.class);

		intake.submit(referrer, draft.id());
		assertThat(queries.read(patient, draft.id(), AuditAction.CASE_READ).status()).isEqualTo(OpinionRequestStatus.SUBMITTED);
	}

	@Test
	void anExpiredInvitationCannotBeAccepted() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		OpinionRequestView draft = intake.createDraft(referrer, emailOf(patient), UUID.randomUUID(), content());
		String code = invitations.of(referrer, draft.id()).orElseThrow().code();
		jdbc.sql("UPDATE intake.patient_invitation SET expires_at = now() - interval '1 minute' WHERE case_id = ?").param(draft.id().value()).update();
		assertThatThrownBy(() -> invitations.accept(patient, code)).isInstanceOf(InvalidInputException.class);
		assertThat(invitations.of(referrer, draft.id()).orElseThrow().open()).isFalse();
		assertThat(invitations.pendingFor(patient)).isEmpty();
	}

	@Test
	void theApiAnswersAnAddressWithAnAccountExactlyLikeOneWithout() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		String nobody = "nobody-" + UUID.randomUUID() + "@example.org";
		String known = createAsReferrer(referrer, emailOf(patient));
		String unknown = createAsReferrer(referrer, nobody);
		assertThat(withoutIdsAndTimes(known)).isEqualTo(withoutIdsAndTimes(unknown));
		// both addresses were sent the same invitation e-mail (here e-mail is off, so each is recorded as skipped)
		for (String address : List.of(emailOf(patient), nobody)) {
			assertThat(jdbc.sql("SELECT subject || '|' || status FROM notification.outbox_message WHERE kind = 'INVITATION' AND to_address = ?")
				.param(address).query(String.class).list()).as(address).containsExactly("Consilium: an invitation is waiting for you|SKIPPED");
		}

		MvcResult malformed = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
			.content("{\"patientEmail\":\"not an address\",\"content\":{\"reason\":\"r\"}}")
			.with(csrf()).with(authentication(TestAccounts.authentication(referrer)))).andReturn();
		assertThat(malformed.getResponse().getStatus()).isEqualTo(422);
		assertThat(malformed.getResponse().getContentAsString()).contains("valid e-mail address");
	}

	@Test
	void thePatientAcceptsThroughTheApiAndAWrongCodeIsA422ThatChangesNothing() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		OpinionRequestView draft = intake.createDraft(referrer, emailOf(patient), UUID.randomUUID(), content());
		MvcResult read = mvc.perform(get("/api/cases/" + draft.id() + "/invitation")
			.with(authentication(TestAccounts.authentication(referrer)))).andReturn();
		assertThat(read.getResponse().getStatus()).isEqualTo(200);
		String code = invitations.of(referrer, draft.id()).orElseThrow().code();
		assertThat(read.getResponse().getContentAsString()).contains(code);
		assertThat(mvc.perform(get("/api/cases/" + draft.id() + "/invitation").with(authentication(TestAccounts.authentication(patient))))
			.andReturn().getResponse().getStatus()).as("not the patient's case yet").isEqualTo(404);

		MvcResult wrong = mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"ZZZZ-ZZZZ\"}")
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(invitations.pendingFor(patient)).hasSize(1);

		MvcResult right = mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}")
			.with(csrf()).with(authentication(TestAccounts.authentication(patient)))).andReturn();
		assertThat(right.getResponse().getStatus()).isEqualTo(200);
		assertThat(right.getResponse().getContentAsString()).contains("\"patientId\":\"" + patient.id() + "\"");
	}

	@Test
	void aReferringPhysicianNoLongerMakesPatientAccounts() throws Exception {
		Actor referrer = accounts.create(Role.REFERRING_PHYSICIAN);
		MvcResult result = mvc.perform(post("/patients/invite").param("displayName", "A Patient").param("email", "p-" + UUID.randomUUID() + "@example.org")
			.with(csrf()).with(authentication(TestAccounts.authentication(referrer)))).andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("one-time password");
		assertThat(jdbc.sql("SELECT count(*) FROM identity.user_account WHERE display_name = 'A Patient'").query(Long.class).single()).isZero();
	}

	private String createAsReferrer(Actor referrer, String email) throws Exception {
		MvcResult result = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON)
			.content("{\"patientEmail\":\"" + email + "\",\"content\":{\"reason\":\"Second look\"}}")
			.with(csrf()).with(authentication(TestAccounts.authentication(referrer)))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		return result.getResponse().getContentAsString();
	}

	private static String withoutIdsAndTimes(String json) {
		return json.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
			.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?", "TIME");
	}
}
