package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import org.consilium.ddx.MatchKind;
import org.consilium.ddx.MondoRelease;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.Urgency;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/**
 * The differential diagnosis of a case on a real PostgreSQL, with the real HPO release 2025-05-06 (OMIM and Orphanet
 * candidates) and the Mondo crosswalks of {@code ../shared/data}: stored on every phenotype change, shown only to the
 * reviewing specialist, the first opinion's diagnosis ranked only after the independent impression.
 */
class DifferentialDiagnosesTests extends PhenotypeCaseTestSupport {

	/** Marfan syndrome's cardinal signs (OMIM:154700, ORPHA:558): arachnodactyly, ectopia lentis, aortic root aneurysm, tall stature. */
	static final List<String> MARFAN_SIGNS = List.of("HP:0001166", "HP:0001083", "HP:0002616", "HP:0000098");

	@Autowired
	DifferentialDiagnoses differential;

	@Autowired
	ReviewManagement review;

	@Autowired
	MondoRelease mondo;

	@Autowired
	CandidateGenes genes;

	@BeforeAll
	void annotationsAndMondoLoaded() {
		assertThat(release.data()).isPresent();
		assertThat(mondo.awaitLoaded(Duration.ofMinutes(2))).isTrue();
		assertThat(mondo.crosswalk()).isPresent();
	}

	record Review(UUID caseId, Actor patient, Actor coordinator, Actor specialist) {
	}

