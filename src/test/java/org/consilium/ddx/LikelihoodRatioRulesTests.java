package org.consilium.ddx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Information content, Resnik similarity and each likelihood-ratio rule on a nine-term ontology and four
 * diseases written here, so every expected figure can be worked out by hand:
 *
 * <pre>
 * HP:0000118 Phenotypic abnormality
 *   HP:0000707 Abnormality of the nervous system
 *     HP:0001250 Seizure
 *       HP:0002069 Bilateral tonic-clonic seizure
 *       HP:0007359 Focal-onset seizure
 *     HP:0001263 Global developmental delay
 *   HP:0001626 Abnormality of the cardiovascular system
 *     HP:0001627 Abnormal heart morphology
 * HP:0000005 Mode of inheritance (outside the subtree)
 *
 * OMIM:100001  Bilateral tonic-clonic seizure 1/2 [PMID:1], Global developmental delay [PMID:1;PMID:2], Global developmental delay [OMIM:100001]
 * OMIM:100002  Focal-onset seizure, very frequent (0.895) [PMID:3], Abnormal heart morphology [PMID:3]
 * OMIM:100003  Abnormal heart morphology [PMID:4], NOT Seizure [PMID:4]
 * OMIM:100004  Global developmental delay [PMID:5]
 * </pre>
 */
class LikelihoodRatioRulesTests {

	static final String D1 = "OMIM:100001";

	static final String D2 = "OMIM:100002";

	static final String D3 = "OMIM:100003";

	static final String D4 = "OMIM:100004";

	static final String SEIZURE = "HP:0001250";

	static final String TONIC_CLONIC = "HP:0002069";

	static final String FOCAL = "HP:0007359";

	static final String DELAY = "HP:0001263";

	static final String HEART = "HP:0001627";

	static final String NERVOUS = "HP:0000707";

	@TempDir
	static Path dir;

	static HpoData data;

	static DifferentialDiagnosis engine;

	/** With four candidates the rank blend's scores lie 0.25 apart; a steep shown probability keeps the last ones near 0. */
	static final DifferentialDiagnosis.Settings SETTINGS = new DifferentialDiagnosis.Settings(0.5, 0.1, 0.2, 0.25, DifferentialDiagnosis.Blend.RANKS)
		.withShownProbability(new ShownProbability(20.0, List.of()));

	@BeforeAll
	static void writeAndLoad() throws IOException {
		Path hp = dir.resolve("hp.json");
		Files.writeString(hp, ontology());
		Path hpoa = dir.resolve("phenotype.hpoa");
		Files.writeString(hpoa, String.join("\n", "#description: test", "#version: 2099-01-01",
				"database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration",
				line(D1, "", TONIC_CLONIC, "PMID:1", "1/2"), line(D1, "", DELAY, "PMID:1;PMID:2", ""), line(D1, "", DELAY, D1, ""),
				line(D1, "", "HP:0000005", "PMID:1", ""), line(D2, "", FOCAL, "PMID:3", "HP:0040281"), line(D2, "", HEART, "PMID:3", ""),
				line(D3, "", HEART, "PMID:4", ""), line(D3, "NOT", SEIZURE, "PMID:4", ""), line(D4, "", DELAY, "PMID:5", "")) + "\n");
		data = HpoData.load(hp, hpoa);
		engine = new DifferentialDiagnosis(data, SETTINGS);
	}

	private static String line(String disease, String qualifier, String term, String reference, String frequency) {
		return String.join("\t", disease, "Disease " + disease, qualifier, term, reference, "PCS", "", frequency, "", "", "HP:0000005".equals(term) ? "I" : "P",
				"HPO:test[2099-01-01]");
	}

	private static String ontology() {
		String[][] terms = { { "0000001", "All", null }, { "0000118", "Phenotypic abnormality", "0000001" }, { "0000707", "Abnormality of the nervous system", "0000118" },
				{ "0001250", "Seizure", "0000707" }, { "0002069", "Bilateral tonic-clonic seizure", "0001250" }, { "0007359", "Focal-onset seizure", "0001250" },
				{ "0001263", "Global developmental delay", "0000707" }, { "0001626", "Abnormality of the cardiovascular system", "0000118" },
				{ "0001627", "Abnormal heart morphology", "0001626" }, { "0000005", "Mode of inheritance", "0000001" } };
		StringBuilder nodes = new StringBuilder();
		StringBuilder edges = new StringBuilder();
		for (String[] t : terms) {
			nodes.append(nodes.isEmpty() ? "" : ",").append("{\"id\":\"http://purl.obolibrary.org/obo/HP_").append(t[0]).append("\",\"lbl\":\"").append(t[1])
				.append("\",\"type\":\"CLASS\"}");
			if (t[2] != null) {
				edges.append(edges.isEmpty() ? "" : ",").append("{\"sub\":\"http://purl.obolibrary.org/obo/HP_").append(t[0])
					.append("\",\"pred\":\"is_a\",\"obj\":\"http://purl.obolibrary.org/obo/HP_").append(t[2]).append("\"}");
			}
		}
		return "{\"graphs\":[{\"id\":\"http://purl.obolibrary.org/obo/hp.json\",\"meta\":{\"version\":\"http://purl.obolibrary.org/obo/hp/releases/2099-01-01/hp.json\"},"
				+ "\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}]}";
	}

