package org.consilium.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.WebSliceTest;
import org.consilium.identity.ConsiliumUser;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseDeadline;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.review.Clarification;
import org.consilium.review.ClarifyingQuestions;
import org.consilium.review.Impression;
import org.consilium.review.OpinionIncompleteException;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ClockState;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

@WebSliceTest
class ReviewPagesTests {

	static final CaseId CASE = new CaseId(UUID.randomUUID());
	static final UUID PATIENT = UUID.randomUUID();
	static final Actor SPECIALIST = new Actor(new UserId(UUID.randomUUID()), Role.SPECIALIST, "Dr Specialist");

	@Autowired
	MockMvc mvc;

	@org.junit.jupiter.api.BeforeEach
	void aSingleSpecialistNoPanel() {
		given(queries.panel(any(), eq(CASE))).willReturn(new org.consilium.intake.CasePanel(SPECIALIST.id(), "Dr Specialist", List.of()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Autowired
	ReviewManagement review;

	@Autowired
	ClarifyingQuestions clarifying;

	@Autowired
	org.consilium.review.PanelReview panels;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseQueries queries;

	static UserDetails signedIn(Actor actor) throws Exception {
		ConsiliumUser user = (ConsiliumUser) org.consilium.identity.TestAccounts.authentication(actor).getPrincipal();
		// The slice has no security filter chain to restore the context from the session: set it for this thread.
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		return user;
	}

	static OpinionRequestView caseIn(OpinionRequestStatus status, boolean blinded) {
		return new OpinionRequestView(CASE, 3, status, new UserId(PATIENT), "Pat Patient", null, null, SPECIALIST.id(), "Dr Specialist",
				"Is surgery needed?", blinded, blinded ? null : "Breast cancer", blinded ? null : CodeSystem.ICD_10_CM,
				blinded ? null : "C50.9", blinded ? null : "Mastectomy", "Dr First", "City Hospital", null, "Lump since March",
				List.of("Do I need a mastectomy?", "Can I keep working?"), Urgency.values()[0], true, "207RX0202X", null, null,
				Instant.now(), List.of(), null, null, org.consilium.intake.TestDrafts.PATIENT);
	}

	static AccessibleCase accessible(OpinionRequestStatus status) {
		OpinionRequestView c = caseIn(status, false);
		return new AccessibleCase(SPECIALIST, CASE, c.version(), status, new UserId(PATIENT), null, null, SPECIALIST.id(), java.util.Set.of(),
				c.specialtyCode(), c.urgency(), true, false, c.firstDiagnosisText(), c.firstDiagnosisSystem(), c.firstDiagnosisCode(),
				c.firstInstitution(), c.questions(), false, true, c.patient());
	}

	@Test
	void hidesTheFirstOpinionUntilTheImpressionIsRecorded() throws Exception {
		given(queries.read(any(), eq(CASE), any())).willReturn(caseIn(OpinionRequestStatus.IN_REVIEW, true));
		given(review.draft(any(), eq(CASE))).willReturn(Optional.empty());
		given(review.impression(any(), eq(CASE))).willReturn(Optional.empty());
		given(clarifying.list(any(), eq(CASE))).willReturn(List.of());

		String html = mvc.perform(get("/cases/{id}/review", CASE).with(user(signedIn(SPECIALIST))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Hidden until your impression is recorded", "Record my impression", "records-panel")
			.doesNotContain("Mastectomy", "Save and sign");
	}

	@Test
	void showsTheFirstOpinionAndTheOpinionFormAfterTheImpression() throws Exception {
		given(queries.read(any(), eq(CASE), any())).willReturn(caseIn(OpinionRequestStatus.IN_REVIEW, false));
		given(review.draft(any(), eq(CASE))).willReturn(Optional.empty());
		given(review.impression(any(), eq(CASE)))
			.willReturn(Optional.of(new Impression(UUID.randomUUID(), CASE, SPECIALIST.id(), Instant.now(), "Likely DCIS", null)));
		given(clarifying.list(any(), eq(CASE))).willReturn(List.of(new Clarification(UUID.randomUUID(), CASE,
				SPECIALIST.id(), Instant.now(), "Any family history?", null, null, null)));

		String html = mvc.perform(get("/cases/{id}/review", CASE).with(user(signedIn(SPECIALIST))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Mastectomy", "Likely DCIS", "Any family history?", "name=\"diagnoses[2].code\"",
				"name=\"options[1].risks\"", "name=\"answers[1]\"", "Do I need a mastectomy?", "Save and sign");
	}

	@Test
	void listsWhatIsMissingWhenSigningAnIncompleteOpinion() throws Exception {
		given(access.requireAccess(any(), eq(CASE), any())).willReturn(accessible(OpinionRequestStatus.IN_REVIEW));
		given(queries.read(any(), eq(CASE), any())).willReturn(caseIn(OpinionRequestStatus.IN_REVIEW, false));
		given(review.impression(any(), eq(CASE)))
			.willReturn(Optional.of(new Impression(UUID.randomUUID(), CASE, SPECIALIST.id(), Instant.now(), "Likely DCIS", null)));
		given(clarifying.list(any(), eq(CASE))).willReturn(List.of());
		given(review.draft(any(), eq(CASE))).willReturn(Optional.empty());
		given(review.saveAndSign(any(), eq(CASE), any(), any(), any())).willAnswer(inv -> {
			throw new OpinionIncompleteException(List.of("an answer to question 2"));
		});

		String html = mvc.perform(post("/cases/{id}/review/opinion/sign", CASE).with(user(signedIn(SPECIALIST))).with(csrf())
				.param("plainSummary", "Typed summary").param("answers[0]", "No.").param("diagnoses[0].text", "DCIS"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Missing: an answer to question 2", "Typed summary", "DCIS");
		verify(review, never()).sign(any(), any(), org.mockito.ArgumentMatchers.anyInt());
	}

	@Test
	void redirectsThePatientBackToTheCaseAfterAnswering() throws Exception {
		Actor patient = new Actor(new UserId(PATIENT), Role.PATIENT, "Pat Patient");
		UUID question = UUID.randomUUID();

		mvc.perform(post("/cases/{id}/clarifications/{q}/answer", CASE, question).with(user(signedIn(patient))).with(csrf())
				.param("answer", "My mother had breast cancer."))
			.andExpect(redirectedUrl("/cases/" + CASE + "#clarifications"));

		verify(clarifying).answer(any(), eq(CASE), eq(question), eq("My mother had breast cancer."));
	}

	@Test
	void listsTheSpecialistsCasesWithTheirDueDate() throws Exception {
		signedIn(SPECIALIST);
		OpinionRequestView c = caseIn(OpinionRequestStatus.ASSIGNED, true);
		OpinionRequestView withClock = new OpinionRequestView(c.id(), c.version(), c.status(), c.patientId(), c.patientName(),
				c.referrerId(), c.coordinatorId(), c.specialistId(), c.specialistName(), c.reason(), true, null, null, null, null,
				c.firstPhysician(), c.firstInstitution(), null, c.symptomsAndHistory(), c.questions(), c.urgency(), true,
				c.specialtyCode(), null, null, c.createdAt(), List.of(), null,
				new CaseDeadline("review", Instant.parse("2026-05-13T15:00:00Z"), ClockState.RUNNING, false, 7, 0), c.patient());
		given(review.assignedCases(any())).willReturn(List.of(withClock));

		String html = mvc.perform(get("/review")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Pat Patient", "Wed 13 May 2026, 17:00", "7 business days left", "/cases/" + CASE + "/review");
	}

	@Test
	void thePatientFragmentOffersAnAnswerFormOnlyForOpenQuestions() throws Exception {
		signedIn(new Actor(new UserId(PATIENT), Role.PATIENT, "Pat Patient"));
		UUID open = UUID.randomUUID();
		CasePageStandIn.clarifications = List.of(
				new Clarification(UUID.randomUUID(), CASE, SPECIALIST.id(), Instant.now(), "Any allergies?", "Penicillin",
						new UserId(PATIENT), Instant.now()),
				new Clarification(open, CASE, SPECIALIST.id(), Instant.now(), "Any family history?", null, null, null));

		String html = mvc.perform(get("/test/case-page")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("id=\"clarifications\"", "Any allergies?", "Penicillin", "Any family history?",
				"/cases/" + CASE + "/clarifications/" + open + "/answer", "review deadline is paused");
		assertThat(html.split("Send answer", -1)).hasSize(2);
	}
}
