package org.consilium.opinion.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.WebSliceTest;
import org.consilium.identity.ConsiliumUser;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.opinion.DeliveredOpinionView;
import org.consilium.opinion.FollowUpQuestion;
import org.consilium.opinion.OpinionManagement;
import org.consilium.review.Concordance;
import org.consilium.review.Diagnosis;
import org.consilium.review.Invasiveness;
import org.consilium.review.TreatmentOption;
import org.consilium.review.TreatmentReview;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

@WebSliceTest
class OpinionPagesTests {

	static final CaseId CASE = new CaseId(UUID.randomUUID());
	static final Actor PATIENT = new Actor(new UserId(UUID.randomUUID()), Role.PATIENT, "Pat Patient");
	static final UUID SPECIALIST = UUID.randomUUID();

	@Autowired
	MockMvc mvc;

	@Autowired
	OpinionManagement opinions;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static void signIn(Actor actor) throws Exception {
		ConsiliumUser user = (ConsiliumUser) org.consilium.identity.TestAccounts.authentication(actor).getPrincipal();
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	static DeliveredOpinionView delivered(List<FollowUpQuestion> followUps) {
		OpinionRequestView c = new OpinionRequestView(CASE, 9, OpinionRequestStatus.DELIVERED, PATIENT.id(), "Pat Patient", null,
				null, new UserId(SPECIALIST), "Dr Second", "Is surgery needed?", false, "Breast cancer", CodeSystem.ICD_10_CM, "C50.9",
				"Mastectomy", "Dr First", "City Hospital", null, "Lump since March", List.of("Do I need a mastectomy?"),
				Urgency.values()[0], true, "207RX0202X", null, null, Instant.now(), List.of(), null, null,
				org.consilium.intake.TestDrafts.PATIENT);
		WrittenOpinionView o = new WrittenOpinionView(UUID.randomUUID(), CASE, 4, new UserId(SPECIALIST), Concordance.REFINED,
				List.of(new Diagnosis("Ductal carcinoma in situ", CodeSystem.ICD_10_CM, "D05.12")), TreatmentReview.RECOMMEND_ALTERNATIVE,
				"Lumpectomy with radiotherapy instead", List.of(new TreatmentOption("Lumpectomy", Invasiveness.INVASIVE, "Breast kept",
						"Re-excision", "NSABP B-17")),
				"Genetic counselling", List.of("No, a smaller operation is enough."), "Records only", "A smaller operation is enough.",
				org.consilium.review.CompleteReport.sections(),
				Instant.now(), Instant.now(), Instant.now(), new UserId(SPECIALIST));
		return new DeliveredOpinionView(c, o, followUps, null, followUps.size() < 3, false, true);
	}

	@Test
	void showsThePlainSummaryFirstThenBothOpinionsSideBySideAndTheAnswers() throws Exception {
		signIn(PATIENT);
		given(opinions.read(any(), eq(CASE))).willReturn(delivered(List.of()));

		String html = mvc.perform(get("/cases/{id}/opinion", CASE)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(html).contains("A smaller operation is enough.", "Mastectomy", "Ductal carcinoma in situ", "Refined",
				"Recommend an alternative", "Lumpectomy", "NSABP B-17", "Genetic counselling", "Do I need a mastectomy?",
				"No, a smaller operation is enough.", "3 of 3 questions left", "Close the case");
		assertThat(html.indexOf("A smaller operation is enough.")).isLessThan(html.indexOf("Mastectomy"));
	}

	@Test
	void showsTheSpecialistsAddendumUnderTheFollowUpQuestion() throws Exception {
		signIn(PATIENT);
		given(opinions.read(any(), eq(CASE))).willReturn(delivered(List.of(new FollowUpQuestion(UUID.randomUUID(), CASE,
				PATIENT.id(), Instant.now(), "When should I decide?", "Within four weeks.", new UserId(SPECIALIST), Instant.now()))));

		String html = mvc.perform(get("/cases/{id}/opinion", CASE)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(html).contains("When should I decide?", "Addendum by the specialist", "Within four weeks.", "2 of 3 questions left");
	}

	@Test
	void reRendersWithTheMessageWhenTheFourthQuestionIsRefused() throws Exception {
		signIn(PATIENT);
		given(opinions.read(any(), eq(CASE))).willReturn(delivered(List.of()));
		given(opinions.askFollowUp(any(), eq(CASE), any()))
			.willThrow(new InvalidInputException("You have asked the 3 follow-up questions this program allows."));

		String html = mvc.perform(post("/cases/{id}/opinion/follow-ups", CASE).with(csrf()).param("question", "One more?"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("You have asked the 3 follow-up questions", "One more?");
	}

	@Test
	void linksToThePdfAndTheFhirDocumentAndOffersTheSigningSpecialistAnAddendum() throws Exception {
		signIn(new Actor(new UserId(SPECIALIST), Role.SPECIALIST, "Dr Second"));
		DeliveredOpinionView d = delivered(List.of());
		given(opinions.read(any(), eq(CASE))).willReturn(new DeliveredOpinionView(d.request(), d.opinion(), List.of(), null, false, true,
				false, List.of(), 1, 1, true, false));

		String html = mvc.perform(get("/cases/{id}/opinion", CASE)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(html).contains("href=\"/cases/" + CASE.value() + "/opinion.pdf\"", "Download version 1 as PDF",
				"href=\"/api/cases/" + CASE.value() + "/opinion/fhir-document\"", "Download version 1 as a FHIR document",
				"Add an addendum", "<label for=\"addendum-reason\">").doesNotContain("Make a code for checking");
	}

	@Test
	void anEarlierVersionSaysItIsSupersededAndShowsOnlyItsAddenda() throws Exception {
		signIn(PATIENT);
		DeliveredOpinionView d = delivered(List.of());
		org.consilium.opinion.Addendum second = new org.consilium.opinion.Addendum(UUID.randomUUID(), CASE, 2, "Second thoughts.", "New trial.",
				new UserId(SPECIALIST), Instant.now());
		given(opinions.read(any(), eq(CASE), eq(2))).willReturn(new DeliveredOpinionView(d.request(), d.opinion(), List.of(), null, true,
				false, true, List.of(second), 2, 3, false, true));

		String html = mvc.perform(get("/cases/{id}/opinion", CASE).param("version", "2")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();

		assertThat(html).contains("You are reading version 2 of the opinion. It is superseded by version 3.", "Addendum, version 2",
				"Second thoughts.", "New trial.", "/opinion.pdf?version=2", "/opinion/fhir-document?version=2", "Read version 3 (current)",
				"Make a code for checking").doesNotContain("Add an addendum");
	}
}