	private static TermContribution only(String observed, String excluded, String disease) {
		PhenotypeQuery query = new PhenotypeQuery(observed == null ? List.of() : List.of(observed), excluded == null ? List.of() : List.of(excluded));
		return engine.explain(query, disease).get(0);
	}

	/** Mean over the four candidates of each one's frequency for the term (0 when it does not reach it). */
	private static double background(double... frequencies) {
		double sum = 0;
		for (double f : frequencies) {
			sum += f;
		}
		return sum / 4;
	}

	@Test
	void informationContentIsMinusTheLogOfTheShareOfCandidatesReachingTheTerm() {
		assertThat(data.candidateCount()).isEqualTo(4);
		assertThat(data.informationContent("HP:0000118")).isEqualTo(0.0);
		assertThat(data.informationContent(NERVOUS)).isCloseTo(Math.log(4.0 / 3), within(1e-12)); // D1, D2, D4
		assertThat(data.informationContent(SEIZURE)).isCloseTo(Math.log(4.0 / 2), within(1e-12)); // D1, D2 (D3's NOT does not count)
		assertThat(data.informationContent(TONIC_CLONIC)).isCloseTo(Math.log(4.0), within(1e-12));
		assertThat(data.informationContent(HEART)).isCloseTo(Math.log(4.0 / 2), within(1e-12));
	}

	@Test
	void termSimilarityIsTheInformationContentOfTheMostInformativeCommonAncestor() {
		Ranking ranking = engine.rank(PhenotypeQuery.observed(FOCAL));
		assertThat(ranking.find(D2).orElseThrow().resnikSimilarity()).isCloseTo(Math.log(4.0), within(1e-12)); // itself
		assertThat(ranking.find(D1).orElseThrow().resnikSimilarity()).isCloseTo(Math.log(2.0), within(1e-12)); // Seizure
		assertThat(ranking.find(D4).orElseThrow().resnikSimilarity()).isCloseTo(Math.log(4.0 / 3), within(1e-12)); // nervous system
		assertThat(ranking.find(D3).orElseThrow().resnikSimilarity()).isEqualTo(0.0); // only the root
		assertThat(ranking.rankOf(D2)).isEqualTo(1);

		Ranking two = engine.rank(PhenotypeQuery.observed(FOCAL, DELAY));
		assertThat(two.find(D1).orElseThrow().resnikSimilarity()).isCloseTo((Math.log(2.0) + Math.log(4.0 / 2)) / 2, within(1e-12)); // best-match average
	}

	@Test
	void anExactMatchWeighsTheDiseaseFrequencyAgainstTheBackground() {
		TermContribution focal = only(FOCAL, null, D2);
		assertThat(focal.kind()).isEqualTo(MatchKind.EXACT);
		assertThat(focal.likelihoodRatio()).isCloseTo(0.895 / background(0.895), within(1e-5));
	}

	@Test
	void aPatientTermAboveTheAnnotationTakesTheFrequencyOfTheAnnotationBelowIt() {
		TermContribution seizure = only(SEIZURE, null, D1);
		assertThat(seizure.kind()).isEqualTo(MatchKind.DISEASE_TERM_MORE_SPECIFIC);
		assertThat(seizure.diseaseAnnotationId()).isEqualTo(TONIC_CLONIC);
		assertThat(seizure.likelihoodRatio()).isCloseTo(0.5 / background(0.5, 0.895), within(1e-5));
	}

