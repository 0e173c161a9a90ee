package org.consilium.ddx;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Ranking against the real HPO release 2025-05-06 of {@code ../shared/data/hpo}, loaded once for the class.
 */
class DifferentialDiagnosisTests {

	static final String MARFAN = "OMIM:154700";

	static Path shared;

	static HpoData data;

	static DifferentialDiagnosis engine;

	@BeforeAll
	static void load() {
		shared = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));
		data = HpoData.load(shared.resolve("hpo/hp.v2025-05-06.json.gz"), shared.resolve("hpo/phenotype.v2025-05-06.hpoa.gz"));
		engine = new DifferentialDiagnosis(data);
	}

	/**
	 * The file names 8,362 OMIM diseases; 8,355 have an aspect-P line without NOT. One of those, OMIM:617596
	 * (maleylacetoacetate isomerase deficiency), has as its only such line HP:0001410 with frequency 0/3: it is
	 * a candidate, but that line counts against it like a NOT.
	 */
	@Test
	void offersEveryOmimDiseaseWithAPhenotypicAbnormalityAnnotationAsCandidate() {
		assertThat(data.candidateCount()).isEqualTo(8355);
		assertThat(data.isCandidate(MARFAN)).isTrue();
		assertThat(data.isCandidate("OMIM:617596")).isTrue();
		assertThat(data.candidateIds()).allMatch(id -> id.startsWith("OMIM:"));
		assertThat(data.release()).contains("2025-05-06");
	}

	/** Without Mondo or an ICD-10-CM list, the request form's diagnosis search still finds diseases by HPO's names. */
	@Test
	void theDiagnosisSearchFindsDiseasesByTheNamesOfTheHpoAnnotations() {
		DiagnosisSearch withHpo = new DiagnosisSearch(new MondoRelease(""), new Icd10CmList(""), () -> java.util.Optional.of(data));
		assertThat(withHpo.search("marfan syndrome", 5)).first().satisfies(m -> {
			assertThat(m.coding()).isEqualTo(new org.consilium.shared.Coding(org.consilium.shared.CodeSystem.OMIM, "154700"));
			assertThat(m.coding().display()).isEqualTo("Marfan syndrome");
		});
		assertThat(new DiagnosisSearch(new MondoRelease(""), new Icd10CmList(""), java.util.Optional::empty).search("marfan syndrome", 5))
			.as("nothing installed, nothing found").isEmpty();
	}

	@Test
	void offersOrphanetDiseasesOnRequest() {
		HpoData both = HpoData.load(shared.resolve("hpo/hp.v2025-05-06.json.gz"), shared.resolve("hpo/phenotype.v2025-05-06.hpoa.gz"),
				Set.of(DiseaseDatabase.OMIM, DiseaseDatabase.ORPHA));
		assertThat(both.candidateCount()).isGreaterThan(data.candidateCount() + 4000);
		assertThat(both.candidateIds()).anyMatch(id -> id.startsWith("ORPHA:"));
	}

	@Test
	void readsTheOlderAnnotationFormatOfJanuary2023() {
		HpoData old = HpoData.load(shared.resolve("hpo/hp.v2025-05-06.json.gz"), shared.resolve("hpo/phenotype.v2023-01-27.hpoa.gz"));
		assertThat(old.release()).contains("annotations 2023-01-27");
		assertThat(old.candidateCount()).isBetween(8000, 8297);
		assertThat(old.isCandidate(MARFAN)).isTrue();
	}

	@Test
	void informationContentIsZeroAtTheRootAndGreaterAtALeafThanAtItsParent() {
		assertThat(data.informationContent("HP:0000118")).isEqualTo(0.0);
		double leaf = data.informationContent("HP:0002616"); // Aortic root aneurysm, a leaf
		double parent = data.informationContent("HP:0012727"); // Thoracic aortic aneurysm
		assertThat(parent).isGreaterThan(0.0);
		assertThat(leaf).isGreaterThan(parent);
	}

	@Test
	void ranksTheGoldDiseaseOfAPublishedCaseInTheTopTenEvenWithoutItsOwnPublication() throws Exception {
		DdxBenchmark.Case c = DdxBenchmark.read(new ObjectMapper(), data, "FBN1", shared.resolve(CASE));
		assertThat(c.gold()).isEqualTo(CASE_GOLD);
		PhenotypeQuery query = DdxBenchmark.query(c);

		assertThat(engine.rank(query).rankOf(CASE_GOLD)).isBetween(1, 10);
		assertThat(engine.rankLeavingOut(query, CASE_GOLD, c.pmids()).rankOf(CASE_GOLD)).isBetween(1, 10);
	}

	static final String CASE = "phenopackets/FBN1/PMID_11175294_Patient_B15.json";

	static final String CASE_GOLD = MARFAN;

	@Test
	void anExcludedTermLowersADiseaseThatUsuallyShowsIt() {
		List<String> observed = List.of("HP:0001166", "HP:0002616", "HP:0001083"); // arachnodactyly, aortic root aneurysm, ectopia lentis
		RankedDisease without = engine.rank(new PhenotypeQuery(observed, List.of())).find(MARFAN).orElseThrow();
		RankedDisease with = engine.rank(new PhenotypeQuery(observed, List.of("HP:0000098"))).find(MARFAN).orElseThrow(); // tall stature absent

		assertThat(with.log10LikelihoodRatio()).isLessThan(without.log10LikelihoodRatio());
		assertThat(with.postTestProbability()).isLessThan(without.postTestProbability());
		assertThat(with.rank()).isGreaterThanOrEqualTo(without.rank());
		TermContribution tall = engine.explain(new PhenotypeQuery(observed, List.of("HP:0000098")), MARFAN).get(3);
		assertThat(tall.excluded()).isTrue();
		assertThat(tall.kind()).isEqualTo(MatchKind.EXCLUDED_BUT_EXPECTED);
		assertThat(tall.likelihoodRatio()).isLessThan(1.0);
	}

	@Test
	void theTopFiftyCarryPerTermContributionsAndOthersOnDemand() {
		PhenotypeQuery query = new PhenotypeQuery(List.of("HP:0001166", "HP:0002616", "HP:0001083", "HP:0000098"), List.of("HP:0001250"));
		Ranking ranking = engine.rank(query);

		assertThat(ranking.diseases()).hasSize(data.candidateCount());
		assertThat(ranking.top(DifferentialDiagnosis.EXPLAINED)).allSatisfy(d -> assertThat(d.contributions()).hasSize(5));
		assertThat(ranking.diseases().get(DifferentialDiagnosis.EXPLAINED).contributions()).isEmpty();
		TermContribution arachnodactyly = ranking.find(MARFAN).orElseThrow().contributions().get(0);
		assertThat(arachnodactyly.kind()).isEqualTo(MatchKind.EXACT);
		assertThat(arachnodactyly.diseaseAnnotationId()).isEqualTo("HP:0001166");
		assertThat(arachnodactyly.likelihoodRatio()).isGreaterThan(10);
		assertThat(arachnodactyly.informationContent()).isEqualTo(data.informationContent("HP:0001166"));

		RankedDisease far = ranking.diseases().get(999);
		assertThat(engine.explain(query, far.diseaseId())).hasSize(5)
			.allSatisfy(t -> assertThat(t.likelihoodRatio()).isPositive());
		double log10Lr = engine.explain(query, far.diseaseId()).stream().mapToDouble(t -> Math.log10(t.likelihoodRatio())).sum();
		assertThat(log10Lr).isCloseTo(far.log10LikelihoodRatio(), within(1e-6));
	}

	@Test
	void ranksInOrderWithRanksScoresAndProbabilitiesForEveryCandidate() {
		Ranking ranking = engine.rank(PhenotypeQuery.observed("HP:0001166", "HP:0002616"));
		List<RankedDisease> all = ranking.diseases();
		for (int i = 0; i < all.size(); i++) {
			assertThat(all.get(i).rank()).isEqualTo(i + 1);
			assertThat(all.get(i).postTestProbability()).isBetween(0.0, 1.0);
			if (i > 0) {
				assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
			}
		}
	}

	/**
	 * The demo case's phenotype (arachnodactyly, ectopia lentis, aortic root aneurysm, tall stature; no striae), where
	 * the former likelihood-ratio probability showed rank 1 at 38 %, rank 2 at 19 % and rank 4 at 38 % again.
	 */
	@Test
	void theShownProbabilityNeverRisesWithTheRank() {
		Ranking ranking = engine.rank(new PhenotypeQuery(List.of("HP:0001166", "HP:0001083", "HP:0002616", "HP:0000098"), List.of("HP:0001065")));
		List<RankedDisease> all = ranking.diseases();
		for (int i = 1; i < all.size(); i++) {
			assertThat(all.get(i).postTestProbability()).as("rank %d against rank %d", i + 1, i).isLessThanOrEqualTo(all.get(i - 1).postTestProbability());
		}
		assertThat(all.stream().mapToDouble(RankedDisease::postTestProbability).sum()).isCloseTo(1.0, within(1e-9));
		assertThat(all.get(0).postTestProbability()).isGreaterThan(all.get(9).postTestProbability());
	}

	@Test
	void recommendsUnrecordedTermsThatSeparateTheLeadingCandidatesAndAnsweringOneMovesThemApart() {
		PhenotypeQuery query = new PhenotypeQuery(List.of("HP:0001166", "HP:0000098"), List.of("HP:0001065")); // arachnodactyly, tall stature; no striae
		Ranking ranking = engine.rank(query);
		List<TermRecommendation> next = engine.recommend(query, ranking, 5);

		assertThat(next).hasSize(5);
		List<TermRecommendation> every = engine.recommend(query, ranking, Integer.MAX_VALUE);
		assertThat(every).hasSizeGreaterThan(20).extracting(TermRecommendation::expectedSupportNats).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(every.subList(0, 5)).isEqualTo(next);
		assertThat(next).extracting(TermRecommendation::expectedSupportNats).isSortedAccordingTo(java.util.Comparator.reverseOrder())
			.allSatisfy(bits -> assertThat(bits).isPositive());
		Set<String> leading = ranking.top(DifferentialDiagnosis.RECOMMENDATION_CANDIDATES).stream().map(RankedDisease::diseaseId).collect(java.util.stream.Collectors.toSet());
		for (TermRecommendation t : next) {
			// neither recorded nor implied: not an ancestor of an observed term, not below the excluded one
			assertThat(data.ancestorsSorted[data.termIndexOf("HP:0001166")]).doesNotContain(data.termIndexOf(t.hpoId()));
			assertThat(data.ancestorsSorted[data.termIndexOf("HP:0000098")]).doesNotContain(data.termIndexOf(t.hpoId()));
			assertThat(data.ancestorsSorted[data.termIndexOf(t.hpoId())]).doesNotContain(data.termIndexOf("HP:0001065"));
			assertThat(t.favouredIfPresent()).isNotEmpty().doesNotContainAnyElementsOf(t.favouredIfAbsent());
			assertThat(leading).containsAll(t.favouredIfPresent()).containsAll(t.favouredIfAbsent());
			assertThat(t.label()).isEqualTo(data.label(t.hpoId()));
		}

		TermRecommendation best = next.get(0);
		String favoured = best.favouredIfPresent().get(0);
		String disfavoured = best.favouredIfAbsent().get(0);
		Ranking present = engine.rank(new PhenotypeQuery(List.of("HP:0001166", "HP:0000098", best.hpoId()), List.of("HP:0001065")));
		assertThat(present.find(favoured).orElseThrow().score() - present.find(disfavoured).orElseThrow().score())
			.isGreaterThan(ranking.find(favoured).orElseThrow().score() - ranking.find(disfavoured).orElseThrow().score());
	}

	@Test
	void aPhenotypeOfOnlyVeryGeneralOrOnlyExcludedTermsIsTooGeneralToRank() {
		assertThat(engine.tooGeneral(PhenotypeQuery.observed("HP:0000707"))).as("Abnormality of the nervous system").isTrue();
		assertThat(engine.tooGeneral(PhenotypeQuery.observed("HP:0000707", "HP:0000478"))).as("and Abnormality of the eye").isTrue();
		assertThat(engine.tooGeneral(new PhenotypeQuery(List.of(), List.of("HP:0001250")))).as("only an excluded seizure").isTrue();
		assertThat(engine.tooGeneral(PhenotypeQuery.observed("HP:0000707", "HP:0001166"))).as("with arachnodactyly").isFalse();
		assertThat(engine.tooGeneral(PhenotypeQuery.observed("HP:0001250"))).as("Seizure").isFalse();
		assertThat(data.informationContent("HP:0000707")).isLessThanOrEqualTo(Math.log(4));
	}

	@Test
	void leavingOutNoReferenceRanksExactlyAsTheFullAnnotations() {
		PhenotypeQuery query = new PhenotypeQuery(List.of("HP:0001166", "HP:0002616", "HP:0000545"), List.of("HP:0000098"));
		RankedDisease full = engine.rank(query).find(MARFAN).orElseThrow();
		RankedDisease same = engine.rankLeavingOut(query, MARFAN, Set.of()).find(MARFAN).orElseThrow();

		assertThat(same.rank()).isEqualTo(full.rank());
		assertThat(same.resnikSimilarity()).isCloseTo(full.resnikSimilarity(), within(1e-9));
		assertThat(same.log10LikelihoodRatio()).isCloseTo(full.log10LikelihoodRatio(), within(1e-9));
	}

	@Test
	void rejectsAnUnknownHpoIdByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> engine.rank(PhenotypeQuery.observed("HP:0001166", "HP:9999999")))
			.withMessageContaining("HP:9999999")
			.withMessageContaining("Unknown HPO term");
		assertThatIllegalArgumentException().isThrownBy(() -> engine.rank(PhenotypeQuery.observed("HP:0000006")))
			.withMessageContaining("not a phenotypic abnormality");
	}

	@Test
	void namesTheMissingFileAndWhereToGetTheRelease() {
		Path missing = shared.resolve("hpo/no-such-hp.json");
		assertThatThrownBy(() -> HpoData.load(missing, shared.resolve("hpo/phenotype.v2025-05-06.hpoa.gz")))
			.isInstanceOf(HpoDataNotFoundException.class)
			.hasMessageContaining("no-such-hp.json")
			.hasMessageContaining("https://hpo.jax.org/data/ontology");
		assertThatThrownBy(() -> HpoData.load(shared.resolve("hpo/hp.v2025-05-06.json.gz"), shared.resolve("hpo/no-such.hpoa")))
			.isInstanceOf(HpoDataNotFoundException.class)
			.hasMessageContaining("https://hpo.jax.org/data/annotations");
	}
}
