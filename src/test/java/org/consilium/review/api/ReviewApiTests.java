package org.consilium.review.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.WebSliceTest;
import org.consilium.identity.ConsiliumUser;
import org.consilium.review.Concordance;
import org.consilium.review.OpinionIncompleteException;
import org.consilium.review.ReviewManagement;
import org.consilium.review.WrittenOpinionView;
import org.consilium.review.ReportSections;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

@WebSliceTest
class ReviewApiTests {

	static final CaseId CASE = new CaseId(UUID.randomUUID());
	static final Actor SPECIALIST = new Actor(new UserId(UUID.randomUUID()), Role.SPECIALIST, "Dr Specialist");

	@Autowired
	MockMvc mvc;

	@Autowired
	ReviewManagement review;

	@Autowired
	org.consilium.review.ClarifyingQuestions clarifying;

	@BeforeEach
	void signIn() throws Exception {
		ConsiliumUser user = (ConsiliumUser) org.consilium.identity.TestAccounts.authentication(SPECIALIST).getPrincipal();
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void savesADraftFromJsonWithCodedDiagnosesAndAnswersByPosition() throws Exception {
		given(review.saveDraft(any(), eq(CASE), eq(3), argThat(content -> content.concordance() == Concordance.CHANGED
				&& content.diagnoses().get(0).system() == CodeSystem.ORPHA && content.answerTo(1).equals("Yes."))))
			.willReturn(new WrittenOpinionView(UUID.randomUUID(), CASE, 4, SPECIALIST.id(), Concordance.CHANGED, List.of(), null, "",
					List.of(), "", List.of("No.", "Yes."), "", "", ReportSections.empty(), Instant.now(), Instant.now(), null, null));

		mvc.perform(put("/api/cases/{id}/review/opinion", CASE).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"version": 3, "concordance": "CHANGED",
				 "diagnoses": [{"text": "Fabry disease", "system": "ORPHA", "code": "324"}],
				 "options": [{"name": "Enzyme replacement", "invasiveness": "MINIMALLY_INVASIVE", "expectedBenefit": "b", "risks": "r", "evidence": "e"}],
				 "answers": ["No.", "Yes."], "plainSummary": ""}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(4));
	}

	@Test
	void answersAnIncompleteSignatureWithTheOpinionIncompleteProblem() throws Exception {
		given(review.sign(any(), eq(CASE), eq(4))).willThrow(new OpinionIncompleteException(List.of("at least one diagnosis")));

		mvc.perform(post("/api/cases/{id}/review/opinion/sign", CASE).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 4}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("opinion-incomplete"))
			.andExpect(jsonPath("$.type").value("urn:consilium:problem:opinion-incomplete"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at least one diagnosis")));
	}

	@Test
	void rejectsACodeWithoutItsSystemAsInvalidInput() throws Exception {
		mvc.perform(put("/api/cases/{id}/review/opinion", CASE).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 0, \"diagnoses\": [{\"text\": \"Fabry disease\", \"code\": \"324\"}]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("invalid-input"));
	}
}