	@Test
	void anInexactMatchThroughACommonAncestorIsDiscountedButNotBelowTheUnrelatedRatio() {
		TermContribution focal = only(FOCAL, null, D1);
		assertThat(focal.kind()).isEqualTo(MatchKind.COMMON_ANCESTOR);
		assertThat(focal.commonAncestorId()).isEqualTo(SEIZURE);
		assertThat(focal.likelihoodRatio()).isCloseTo(0.5 * 0.5 / background(0.5, 0.895), within(1e-5));

		TermContribution delay = only(DELAY, null, D2); // common ancestor: nervous system, reached by D2 at 0.895
		assertThat(delay.likelihoodRatio()).isCloseTo(Math.max(0.5 * 0.895 / background(1, 0.895, 1), 0.1), within(1e-5));
	}

	@Test
	void aTermTheDiseaseDoesNotExplainGetsTheUnrelatedRatio() {
		TermContribution heart = only(HEART, null, D4);
		assertThat(heart.kind()).isEqualTo(MatchKind.UNRELATED);
		assertThat(heart.likelihoodRatio()).isCloseTo(0.1, within(1e-9));
	}

	@Test
	void aTermTheAnnotationsSayTheDiseaseLacksGetsTheContradictionRatio() {
		TermContribution focal = only(FOCAL, null, D3);
		assertThat(focal.kind()).isEqualTo(MatchKind.CONTRADICTED);
		assertThat(focal.diseaseAnnotationId()).isEqualTo(SEIZURE);
		assertThat(focal.likelihoodRatio()).isCloseTo(DifferentialDiagnosis.CONTRADICTED_RATIO, within(1e-9));
	}

	@Test
	void anExcludedTermCountsAgainstDiseasesThatShowItAndSlightlyForTheOthers() {
		double absentInBackground = 1 - background(0.5, 0.895);
		TermContribution againstD2 = only(null, SEIZURE, D2);
		assertThat(againstD2.kind()).isEqualTo(MatchKind.EXCLUDED_BUT_EXPECTED);
		assertThat(againstD2.likelihoodRatio()).isCloseTo(Math.max(1 - 0.895, 0.2) / absentInBackground, within(1e-5)); // the floor bounds it
		TermContribution againstD1 = only(null, SEIZURE, D1);
		assertThat(againstD1.likelihoodRatio()).isCloseTo(0.5 / absentInBackground, within(1e-5));
		TermContribution forD4 = only(null, SEIZURE, D4);
		assertThat(forD4.kind()).isEqualTo(MatchKind.EXCLUDED_NOT_EXPECTED);
		assertThat(forD4.likelihoodRatio()).isCloseTo(1 / absentInBackground, within(1e-5)).isGreaterThan(1);
	}

	@Test
	void addingAnExcludedTermThatADiseaseUsuallyShowsLowersItsRank() {
		PhenotypeQuery delayOnly = PhenotypeQuery.observed(DELAY);
		PhenotypeQuery delayWithoutSeizure = new PhenotypeQuery(List.of(DELAY), List.of(TONIC_CLONIC));
		// D1 and D4 both show the delay (frequency 1); D1 wins the tie on its id
		assertThat(engine.rank(delayOnly).rankOf(D1)).isEqualTo(1);
		assertThat(engine.rank(delayWithoutSeizure).rankOf(D1)).isEqualTo(2);
		assertThat(engine.rank(delayWithoutSeizure).rankOf(D4)).isEqualTo(1);
	}

	@Test
	void theShownProbabilityIsTheSoftmaxOfTheScaledScorePlusTheRankOffsetWhileTheLikelihoodRatioStaysPerTerm() {
		Ranking ranking = engine.rank(PhenotypeQuery.observed(FOCAL));
		assertThat(ranking.diseases().stream().mapToDouble(RankedDisease::postTestProbability).sum()).isCloseTo(1.0, within(1e-9));
		RankedDisease d2 = ranking.find(D2).orElseThrow();
		double lr = 0.895 / background(0.895);
		assertThat(d2.log10LikelihoodRatio()).isCloseTo(Math.log10(lr), within(1e-5));
		// P(rank r) = exp(scale * score + offset of r) / the same summed over the four candidates
		ShownProbability shown = new ShownProbability(2.0, List.of(1.0, 0.5));
		List<RankedDisease> all = new DifferentialDiagnosis(data, SETTINGS.withShownProbability(shown)).rank(PhenotypeQuery.observed(FOCAL)).diseases();
		double[] logits = { 2.0 * all.get(0).score() + 1.0, 2.0 * all.get(1).score() + 0.5, 2.0 * all.get(2).score(), 2.0 * all.get(3).score() };
		double sum = java.util.Arrays.stream(logits).map(Math::exp).sum();
		for (int r = 0; r < 4; r++) {
			assertThat(all.get(r).postTestProbability()).isCloseTo(Math.exp(logits[r]) / sum, within(1e-9));
		}
		RankedDisease withoutOffsets = new DifferentialDiagnosis(data, SETTINGS.withShownProbability(new ShownProbability(2.0, List.of()))).rank(PhenotypeQuery.observed(FOCAL))
			.diseases().get(0);
		assertThat(all.get(0).postTestProbability()).isGreaterThan(withoutOffsets.postTestProbability());
	}

