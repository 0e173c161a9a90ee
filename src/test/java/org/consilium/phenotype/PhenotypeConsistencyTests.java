package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import org.consilium.identity.TestAccounts;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/**
 * The phenotype stays meaningful (no root terms, no contradictions), says who recorded each term, and, edited from the
 * review workspace, leads back there with its message; on a real PostgreSQL with the real HPO release 2025-05-06.
 */
class PhenotypeConsistencyTests extends PhenotypeCaseTestSupport {

	static final String ARACHNODACTYLY = "HP:0001166";

	static final String ABNORMAL_FINGER_MORPHOLOGY = "HP:0001167";

	private List<String> terms(Actor actor, UUID caseId) {
		return phenotype.phenotype(actor, new CaseId(caseId)).features().stream().map(f -> f.hpoId() + (f.excluded() ? " excluded" : " observed")).toList();
	}

	@Test
	void theRootsOfTheBranchesAreTooGeneral() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0000118", false, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("Phenotypic abnormality (HP:0000118) is too general: choose a more specific term.");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, "HP:0003674", null)))
			.isInstanceOf(InvalidInputException.class).hasMessage("Onset: Onset (HP:0003674) is too general: choose a more specific term.");

		var auth = authentication(TestAccounts.authentication(patient));
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"HP:0000118\"}").with(auth).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Phenotypic abnormality (HP:0000118) is too general: choose a more specific term."));
		mvc.perform(get("/api/cases/{id}/phenotype/terms", caseId).param("q", "phenotypic abnormality").with(auth))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("\"HP:0000118\""))));
		assertThat(terms(patient, caseId)).isEmpty();
	}

	@Test
	void excludingAnAncestorOfAnObservedTermIsAContradiction() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature(ARACHNODACTYLY, false, null, null));
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature(ABNORMAL_FINGER_MORPHOLOGY, true, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Abnormal finger morphology (HP:0001167) cannot be excluded")
			.hasMessageContaining("Arachnodactyly (HP:0001166) is observed");
		// nor can a more distant ancestor, HP:0040064 Abnormality of limbs (a child of the root)
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0040064", true, null, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("Arachnodactyly");
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"" + ABNORMAL_FINGER_MORPHOLOGY + "\", \"excluded\": true}")
				.with(authentication(TestAccounts.authentication(patient))).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", allOf(containsString("Abnormal finger morphology (HP:0001167)"), containsString("Arachnodactyly (HP:0001166)"))));
		// an unrelated exclusion is fine
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", true, null, null));
		assertThat(terms(patient, caseId)).containsExactly(ARACHNODACTYLY + " observed", "HP:0001250 excluded");
	}

	@Test
	void observingADescendantOfAnExcludedTermIsAContradictionButNotTheOtherWayRound() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature(ABNORMAL_FINGER_MORPHOLOGY, true, null, null));
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature(ARACHNODACTYLY, false, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Arachnodactyly (HP:0001166) cannot be observed")
			.hasMessageContaining("Abnormal finger morphology (HP:0001167) is excluded");
		assertThat(terms(patient, caseId)).containsExactly(ABNORMAL_FINGER_MORPHOLOGY + " excluded");

		// observed general term, excluded more specific term: consistent
		UUID other = newCase(patient);
		phenotype.addFeature(patient, new CaseId(other), new AddPhenotypicFeature(ABNORMAL_FINGER_MORPHOLOGY, false, null, null));
		phenotype.addFeature(patient, new CaseId(other), new AddPhenotypicFeature(ARACHNODACTYLY, true, null, null));
		assertThat(terms(patient, other)).containsExactly(ABNORMAL_FINGER_MORPHOLOGY + " observed", ARACHNODACTYLY + " excluded");
		assertThat(phenotype.phenotype(patient, new CaseId(other)).contradictions()).isEmpty();
	}

	@Test
	void aPublishedPhenopacketThatContradictsItselfIsImportedAndItsContradictionShown() throws Exception {
		// a published case that records Atrial septal defect (HP:0001631) as absent and a kind of it as present
		java.nio.file.Path file = PhenotypeManagementTests.PHENOPACKETS.resolve("SOX17/PMID_35618278_I_3.json");
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.importPhenopacket(patient, new CaseId(caseId), java.nio.file.Files.readAllBytes(file));

		List<String> contradictions = phenotype.phenotype(patient, new CaseId(caseId)).contradictions();
		assertThat(contradictions).isNotEmpty().allMatch(m -> m.contains("(HP:0001631) is recorded as absent, yet"));
		mvc.perform(get("/cases/{id}/phenotype", caseId).with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"phenotype-contradictions\"")));
	}

	@Test
	void theTableSaysWhenAndByWhomEachTermWasRecorded() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		PhenotypicFeatureView added = phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));
		assertThat(added.addedByName()).isEqualTo(patient.displayName());
		// a term recorded by the system (no account): "Consilium"
		jdbc.sql("""
				INSERT INTO phenotype.phenotypic_feature (id, case_id, hpo_id, label, excluded, added_by, added_at)
				VALUES (?, ?, 'HP:0004322', 'Short stature', false, ?, ?)""")
			.params(UUID.randomUUID(), caseId, Actor.SYSTEM.id().value(), Timestamp.from(Instant.parse("2025-03-04T10:00:00Z"))).update();

		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).extracting(PhenotypicFeatureView::hpoId, PhenotypicFeatureView::addedByName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("HP:0001250", patient.displayName()),
					org.assertj.core.groups.Tuple.tuple("HP:0004322", "Consilium"));
		var auth = authentication(TestAccounts.authentication(patient));
		// the clinicians' editor shows the table (patients see their signs in plain words)
		intake.submit(patient, new CaseId(caseId));
		mvc.perform(get("/cases/{id}/phenotype", caseId).with(authentication(TestAccounts.authentication(accounts.create(Role.COORDINATOR)))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th scope=\"col\">Recorded</th>")))
			.andExpect(content().string(containsString("by <span>" + patient.displayName() + "</span>")))
			.andExpect(content().string(containsString("<time datetime=\"2025-03-04T10:00:00Z\">4 March 2025</time>\n        by <span>Consilium</span>")));
		mvc.perform(get("/api/cases/{id}/phenotype", caseId).with(auth))
			.andExpect(jsonPath("$.features[0].addedBy").value(patient.id().toString()))
			.andExpect(jsonPath("$.features[0].addedByName").value(patient.displayName()))
			.andExpect(jsonPath("$.features[1].addedByName").value("Consilium"));
	}

	@Test
	void editedInTheReviewWorkspaceThePhenotypeLeadsBackThereWithItsMessage() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST);
		UUID caseId = newCase(patient);
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		caseTriage.assign(coordinator, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(caseId));
		var auth = authentication(TestAccounts.authentication(specialist));
		String hidden = "<input type=\"hidden\" name=\"returnTo\" value=\"review\">";

		// loaded by the workspace: the forms say so; loaded anywhere else (or not by htmx): they do not
		mvc.perform(get("/cases/{id}/phenotype", caseId).header("HX-Request", "true")
				.header("HX-Current-URL", "http://localhost/cases/" + caseId + "/review").with(auth))
			.andExpect(status().isOk()).andExpect(content().string(containsString(hidden)));
		for (String elsewhere : List.of("http://localhost/cases/" + caseId + "/phenotype", "http://localhost/cases/" + caseId + "/review/extra",
				"http://localhost/cases/" + UUID.randomUUID() + "/review", "not a url")) {
			mvc.perform(get("/cases/{id}/phenotype", caseId).header("HX-Request", "true").header("HX-Current-URL", elsewhere).with(auth))
				.andExpect(status().isOk()).andExpect(content().string(not(containsString("returnTo"))));
		}
		mvc.perform(get("/cases/{id}/phenotype", caseId).with(auth)).andExpect(content().string(not(containsString("returnTo"))));

		MvcResult added = mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "Seizure (HP:0001250)").param("returnTo", "review")
				.with(auth).with(csrf()))
			.andExpect(redirectedUrl("/cases/" + caseId + "/review#phenotype-outcome"))
			.andExpect(flash().attribute("phenotypeMessage", "Added Seizure (HP:0001250) as observed."))
			.andReturn();
		mvc.perform(get("/cases/{id}/review", caseId).flashAttrs(added.getFlashMap()).with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<div id=\"phenotype-outcome\">\n    <div class=\"notice success\" role=\"status\"><p>Added Seizure (HP:0001250) as observed.</p>")))
			// the hidden "Deadlines" heading follows the H1 as an H2 (no jump from H1 to H3)
			.andExpect(content().string(containsString("<h2 class=\"visually-hidden\">Deadlines</h2>")))
			.andExpect(content().string(not(containsString("<h3 class=\"visually-hidden\">Deadlines</h3>"))));

		MvcResult refused = mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "HP:0000118").param("returnTo", "review")
				.with(auth).with(csrf()))
			.andExpect(redirectedUrl("/cases/" + caseId + "/review#phenotype-outcome"))
			.andReturn();
		mvc.perform(get("/cases/{id}/review", caseId).flashAttrs(refused.getFlashMap()).with(auth))
			.andExpect(content().string(containsString("<div class=\"notice warning\" role=\"alert\"><p>Phenotypic abnormality (HP:0000118) is too general")));

		UUID seizure = phenotype.phenotype(specialist, new CaseId(caseId)).features().get(0).id();
		mvc.perform(post("/cases/{id}/phenotype/features/{f}/remove", caseId, seizure).param("returnTo", "review").with(auth).with(csrf()))
			.andExpect(redirectedUrl("/cases/" + caseId + "/review#phenotype-outcome"))
			.andExpect(flash().attribute("phenotypeMessage", "Removed the term."));

		// only "review" is honoured; anything else goes to the phenotype page, as without returnTo
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "HP:0001263").param("returnTo", "https://example.org/")
				.with(auth).with(csrf()))
			.andExpect(redirectedUrl("/cases/" + caseId + "/phenotype"))
			.andExpect(flash().attribute("message", "Added Global developmental delay (HP:0001263) as observed."));
	}

	@Test
	void theHiddenDeadlinesHeadingFollowsTheHeadingsOfTheCaseAndTriagePages() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		UUID caseId = newCase(patient);
		intake.submit(patient, new CaseId(caseId));
		// on the case page the deadlines sit in the status section (an H2): an H3
		mvc.perform(get("/cases/{id}", caseId).with(authentication(TestAccounts.authentication(patient))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h3 class=\"visually-hidden\">Deadlines</h3>")))
			.andExpect(content().string(not(containsString("<h2 class=\"visually-hidden\">Deadlines</h2>"))));
		// the triage page opens on its task, the deadlines straight below the H1: an H2 (no jump from H1 to H3)
		mvc.perform(get("/cases/{id}/triage", caseId).with(authentication(TestAccounts.authentication(coordinator))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2 class=\"visually-hidden\">Deadlines</h2>")))
			.andExpect(content().string(not(containsString("<h3 class=\"visually-hidden\">Deadlines</h3>"))));
	}
}