	/** A case whose patient recorded {@code signs}, submitted with the first diagnosis given, in review by a specialist. */
	private Review inReview(CodeSystem system, String code, List<String> signs) {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor specialist = accounts.create(Role.SPECIALIST, "207RX0202X");
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("Second opinion please", "First diagnosis", system, code,
				"Surgery", "Dr. First", "First Clinic", null, "History", List.of("Is this right?"), Urgency.ROUTINE, true)).id().value();
		for (String sign : signs) {
			phenotype.addFeature(patient, new CaseId(id), new AddPhenotypicFeature(sign, false, null, null));
		}
		intake.submit(patient, new CaseId(id));
		caseTriage.startTriage(coordinator, new CaseId(id));
		caseTriage.assign(coordinator, new CaseId(id), "207RX0202X", Urgency.ROUTINE, specialist.id(), "Assigned by the test.");
		review.acceptAssignment(specialist, new CaseId(id));
		return new Review(id, patient, coordinator, specialist);
	}

	private long rankings(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM phenotype.differential_ranking WHERE case_id = ?").param(caseId).query(Long.class).single();
	}

	@Test
	void everyPhenotypeChangeStoresARankingWithItsInputsReleaseAndTopCandidates() {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", MARFAN_SIGNS);
		assertThat(rankings(r.caseId())).as("one ranking per change").isEqualTo(MARFAN_SIGNS.size());
		var latest = jdbc.sql("""
				SELECT observed, excluded, hpo_release, engine, candidate_count, jsonb_array_length(top_candidates) AS shown, computed_by
				FROM phenotype.differential_ranking WHERE case_id = ? ORDER BY computed_at DESC LIMIT 1""")
			.param(r.caseId()).query((rs, n) -> List.of(List.of((String[]) rs.getArray("observed").getArray()), List.of((String[]) rs.getArray("excluded").getArray()),
					rs.getString("hpo_release"), rs.getString("engine"), rs.getInt("candidate_count"), rs.getInt("shown"), rs.getObject("computed_by", UUID.class)))
			.single();
		assertThat(latest.get(0)).isEqualTo(MARFAN_SIGNS.stream().sorted().toList());
		assertThat(latest.get(1)).isEqualTo(List.of());
		assertThat((String) latest.get(2)).contains("2025-05-06").contains("exact-match Orphanet");
		assertThat((String) latest.get(3)).startsWith("consilium-ddx");
		assertThat((Integer) latest.get(4)).as("OMIM and Orphanet candidates").isGreaterThan(8_355);
		assertThat(latest.get(5)).isEqualTo(DifferentialDiagnoses.SHOWN);
		assertThat(latest.get(6)).isEqualTo(Actor.SYSTEM.id().value());

		DifferentialView view = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(rankings(r.caseId())).as("a current ranking is not computed again").isEqualTo(MARFAN_SIGNS.size());
		assertThat(view.status()).isEqualTo(DifferentialView.Status.RANKED);
		assertThat(view.current()).isTrue();
		assertThat(view.candidates()).hasSize(DifferentialDiagnoses.SHOWN);
		assertThat(view.candidates()).extracting(DifferentialCandidate::rank).isSorted().doesNotHaveDuplicates().startsWith(1);
		assertThat(view.candidates().stream().mapToDouble(DifferentialCandidate::postTestProbability).sum()).as("shares of one probability")
			.isLessThanOrEqualTo(1.0 + 1e-9);
		// OMIM:154700 and ORPHA:558 are one disease through Mondo (MONDO:0007947): one row, the other identifier on it
		List<DifferentialCandidate> marfanRows = view.candidates().stream()
			.filter(c -> c.diseaseId().equals("OMIM:154700") || c.diseaseId().equals("ORPHA:558")).toList();
		assertThat(marfanRows).as("one row for Marfan syndrome").hasSize(1);
		DifferentialCandidate marfan = marfanRows.get(0);
		assertThat(marfan.rank()).isLessThanOrEqualTo(3);
		assertThat(marfan.sameDisease()).extracting(DifferentialCandidate.Equivalent::diseaseId)
			.containsExactly(marfan.diseaseId().equals("OMIM:154700") ? "ORPHA:558" : "OMIM:154700");
		assertThat(marfan.evidence()).extracting(TermEvidence::hpoId).containsExactlyInAnyOrderElementsOf(MARFAN_SIGNS);
		assertThat(marfan.evidence()).filteredOn(e -> e.hpoId().equals("HP:0001083")).singleElement()
			.satisfies(e -> assertThat(e.kind()).isEqualTo(MatchKind.EXACT)).satisfies(e -> assertThat(e.likelihoodRatio()).isGreaterThan(1));
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'ddx.read' AND actor_id = ?")
			.params(r.caseId(), r.specialist().id().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPhenotypeOfOnlyVeryGeneralTermsGetsAMessageInsteadOfARanking() {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", List.of("HP:0000707")); // Abnormality of the nervous system

		DifferentialView view = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(view.status()).isEqualTo(DifferentialView.Status.TOO_GENERAL);
		assertThat(view.problem()).contains("too general").contains("Abnormality of the nervous system").contains("more specific");
		assertThat(view.candidates()).isEmpty();

		phenotype.addFeature(r.specialist(), new CaseId(r.caseId()), new AddPhenotypicFeature("HP:0001166", false, null, null)); // arachnodactyly
		assertThat(differential.differential(r.specialist(), new CaseId(r.caseId())).status()).isEqualTo(DifferentialView.Status.RANKED);
	}

	@Test
	void aTermToCheckNextIsRecordedWithOneClickReranksAndIsAuditedWhileTheFirstOpinionStaysBlinded() throws Exception {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", List.of("HP:0001166", "HP:0000098")); // arachnodactyly, tall stature
		var specialist = authentication(TestAccounts.authentication(r.specialist()));
		DifferentialView before = differential.differential(r.specialist(), new CaseId(r.caseId()));

		List<NextTerm> next = differential.nextTerms(r.specialist(), new CaseId(r.caseId()));
		assertThat(next).hasSize(DifferentialDiagnoses.NEXT_TERMS);
		assertThat(next).extracting(NextTerm::hpoId).doesNotContain("HP:0001166", "HP:0000098");
		assertThat(next.get(0).ifPresent()).isNotEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'ddx.next' AND actor_id = ?")
			.params(r.caseId(), r.specialist().id().value()).query(Long.class).single()).isEqualTo(1);
		String term = next.get(0).hpoId();
		mvc.perform(get("/cases/{id}/differential", r.caseId()).header("HX-Request", "true").with(specialist))
			.andExpect(content().string(containsString("What to check next")))
			.andExpect(content().string(containsString("value=\"" + term + "\"")))
			.andExpect(content().string(containsString("Cannot be examined")))
			.andExpect(content().string(not(containsString("Q87.4"))));
		var terms = release.terms().orElseThrow();
		assertThat(next).allSatisfy(t -> assertThat(t.laySynonym()).isEqualTo(terms.laypersonSynonym(t.hpoId()).orElse(null)));
		assertThat(next).as("names each favoured disease once").allSatisfy(t -> assertThat(t.ifAbsent()).doesNotHaveDuplicates());
		assertThat(next).filteredOn(t -> t.laySynonym() != null).isNotEmpty().allSatisfy(t -> assertThat(t.laySynonym()).isNotBlank());
		NextTerm withSynonym = next.stream().filter(t -> t.laySynonym() != null).findFirst().orElseThrow();
		mvc.perform(get("/cases/{id}/differential", r.caseId()).header("HX-Request", "true").with(specialist))
			.andExpect(content().string(containsString(withSynonym.label() + " (" + withSynonym.hpoId() + ")</strong><span class=\"hint\">, in everyday words: "
					+ org.springframework.web.util.HtmlUtils.htmlEscape(withSynonym.laySynonym()) + "</span>")));

		mvc.perform(post("/cases/{id}/phenotype/features", r.caseId()).with(specialist).with(csrf())
				.param("term", term).param("status", "excluded").param("returnTo", "review"))
			.andExpect(status().is3xxRedirection());
		DifferentialView after = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(after.excluded()).contains(term);
		assertThat(after.rankingId()).isNotEqualTo(before.rankingId());
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'phenotype.feature.add' AND outcome = 'SUCCESS' AND actor_id = ?")
			.params(r.caseId(), r.specialist().id().value()).query(Long.class).single()).as("the one click is audited").isEqualTo(1);
		assertThat(after.submitted()).as("blinded until the impression is recorded").isNull();
		assertThat(differential.nextTerms(r.specialist(), new CaseId(r.caseId()))).extracting(NextTerm::hpoId).doesNotContain(term);
		assertThatThrownBy(() -> differential.nextTerms(r.patient(), new CaseId(r.caseId()))).isInstanceOf(org.consilium.shared.ConsiliumProblem.class);
	}

	@Test
	void theFirstOpinionsDiagnosisIsRankedOnlyAfterTheImpressionAndRecordedWithTheRanking() {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", MARFAN_SIGNS);
		DifferentialView blinded = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(blinded.submitted()).isNull();
		assertThat(blinded.mayCopy()).isFalse();

		review.recordImpression(r.specialist(), new CaseId(r.caseId()), "Connective tissue disorder, probably Marfan syndrome.", null);
		DifferentialView after = differential.differential(r.specialist(), new CaseId(r.caseId()));
		SubmittedDiagnosisRank submitted = after.submitted();
		assertThat(submitted.rankable()).isTrue();
		assertThat(submitted.candidateIds()).contains("ORPHA:558");
		assertThat(submitted.bestRank()).isLessThanOrEqualTo(3);
		assertThat(submitted.flagged()).isFalse();
		assertThat(after.mayCopy()).isTrue();
		assertThat(jdbc.sql("SELECT submitted_check ->> 'bestRank' FROM phenotype.differential_ranking WHERE id = ?").param(after.rankingId())
			.query(String.class).single()).isEqualTo(String.valueOf(submitted.bestRank()));
	}

	@Test
	void aFirstDiagnosisThatRanksPoorlyIsFlaggedWithTheTermsAgainstIt() {
		// Gaucher disease type 1 (ICD-10-CM E75.22) for a patient with Marfan's signs and without splenomegaly
		Review r = inReview(CodeSystem.ICD_10_CM, "E75.22", MARFAN_SIGNS);
		phenotype.addFeature(r.specialist(), new CaseId(r.caseId()), new AddPhenotypicFeature("HP:0001744", true, null, null));
		review.recordImpression(r.specialist(), new CaseId(r.caseId()), "Not Gaucher.", null);

		SubmittedDiagnosisRank submitted = differential.differential(r.specialist(), new CaseId(r.caseId())).submitted();
		assertThat(submitted.rankable()).isTrue();
		assertThat(submitted.bestRank()).isGreaterThan(10);
		assertThat(submitted.flagged()).isTrue();
		assertThat(submitted.termsAgainst()).extracting(TermEvidence::hpoId).contains("HP:0001744");
		assertThat(submitted.termsAgainst()).allMatch(TermEvidence::against);
	}

	@Test
	void aCodeThatReachesNoCandidateIsNotRankable() {
		// essential hypertension: no rare disease in Mondo's exact matches
		Review r = inReview(CodeSystem.ICD_10_CM, "I10", MARFAN_SIGNS);
		review.recordImpression(r.specialist(), new CaseId(r.caseId()), "Marfan.", null);
		SubmittedDiagnosisRank submitted = differential.differential(r.specialist(), new CaseId(r.caseId())).submitted();
		assertThat(submitted.rankable()).isFalse();
		assertThat(submitted.reason()).contains("I10").contains("cannot be ranked");
		assertThat(submitted.flagged()).isFalse();
	}

	@Test
	void removingATermRecomputesAndKeepsTheEarlierRanking() {
		Review r = inReview(CodeSystem.ORPHA, "558", MARFAN_SIGNS);
		DifferentialView before = differential.differential(r.specialist(), new CaseId(r.caseId()));
		UUID lens = phenotype.phenotype(r.specialist(), new CaseId(r.caseId())).features().stream().filter(f -> f.hpoId().equals("HP:0001083")).findFirst()
			.orElseThrow().id();
		phenotype.removeFeature(r.specialist(), new CaseId(r.caseId()), lens, "not confirmed by the ophthalmologist");

		DifferentialView after = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(after.rankingId()).isNotEqualTo(before.rankingId());
		assertThat(after.observed()).doesNotContain("HP:0001083").hasSize(MARFAN_SIGNS.size() - 1);
		assertThat(rankings(r.caseId())).isEqualTo(MARFAN_SIGNS.size() + 1);
		DifferentialView earlier = differential.ranking(r.specialist(), new CaseId(r.caseId()), before.rankingId());
		assertThat(earlier.observed()).contains("HP:0001083");
		assertThat(earlier.current()).isFalse();
		assertThat(earlier.candidates()).isEqualTo(before.candidates());
	}

	@Test
	void onlyTheReviewingSpecialistSeesIt() {
		Review r = inReview(CodeSystem.ORPHA, "558", MARFAN_SIGNS);
		assertThatThrownBy(() -> differential.differential(r.patient(), new CaseId(r.caseId()))).isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> differential.differential(r.coordinator(), new CaseId(r.caseId()))).isInstanceOf(ForbiddenActionException.class);
		Actor stranger = accounts.create(Role.SPECIALIST);
		assertThatThrownBy(() -> differential.differential(stranger, new CaseId(r.caseId()))).isInstanceOf(NotFoundException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'ddx.read' AND outcome = 'DENIED'")
			.param(r.caseId()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void withoutObservedTermsThereIsNothingToRank() {
		Review r = inReview(CodeSystem.ORPHA, "558", List.of());
		assertThat(differential.differential(r.specialist(), new CaseId(r.caseId())).problem()).isEqualTo("Add at least one observed HPO term to the phenotype to rank diseases.");
		phenotype.addFeature(r.specialist(), new CaseId(r.caseId()), new AddPhenotypicFeature("HP:0001744", true, null, null));
		DifferentialView view = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(view.status()).isEqualTo(DifferentialView.Status.NO_OBSERVED_TERMS);
		assertThat(view.problem()).as("a phenotype of only excluded terms is told so").contains("only excluded terms (1)").contains("Add at least one observed term");
		assertThat(view.candidates()).isEmpty();
		assertThat(rankings(r.caseId())).isZero();
	}

	@Test
	void anyCandidateCanBeExplainedOnDemand() {
		Review r = inReview(CodeSystem.ORPHA, "558", MARFAN_SIGNS);
		List<TermEvidence> gaucher = differential.explain(r.specialist(), new CaseId(r.caseId()), "omim:230800");
		assertThat(gaucher).extracting(TermEvidence::hpoId).containsExactlyInAnyOrderElementsOf(MARFAN_SIGNS);
		assertThatThrownBy(() -> differential.explain(r.specialist(), new CaseId(r.caseId()), "OMIM:999999")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("OMIM:999999");
		assertThatThrownBy(() -> differential.explain(r.specialist(), new CaseId(r.caseId()), "MONDO:0007947 " + "x".repeat(10_000)))
			.isInstanceOf(InvalidInputException.class).hasMessage("Name the disease by its OMIM or Orphanet identifier, e.g. OMIM:154700 or ORPHA:558.");
	}

	@Test
	void theWorkspacePanelAndTheApiShowTheRanking() throws Exception {
		Review r = inReview(CodeSystem.ORPHA, "558", MARFAN_SIGNS);
		var specialist = authentication(TestAccounts.authentication(r.specialist()));
		mvc.perform(get("/cases/{id}/review", r.caseId()).with(specialist))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/cases/" + r.caseId() + "/differential\"")))
			.andExpect(content().string(containsString("hx-get=\"/cases/" + r.caseId() + "/phenotype\"")));
		mvc.perform(get("/cases/{id}/differential", r.caseId()).header("HX-Request", "true").with(specialist))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Differential diagnosis (decision support)")))
			.andExpect(content().string(containsString("Marfan syndrome")))
			.andExpect(content().string(containsString("Human Phenotype Ontology, release 2025-05-06")))
			.andExpect(content().string(containsString("shown once you have")))
			.andExpect(content().string(containsString("Method: every OMIM and Orphanet disease")))
			.andExpect(content().string(containsString("Figures measured on published cases overstate what to expect in practice")))
			.andExpect(content().string(containsString("the README, section \"Differential diagnosis (decision support)\"")))
			.andExpect(content().string(not(containsString("Copy into opinion"))));

		review.recordImpression(r.specialist(), new CaseId(r.caseId()), "Marfan syndrome.", null);
		mvc.perform(get("/cases/{id}/differential", r.caseId()).header("HX-Request", "true").with(specialist))
			.andExpect(content().string(containsString("Copy into opinion")))
			.andExpect(content().string(containsString("data-system=\"OMIM\"")))
			.andExpect(content().string(containsString("The first opinion&#39;s diagnosis (ORPHA 558) maps to")));
		mvc.perform(get("/api/cases/{id}/differential", r.caseId()).with(specialist))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RANKED"))
			.andExpect(jsonPath("$.candidates.length()").value(DifferentialDiagnoses.SHOWN))
			.andExpect(jsonPath("$.submitted.bestRankedId").exists());
		mvc.perform(post("/api/cases/{id}/differential/explanations", r.caseId()).with(specialist).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"diseaseId\":\"OMIM:230800\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(MARFAN_SIGNS.size()));
		mvc.perform(post("/api/cases/{id}/differential/explanations", r.caseId()).with(specialist).header("X-CSRF-TOKEN", "made-up")
				.contentType(MediaType.APPLICATION_JSON).content("{\"diseaseId\":\"OMIM:230800\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/cases/{id}/differential/explanations", r.caseId()).with(specialist).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("org.consilium"))));
		mvc.perform(get("/api/cases/{id}/differential", r.caseId()).with(authentication(TestAccounts.authentication(r.patient()))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type", containsString("forbidden-action")));
	}

	@Test
	void aTermThatCannotBeExaminedChangesNothingIsAuditedAndIsNotSuggestedAgain() throws Exception {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", List.of("HP:0001166", "HP:0000098")); // arachnodactyly, tall stature
		var specialist = authentication(TestAccounts.authentication(r.specialist()));
		CaseId caseId = new CaseId(r.caseId());
		DifferentialView before = differential.differential(r.specialist(), caseId);
		List<String> features = phenotype.phenotype(r.specialist(), caseId).features().stream().map(f -> f.id().toString()).toList();
		long rankings = rankings(r.caseId());
		List<NextTerm> next = differential.nextTerms(r.specialist(), caseId);
		String term = next.get(0).hpoId();

		mvc.perform(post("/cases/{id}/differential/unexaminable", r.caseId()).with(specialist).with(csrf()).param("term", term))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/cases/" + r.caseId() + "/review#phenotype-outcome"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("phenotypeMessage",
					containsString("(" + term + ") cannot be examined; the phenotype and the ranking are unchanged")));
		assertThat(phenotype.phenotype(r.specialist(), caseId).features().stream().map(f -> f.id().toString()).toList()).isEqualTo(features);
		assertThat(rankings(r.caseId())).as("no new ranking").isEqualTo(rankings);
		assertThat(differential.differential(r.specialist(), caseId).rankingId()).isEqualTo(before.rankingId());
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'ddx.next.unexaminable' AND outcome = 'SUCCESS' AND actor_id = ?")
			.params(r.caseId(), r.specialist().id().value()).query(Long.class).single()).isEqualTo(1);
		List<NextTerm> after = differential.nextTerms(r.specialist(), caseId);
		assertThat(after).extracting(NextTerm::hpoId).doesNotContain(term).hasSize(DifferentialDiagnoses.NEXT_TERMS)
			.as("the others keep their order").startsWith(next.get(1).hpoId());

		mvc.perform(post("/api/cases/{id}/differential/unexaminable", r.caseId()).with(specialist).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"hpoId\":\"" + after.get(0).hpoId() + "\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(after.get(0).hpoId()));
		mvc.perform(get("/api/cases/{id}/differential/next", r.caseId()).with(specialist))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].hpoId", not(org.hamcrest.Matchers.hasItem(after.get(0).hpoId()))));
		mvc.perform(post("/api/cases/{id}/differential/unexaminable", r.caseId()).with(specialist).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"hpoId\":\"HP:0001166\"}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("already in the phenotype")));
		mvc.perform(post("/api/cases/{id}/differential/unexaminable", r.caseId()).with(authentication(TestAccounts.authentication(r.patient()))).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"hpoId\":\"" + term + "\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM phenotype.unexaminable_term WHERE case_id = ?").param(r.caseId()).query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ? AND action = 'ddx.next.unexaminable' AND outcome = 'DENIED'")
			.param(r.caseId()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theGenesOfTheLeadingCandidatesAreShownBesideWhatToCheckNextAndOnlyToTheReviewer() throws Exception {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", MARFAN_SIGNS);
		var specialist = authentication(TestAccounts.authentication(r.specialist()));
		GenePanel panel = genes.of(differential.differential(r.specialist(), new CaseId(r.caseId())));
		assertThat(panel.problem()).isNull();
		assertThat(panel.source()).isEqualTo("genes_to_disease.txt.gz");
		assertThat(panel.genes()).filteredOn(g -> g.symbol().equals("FBN1")).singleElement().satisfies(g -> {
			assertThat(g.ncbiGeneId()).isEqualTo("NCBIGene:2200");
			assertThat(g.candidates()).anySatisfy(c -> assertThat(c).startsWith("Marfan syndrome (rank "));
		});
		mvc.perform(get("/cases/{id}/differential", r.caseId()).header("HX-Request", "true").with(specialist))
			.andExpect(content().string(containsString("Genes of the leading candidates")))
			.andExpect(content().string(containsString("<strong>FBN1</strong> <span>(NCBIGene:2200)</span>")))
			.andExpect(content().string(containsString("https://www.ncbi.nlm.nih.gov/gene/2200")))
			.andExpect(content().string(not(containsString("Q87.4"))));
		mvc.perform(get("/api/cases/{id}/differential/genes", r.caseId()).with(specialist))
			.andExpect(status().isOk()).andExpect(jsonPath("$.genes[?(@.symbol == 'FBN1')].ncbiGeneId").value(org.hamcrest.Matchers.hasItem("NCBIGene:2200")));
		mvc.perform(get("/api/cases/{id}/differential/genes", r.caseId()).with(authentication(TestAccounts.authentication(r.patient()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void explanationsQuoteTheDiseasesOwnAnnotatedFrequencyOrSayItIsNotStated() {
		Review r = inReview(CodeSystem.ORPHA, "558", MARFAN_SIGNS);
		// OMIM:154700: ectopia lentis 119/251, aortic root aneurysm 45/58; tall stature without frequency
		List<TermEvidence> marfan = differential.explain(r.specialist(), new CaseId(r.caseId()), "OMIM:154700");
		assertThat(marfan).filteredOn(e -> e.hpoId().equals("HP:0001083")).singleElement()
			.satisfies(e -> assertThat(e.annotatedFrequency()).startsWith("119 of 251 patients"))
			.satisfies(e -> assertThat(e.explanation()).isEqualTo("The disease is annotated with this term: " + e.annotatedFrequency() + "."));
		assertThat(marfan).filteredOn(e -> e.hpoId().equals("HP:0000098")).singleElement()
			.satisfies(e -> assertThat(e.explanation()).contains("frequency not stated"));
		DifferentialView view = differential.differential(r.specialist(), new CaseId(r.caseId()));
		assertThat(view.candidates()).flatExtracting(DifferentialCandidate::evidence).filteredOn(e -> e.annotationId() != null && e.kind() != MatchKind.CONTRADICTED)
			.isNotEmpty()
			.allSatisfy(e -> assertThat(e.explanation()).contains(e.annotatedFrequency()).doesNotContain("about"));
	}

	@Test
	void inTheWorkspaceAnObsoleteIdAsksForConfirmationAboveThePhenotype() throws Exception {
		Review r = inReview(CodeSystem.ICD_10_CM, "Q87.4", MARFAN_SIGNS);
		var specialist = authentication(TestAccounts.authentication(r.specialist()));
		var asked = mvc.perform(post("/cases/{id}/phenotype/features", r.caseId()).with(specialist).with(csrf())
				.param("term", "HP:0001388").param("status", "observed").param("returnTo", "review"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("phenotypeReplacement"))
			.andReturn();
		assertThat(differential.differential(r.specialist(), new CaseId(r.caseId())).observed()).doesNotContain("HP:0001382");
		mvc.perform(get("/cases/{id}/review", r.caseId()).flashAttrs(asked.getFlashMap()).with(specialist))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("HP:0001388 is obsolete; replaced by HP:0001382 Joint hypermobility — record HP:0001382?")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"returnTo\" value=\"review\">")));
	}
}