	@Test
	void leavingOutAPublicationRemovesExactlyTheLinesCitingIt() {
		DiseaseProfile d1 = data.diseases[data.diseaseIndexOf(D1)];
		assertThat(d1.annotations).hasSize(3); // the inheritance line is not a phenotypic abnormality
		DiseaseProfile without1 = d1.withoutReferences(Set.of("PMID:1"), data.ancestorsSorted, new float[data.termIds.length]);
		assertThat(without1.annotations).singleElement().satisfies(a -> assertThat(a.references()).containsExactly(D1));
		assertThat(without1.frequencyOf(data.termIndexOf(TONIC_CLONIC))).isNegative();
		assertThat(without1.frequencyOf(data.termIndexOf(DELAY))).isEqualTo(1f);
		DiseaseProfile without2 = d1.withoutReferences(Set.of("PMID:2"), data.ancestorsSorted, new float[data.termIds.length]);
		assertThat(without2.annotations).hasSize(2).noneMatch(a -> List.of(a.references()).contains("PMID:2"));
		assertThat(d1.withoutReferences(Set.of("PMID:9"), data.ancestorsSorted, new float[data.termIds.length]).annotations).isEqualTo(d1.annotations);

		// and the ranking uses the reduced disease: D1 without PMID:1 no longer explains the seizure
		PhenotypeQuery seizure = PhenotypeQuery.observed(TONIC_CLONIC);
		assertThat(engine.rankLeavingOut(seizure, D1, Set.of("PMID:1")).find(D1).orElseThrow().resnikSimilarity()).isCloseTo(Math.log(4.0 / 3), within(1e-12));
		assertThat(engine.rankLeavingOut(seizure, D1, Set.of("PMID:2")).rankOf(D1)).isEqualTo(1);
	}

	@Test
	void flagsASubmittedDiagnosisThatRanksLowWithLittleProbabilityWhileAnotherLeads() {
		PhenotypeQuery query = new PhenotypeQuery(List.of(FOCAL, HEART), List.of(DELAY));
		Ranking ranking = engine.rank(query);
		assertThat(ranking.rankOf(D2)).isEqualTo(1);

		SubmittedDiagnosisCheck d4 = engine.check(query, ranking, Set.of(D4, "ORPHA:999999"), new SubmittedDiagnosisCheck.Thresholds(2, 0.01, 0.10));
		assertThat(d4.rankable()).isTrue();
		assertThat(d4.candidateIds()).containsExactly(D4);
		assertThat(d4.bestRank()).isEqualTo(ranking.rankOf(D4)).isGreaterThan(2);
		assertThat(d4.postTestProbability()).isLessThan(0.01);
		assertThat(d4.topPostTestProbability()).isGreaterThan(0.10);
		assertThat(d4.flagged()).isTrue();
		assertThat(d4.termsAgainst()).extracting(TermContribution::hpoId).containsExactlyInAnyOrder(FOCAL, HEART, DELAY);
		assertThat(d4.termsAgainst().get(0).likelihoodRatio()).isLessThanOrEqualTo(d4.termsAgainst().get(2).likelihoodRatio());

		SubmittedDiagnosisCheck both = engine.check(query, ranking, Set.of(D2, D4));
		assertThat(both.bestRank()).isEqualTo(1);
		assertThat(both.bestRankedId()).isEqualTo(D2);
		assertThat(both.postTestProbability()).isCloseTo(Math.min(1, ranking.find(D2).orElseThrow().postTestProbability() + d4.postTestProbability()), within(1e-12));
		assertThat(both.flagged()).isFalse();

		SubmittedDiagnosisCheck none = engine.check(query, ranking, Set.of("ORPHA:999999"));
		assertThat(none.rankable()).isFalse();
		assertThat(none.flagged()).isFalse();
	}

