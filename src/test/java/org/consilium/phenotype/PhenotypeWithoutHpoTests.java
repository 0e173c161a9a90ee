package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.Role;

/** Without {@code consilium.hpo.dir} (the shared test configuration) the application runs and says where to get the HPO. */
@ConsiliumIntegrationTest
class PhenotypeWithoutHpoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	IntakeManagement intake;

	@Autowired
	PhenotypeManagement phenotype;

	@Test
	void thePhenotypeSectionTellsPatientsAndStaffWhereToGetTheReleaseAndTermsCannotBeAdded() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		var auth = authentication(TestAccounts.authentication(patient));
		assertThat(phenotype.availability().status()).isEqualTo("NOT_CONFIGURED");
		mvc.perform(get("/cases/{id}/phenotype", caseId).header("HX-Request", "true").with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no copy of the Human Phenotype Ontology")))
			.andExpect(content().string(containsString("https://hpo.jax.org/data/ontology")))
			.andExpect(content().string(containsString("https://hpo.jax.org/data/annotations")))
			.andExpect(content().string(containsString("https://github.com/obophenotype/human-phenotype-ontology/releases")))
			.andExpect(content().string(containsString("consilium.hpo.dir")))
			.andExpect(content().string(not(containsString("Add the term"))));
		mvc.perform(get("/cases/{id}", caseId).with(auth))
			.andExpect(content().string(containsString("hx-get=\"/cases/" + caseId + "/phenotype\"")));
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON).content("{\"hpoId\": \"HP:0001250\"}")
				.with(auth).with(csrf()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type", containsString("hpo-unavailable")))
			.andExpect(jsonPath("$.detail", containsString("consilium.hpo.dir")));
		mvc.perform(get("/api/cases/{id}/phenotype/terms", caseId).param("q", "seiz").with(auth))
			.andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
	}
}
