package org.consilium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * Blinded first: until the assigned specialist saves an independent impression, nothing they receive — any page or
 * API response the application registers for GET, and the responses of accepting the case — contains the first
 * opinion's diagnosis or proposed treatment. After the impression, the review page shows them.
 */
@ConsiliumIntegrationTest
class BlindedReviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestAccounts accounts;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	ReviewManagement review;

	@Test
	void theSpecialistSeesNoFirstOpinionBeforeTheImpression() throws Exception {
		String diagnosis = "Zebra-" + UUID.randomUUID() + " syndrome";
		String treatment = "Quokka-" + UUID.randomUUID() + " resection";
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST, "207RX0202X");
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Second opinion please", diagnosis, CodeSystem.ORPHA, "ORPHA:558",
				treatment, "Dr. First", "First Clinic", null, "History", List.of("Is this right?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(id));
		caseTriage.startTriage(coordinator, new CaseId(id));
		caseTriage.assign(coordinator, new CaseId(id), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");

		List<String> bodies = new ArrayList<>();
		bodies.add(body(mvc.perform(post("/api/cases/{id}/review/accept", id).with(csrf()).with(authentication(TestAccounts.authentication(specialist))))
			.andReturn()));
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			var methods = mapping.getKey().getMethodsCondition().getMethods();
			if (!(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
				continue;
			}
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.contains("{") && !pattern.matches("/(api/)?cases/\\{id}[^{]*")) {
					continue;
				}
				MvcResult result = mvc.perform(get(pattern.replace("{id}", id.toString())).with(authentication(TestAccounts.authentication(specialist))))
					.andReturn();
				bodies.add(pattern + " -> " + result.getResponse().getStatus() + " " + body(result));
			}
		}
		assertThat(bodies).as("responses read").hasSizeGreaterThan(15);
		assertThat(bodies).noneMatch(b -> b.contains(diagnosis) || b.contains("ORPHA:558") || b.contains(treatment));
		assertThat(bodies).anyMatch(b -> b.startsWith("/cases/{id}/review -> 200"));

		review.recordImpression(specialist, new CaseId(id), "Looks like something else to me.", null);
		String after = body(mvc.perform(get("/cases/{id}/review", id).with(authentication(TestAccounts.authentication(specialist)))).andReturn());
		assertThat(after).contains(diagnosis).contains(treatment);
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}
}
