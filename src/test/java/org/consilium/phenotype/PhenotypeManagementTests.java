package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import org.consilium.identity.TestAccounts;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/** Entering, removing and importing a case's phenotype on a real PostgreSQL with the real HPO release 2025-05-06. */
@RecordApplicationEvents
class PhenotypeManagementTests extends PhenotypeCaseTestSupport {

	static final Path PHENOPACKETS = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "phenopackets");

	private long audited(UUID caseId, String action, String outcome) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = ? AND outcome = ?").params(caseId, action, outcome)
			.query(Long.class).single();
	}

	@Test
	void thePatientRecordsObservedAndExcludedTermsWithOnsetAndEachChangeIsAuditedAndAnnounced(ApplicationEvents events) {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		PhenotypicFeatureView seizure = phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, "HP:0003593", "P3Y"));
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("hp:0001263", true, null, null));

		PhenotypeView view = phenotype.phenotype(patient, new CaseId(caseId));
		assertThat(view.mayEdit()).isTrue();
		assertThat(view.hpo().acknowledgement()).isEqualTo("Human Phenotype Ontology, release 2025-05-06");
		assertThat(view.features()).extracting(PhenotypicFeatureView::hpoId, PhenotypicFeatureView::label, PhenotypicFeatureView::excluded)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("HP:0001250", "Seizure", false),
					org.assertj.core.groups.Tuple.tuple("HP:0001263", "Global developmental delay", true));
		assertThat(view.features().get(0).onset()).isEqualTo(new Onset("HP:0003593", "Infantile onset", "P3Y", null, null));
		assertThat(view.features().get(1).onset().isKnown()).isFalse();
		assertThat(audited(caseId, "phenotype.feature.add", "SUCCESS")).isEqualTo(2);
		assertThat(audited(caseId, "phenotype.read", "SUCCESS")).isEqualTo(1);
		assertThat(events.stream(PhenotypeChanged.class).filter(e -> e.caseId().value().equals(caseId))).hasSize(2);

		phenotype.removeFeature(patient, new CaseId(caseId), seizure.id(), "entered by mistake");
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).extracting(PhenotypicFeatureView::hpoId).containsExactly("HP:0001263");
		assertThat(jdbc.sql("SELECT void_reason FROM phenotype.phenotypic_feature WHERE id = ?").param(seizure.id()).query(String.class).single())
			.as("voided, not deleted").isEqualTo("entered by mistake");
		assertThat(events.stream(PhenotypeChanged.class).filter(e -> e.caseId().value().equals(caseId))).hasSize(3);
	}

	@Test
	void badTermsAreRejectedWithAClearMessageAndChangeNothing() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));

		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:9999999", false, null, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("HP:9999999").hasMessageContaining("release 2025-05-06");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0000006", false, null, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("Autosomal dominant inheritance").hasMessageContaining("not a phenotypic abnormality");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, "HP:0001250", null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("Onset").hasMessageContaining("not an onset term");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, null, "3 years")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("ISO 8601");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, null, "P300Y")))
			.isInstanceOf(InvalidInputException.class).hasMessage("Age at onset P300Y is more than 125 years; check the value.");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, null, "x".repeat(5000))))
			.isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Age at onset 'xxxxxxxxxxxxxxxxxxxx…' is not");
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", true, null, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("already in the phenotype");

		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).extracting(PhenotypicFeatureView::hpoId).containsExactly("HP:0001250");
		assertThat(audited(caseId, "phenotype.feature.add", "FAILED")).isEqualTo(7);
	}

	@Test
	void anObsoleteIdIsNamedWithItsReplacementAndRecordedOnlyOnceTheReplacementIsConfirmed() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		// HP:0001388 (obsolete Joint laxity) is replaced by HP:0001382 Joint hypermobility
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001388", false, null, null)))
			.isInstanceOfSatisfying(ObsoleteTermException.class, e -> {
				assertThat(e.obsoleteId()).isEqualTo("HP:0001388");
				assertThat(e.replacement()).isEqualTo(new org.consilium.ddx.HpoTerm("HP:0001382", "Joint hypermobility"));
			})
			.hasMessageContaining("HP:0001388 is obsolete").hasMessageContaining("replaced by HP:0001382 Joint hypermobility");
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).as("nothing recorded before the confirmation").isEmpty();
		assertThat(audited(caseId, "phenotype.feature.add", "FAILED")).isEqualTo(1);

		assertThat(phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001382", false, null, null)).hpoId()).isEqualTo("HP:0001382");
		// an alternative id is the same term under an old number: recorded as the current id without asking
		assertThat(phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0004715", false, null, null)).hpoId()).isEqualTo("HP:0000003");
	}

	@Test
	void theFormAsksToConfirmTheReplacementOfAnObsoleteIdAndTheApiNamesIt() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		UUID caseId = newCase(patient);
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		var auth = authentication(TestAccounts.authentication(coordinator));
		var asked = mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "HP:0001388").param("status", "excluded")
				.param("onsetAge", "P3Y").with(auth).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("replacement")).andExpect(flash().attributeCount(2))
			.andReturn();
		assertThat(phenotype.phenotype(coordinator, new CaseId(caseId)).features()).as("not recorded until confirmed").isEmpty();
		mvc.perform(get("/cases/{id}/phenotype", caseId).flashAttrs(asked.getFlashMap()).with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("HP:0001388 is obsolete; replaced by HP:0001382 Joint hypermobility — record HP:0001382?")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"term\" value=\"HP:0001382\">")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"status\" value=\"excluded\">")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"onsetAge\" value=\"P3Y\">")));
		// the confirmation posts the replacement with the same status and onset
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "HP:0001382").param("status", "excluded").param("onsetAge", "P3Y")
				.with(auth).with(csrf()))
			.andExpect(flash().attribute("message", "Added Joint hypermobility (HP:0001382) as excluded."));
		assertThat(phenotype.phenotype(coordinator, new CaseId(caseId)).features()).singleElement()
			.satisfies(f -> assertThat(f.hpoId()).isEqualTo("HP:0001382")).satisfies(f -> assertThat(f.excluded()).isTrue())
			.satisfies(f -> assertThat(f.onset().age()).isEqualTo("P3Y"));

		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"HP:0000057\"}").with(auth).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("obsolete-term"))
			.andExpect(jsonPath("$.obsoleteId").value("HP:0000057"))
			.andExpect(jsonPath("$.replacementId").value("HP:0008665"))
			.andExpect(jsonPath("$.replacementLabel").value("Clitoral hypertrophy"))
			.andExpect(jsonPath("$.detail", containsString("replaced by HP:0008665 Clitoral hypertrophy")));
		assertThat(phenotype.phenotype(coordinator, new CaseId(caseId)).features()).hasSize(1);
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"HP:0008665\"}").with(auth).with(csrf()))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.hpoId").value("HP:0008665"));
	}

	@Test
	void anUnknownIdIsRefusedByTheFormAndTheApiNamingItAndChangesNothing() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));
		var auth = authentication(TestAccounts.authentication(patient));
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "HP:5999999").param("status", "observed").with(auth).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("HP:5999999 is not a current term of the Human Phenotype Ontology, release 2025-05-06")));
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"HP:5999999\"}").with(auth).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("invalid-input"))
			.andExpect(jsonPath("$.detail", containsString("HP:5999999")));
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).extracting(PhenotypicFeatureView::hpoId).containsExactly("HP:0001250");
		assertThat(audited(caseId, "phenotype.feature.add", "FAILED")).isEqualTo(2);
	}

	@Test
	void aPhenopacketsObsoleteIdIsImportedAsItsReplacementAndTheImportSaysSo() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		String packet = """
				{"id": "case-obsolete", "phenotypicFeatures": [
				  {"type": {"id": "HP:0001388", "label": "Joint laxity"}},
				  {"type": {"id": "HP:0001166", "label": "Arachnodactyly"}}]}""";
		PhenopacketImportView imported = phenotype.importPhenopacket(patient, new CaseId(caseId), packet.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.replaced()).containsExactly("HP:0001388 \"Joint laxity\" is obsolete; recorded as its replacement HP:0001382 Joint hypermobility.");
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).extracting(PhenotypicFeatureView::hpoId)
			.containsExactlyInAnyOrder("HP:0001382", "HP:0001166");
		mvc.perform(multipart("/cases/{id}/phenotype/phenopackets", caseId)
				.file(new MockMultipartFile("phenopacket", "case.json", "application/json", packet.getBytes(StandardCharsets.UTF_8)))
				.with(authentication(TestAccounts.authentication(patient))).with(csrf()))
			.andExpect(flash().attribute("message", containsString("recorded as its replacement HP:0001382 Joint hypermobility")));
	}

	@Test
	void aPhenopacketWithTermsUnknownToTheReleaseIsRejectedWholeAndNamesThem() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));
		String packet = """
				{"id": "case-1", "phenotypicFeatures": [
				  {"type": {"id": "HP:0001263", "label": "Global developmental delay"}},
				  {"type": {"id": "HP:5999999", "label": "Made up"}},
				  {"type": {"id": "HP:0000006", "label": "Autosomal dominant inheritance"}, "excluded": true}]}""";
		assertThatThrownBy(() -> phenotype.importPhenopacket(patient, new CaseId(caseId), packet.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("2 terms").hasMessageContaining("HP:5999999 \"Made up\"").hasMessageContaining("HP:0000006")
			.hasMessageNotContaining("HP:0001263");
		assertThatThrownBy(() -> phenotype.importPhenopacket(patient, new CaseId(caseId), "{\"id\": \"x\", \"phenotypicFeature\": []}".getBytes()))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("not a GA4GH Phenopacket v2");
		assertThatThrownBy(() -> phenotype.importPhenopacket(patient, new CaseId(caseId), "not json".getBytes()))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("not a GA4GH Phenopacket v2");
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).extracting(PhenotypicFeatureView::hpoId).containsExactly("HP:0001250");
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).phenopacket()).isNull();
	}

	@Test
	void aPhenopacketReplacesThePhenotypeAndKeepsItsDiagnosis() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));
		byte[] file = Files.readAllBytes(PHENOPACKETS.resolve("AAGAB/PMID_24573067_CASE_REPORT.json"));
		PhenopacketImportView imported = phenotype.importPhenopacket(patient, new CaseId(caseId), file);
		assertThat(imported.phenopacketId()).isEqualTo("PMID_24573067_CASE_REPORT");
		assertThat(imported.diagnosisId()).isEqualTo("OMIM:148600");
		assertThat(imported.observed()).isEqualTo(3);
		assertThat(imported.excluded()).isEqualTo(4);
		PhenotypeView view = phenotype.phenotype(patient, new CaseId(caseId));
		assertThat(view.features()).extracting(PhenotypicFeatureView::hpoId).doesNotContain("HP:0001250").contains("HP:0007530", "HP:0006482");
		assertThat(view.features()).filteredOn(f -> f.hpoId().equals("HP:0007530")).singleElement()
			.satisfies(f -> assertThat(f.onset().label()).isEqualTo("Childhood onset"));
		assertThat(view.phenopacket().diagnosisLabel()).isEqualTo("Keratoderma, palmoplantar, punctate type IA");
		assertThat(jdbc.sql("SELECT count(*) FROM phenotype.phenotypic_feature WHERE case_id = ? AND void_reason LIKE 'replaced by phenopacket import%'")
			.param(caseId).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSpecialistAddsTermsWhileReviewingAndTheCoordinatorOnlyWhileTheCaseIsOpen() {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST);
		UUID caseId = newCase(patient);
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		phenotype.addFeature(coordinator, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));
		caseTriage.assign(coordinator, new CaseId(caseId), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		assertThat(phenotype.phenotype(specialist, new CaseId(caseId)).mayEdit()).isFalse();
		assertThatThrownBy(() -> phenotype.addFeature(specialist, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, null, null)))
			.isInstanceOf(ForbiddenActionException.class);
		review.acceptAssignment(specialist, new CaseId(caseId));
		assertThat(phenotype.phenotype(specialist, new CaseId(caseId)).mayEdit()).isTrue();
		phenotype.addFeature(specialist, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, null, null));
		assertThat(phenotype.phenotype(coordinator, new CaseId(caseId)).features()).hasSize(2);
		assertThat(audited(caseId, "phenotype.feature.add", "DENIED")).isEqualTo(1);
	}

	@Test
	void aWithdrawnCaseKeepsItsPhenotypeReadOnly() {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001250", false, null, null));
		intake.withdraw(patient, new CaseId(caseId));
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).mayEdit()).isFalse();
		assertThatThrownBy(() -> phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0001263", false, null, null)))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(phenotype.phenotype(patient, new CaseId(caseId)).features()).hasSize(1);
	}

	@Test
	void thePageSuggestsTermsAddsTheChosenOneAndAcknowledgesTheRelease() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		UUID caseId = newCase(patient);
		intake.submit(patient, new CaseId(caseId));
		caseTriage.startTriage(coordinator, new CaseId(caseId));
		var auth = authentication(TestAccounts.authentication(coordinator));
		mvc.perform(get("/cases/{id}/phenotype/terms", caseId).param("term", "seiz").header("HX-Request", "true").with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Seizure (HP:0001250)\"")));
		mvc.perform(get("/cases/{id}/phenotype/terms", caseId).param("onsetTerm", "congenital").param("branch", "ONSET").with(auth))
			.andExpect(content().string(containsString("Congenital onset (HP:0003577)")));
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "Seizure (HP:0001250)").param("status", "excluded")
				.param("onsetTerm", "Congenital onset (HP:0003577)").with(auth).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "Added Seizure (HP:0001250) as excluded."));
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "tired").with(auth).with(csrf()))
			.andExpect(flash().attribute("message", "Added Fatigue (HP:0012378) as observed."));
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "sei").with(auth).with(csrf()))
			.andExpect(flash().attribute("error", containsString("Choose a term from the suggestions")));
		mvc.perform(get("/cases/{id}/phenotype", caseId).header("HX-Request", "true").with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Congenital onset (HP:0003577)")))
			.andExpect(content().string(containsString("Excluded")))
			.andExpect(content().string(containsString("href=\"https://hpo.jax.org\">Human Phenotype Ontology</a>,\n    release <span>2025-05-06</span>")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(multipart("/cases/{id}/phenotype/phenopackets", caseId)
				.file(new MockMultipartFile("phenopacket", "case.json", "application/json",
						Files.readAllBytes(PHENOPACKETS.resolve("AAGAB/PMID_24573067_CASE_REPORT.json"))))
				.with(auth).with(csrf()))
			.andExpect(flash().attribute("message", containsString("3 observed and 4 excluded terms of phenopacket PMID_24573067_CASE_REPORT, with the diagnosis")));
	}

	@Test
	void theApiReadsAddsAndSearches() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		var auth = authentication(TestAccounts.authentication(patient));
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"HP:0004322\", \"excluded\": false, \"onsetAge\": \"P1Y6M\"}").with(auth).with(csrf()))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.label").value("Short stature"));
		mvc.perform(post("/api/cases/{id}/phenotype/features", caseId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"hpoId\": \"HP:0000006\"}").with(auth).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("not a phenotypic abnormality")));
		mvc.perform(get("/api/cases/{id}/phenotype", caseId).with(auth))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features[0].hpoId").value("HP:0004322"))
			.andExpect(jsonPath("$.features[0].onset.age").value("P1Y6M"))
			.andExpect(jsonPath("$.hpo.acknowledgement").value("Human Phenotype Ontology, release 2025-05-06"));
		mvc.perform(get("/api/cases/{id}/phenotype/terms", caseId).param("q", "wide-set eyes").with(auth))
			.andExpect(jsonPath("$[0].term.id").value("HP:0000316")).andExpect(jsonPath("$[0].layperson").value(true));
		mvc.perform(post("/api/cases/{id}/phenotype/phenopackets", caseId).contentType(MediaType.APPLICATION_JSON)
				.content(Files.readAllBytes(PHENOPACKETS.resolve("AAGAB/PMID_24573067_CASE_REPORT.json"))).with(auth).with(csrf()))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.diagnosisId").value("OMIM:148600"));
	}

	@Test
	void aPatientDescribesSignsInEverydayWordsWithoutIdsDurationsOrFormats() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = newCase(patient);
		var auth = authentication(TestAccounts.authentication(patient));
		mvc.perform(get("/cases/{id}/phenotype/terms", caseId).param("term", "wide-set eyes").header("HX-Request", "true").with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Wide-set eyes\"")))
			.andExpect(content().string(not(containsString("HP:"))));
		mvc.perform(post("/cases/{id}/phenotype/features", caseId).param("term", "Wide-set eyes").param("status", "observed").with(auth).with(csrf()))
			.andExpect(flash().attribute("message", "Added Hypertelorism."));
		phenotype.addFeature(patient, new CaseId(caseId), new AddPhenotypicFeature("HP:0004322", false, null, "P1Y6M"));
		mvc.perform(get("/cases/{id}/phenotype", caseId).header("HX-Request", "true").with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signs and symptoms")))
			.andExpect(content().string(containsString("Hypertelorism")))
			.andExpect(content().string(containsString("since age 1 year 6 months")))
			.andExpect(content().string(containsString("Add a sign or symptom")))
			.andExpect(content().string(not(containsString("HP:0000316"))))
			.andExpect(content().string(not(containsString("P1Y6M"))))
			.andExpect(content().string(not(containsString("ISO 8601"))))
			.andExpect(content().string(not(containsString("Phenopacket"))))
			.andExpect(content().string(not(containsString("Onset (optional)"))));
	}
}