	/**
	 * A gene family (D1 and D4 share GENE1 in genes_to_disease.txt) lifts D4 towards D1, which leads a query that only
	 * D1 matches exactly, past D2, which ranks above D4 without families; D1 stays first.
	 */
	@Test
	void aDiseaseRisesTowardsTheLeadingMemberOfItsGeneFamilyButNotAboveIt() throws IOException {
		Path genes = dir.resolve("genes_to_disease.txt");
		Files.writeString(genes, String.join("\n", "ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id\tsource",
				"NCBIGene:1\tGENE1\tMENDELIAN\t" + D1 + "\ttest", "NCBIGene:1\tGENE1\tMENDELIAN\t" + D4 + "\ttest",
				"NCBIGene:2\tGENE2\tMENDELIAN\t" + D2 + "\ttest") + "\n");
		HpoData withGenes = HpoData.load(dir.resolve("hp.json"), dir.resolve("phenotype.hpoa"), null, genes);
		DifferentialDiagnosis.Settings zScores = new DifferentialDiagnosis.Settings(0.5, 0.1, 0.2, 0.25, DifferentialDiagnosis.Blend.Z_SCORES, 0.2);
		PhenotypeQuery query = PhenotypeQuery.observed(TONIC_CLONIC);

		Ranking alone = new DifferentialDiagnosis(withGenes, zScores).rank(query);
		Ranking family = new DifferentialDiagnosis(withGenes, zScores.withFamilies(0.5, false)).rank(query);

		assertThat(alone.diseases()).extracting(RankedDisease::diseaseId).startsWith(D1, D2);
		assertThat(alone.rankOf(D4)).isGreaterThan(alone.rankOf(D2));
		assertThat(family.diseases()).extracting(RankedDisease::diseaseId).startsWith(D1, D4, D2);
		// a family without a gene file changes nothing
		assertThat(new DifferentialDiagnosis(data, zScores.withFamilies(0.5, false)).rank(query).diseases()).extracting(RankedDisease::diseaseId)
			.isEqualTo(alone.diseases().stream().map(RankedDisease::diseaseId).toList());
	}

	/**
	 * Leaving out a publication for a disease also leaves it out for the members of its gene family, whose scores lift
	 * it: D1 (tonic-clonic seizure from PMID:1) is D4's sibling, so leaving PMID:1 out for D4 scores D1 without that line.
	 */
	@Test
	void leavingOutAPublicationForADiseaseLeavesItOutForItsFamilyToo() throws IOException {
		Path genes = dir.resolve("genes_to_disease.txt");
		Files.writeString(genes, String.join("\n", "ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id\tsource",
				"NCBIGene:1\tGENE1\tMENDELIAN\t" + D1 + "\ttest", "NCBIGene:1\tGENE1\tMENDELIAN\t" + D4 + "\ttest") + "\n");
		HpoData withGenes = HpoData.load(dir.resolve("hp.json"), dir.resolve("phenotype.hpoa"), null, genes);
		DifferentialDiagnosis families = new DifferentialDiagnosis(withGenes,
				new DifferentialDiagnosis.Settings(0.5, 0.1, 0.2, 0.25, DifferentialDiagnosis.Blend.Z_SCORES, 0.2).withFamilies(0.5, false));
		PhenotypeQuery query = PhenotypeQuery.observed(TONIC_CLONIC);
		int d1 = withGenes.diseaseIndexOf(D1);

		assertThat(families.scores(query, null, null).resnik()[d1]).isCloseTo(withGenes.informationContent(TONIC_CLONIC), within(1e-12));
		assertThat(families.scores(query, D4, Set.of("PMID:1")).resnik()[d1]).isCloseTo(withGenes.informationContent(NERVOUS), within(1e-12));
		assertThat(families.scores(query, D2, Set.of("PMID:1")).resnik()[d1]).isCloseTo(withGenes.informationContent(TONIC_CLONIC), within(1e-12));
	}

	/** Damped, each of k excluded terms counts with its likelihood ratio to the power 1 / sqrt(k). */
	@Test
	void withDampingEachOfSeveralExcludedTermsCountsLess() {
		PhenotypeQuery query = new PhenotypeQuery(List.of(DELAY), List.of(SEIZURE, HEART));
		List<TermContribution> plain = engine.explain(query, D2);
		List<TermContribution> damped = new DifferentialDiagnosis(data, SETTINGS.withFamilies(0, true)).explain(query, D2);
		for (int i = 1; i <= 2; i++) {
			assertThat(damped.get(i).excluded()).isTrue();
			assertThat(plain.get(i).likelihoodRatio()).isLessThan(1);
			assertThat(damped.get(i).likelihoodRatio()).isCloseTo(Math.pow(plain.get(i).likelihoodRatio(), 1 / Math.sqrt(2)), within(1e-9));
		}
		assertThat(damped.get(0).likelihoodRatio()).isEqualTo(plain.get(0).likelihoodRatio());
	}
}
