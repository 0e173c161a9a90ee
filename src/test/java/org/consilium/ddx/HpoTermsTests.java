package org.consilium.ddx;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.consilium.ddx.HpoTerms.Branch;

import static org.assertj.core.api.Assertions.assertThat;

/** Term search and id resolution against the real HPO release 2025-05-06 of {@code ../shared/data/hpo}. */
class HpoTermsTests {

	static final Path HPO = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "hpo");

	static HpoTerms terms;

	@BeforeAll
	static void load() {
		terms = HpoRelease.loadTerms(HpoRelease.find(HPO, "hp", ".json").orElseThrow());
	}

	@Test
	void findsTheVersionedReleaseFilesAndPicksTheNewestAnnotations() {
		assertThat(HpoRelease.find(HPO, "hp", ".json")).hasValueSatisfying(p -> assertThat(p.getFileName()).hasToString("hp.v2025-05-06.json.gz"));
		assertThat(HpoRelease.find(HPO, "phenotype", ".hpoa"))
			.hasValueSatisfying(p -> assertThat(p.getFileName()).hasToString("phenotype.v2025-05-06.hpoa.gz"));
		assertThat(HpoRelease.find(HPO.resolve("no-such-dir"), "hp", ".json")).isEmpty();
		assertThat(terms.version()).isEqualTo("2025-05-06");
		assertThat(terms.acknowledgement()).isEqualTo("Human Phenotype Ontology, release 2025-05-06");
	}

	@Test
	void seizGivesSeizureFirst() {
		List<TermSuggestion> found = terms.search("seiz", Branch.PHENOTYPIC_ABNORMALITY, 10);
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).term().id()).isEqualTo("HP:0001250");
		assertThat(found.get(0).term().label()).isEqualTo("Seizure");
	}

	@Test
	void exactMatchesComeBeforePrefixMatchesBeforeWordPrefixesBeforeSubstrings() {
		List<TermSuggestion> found = terms.search("Ataxia", Branch.PHENOTYPIC_ABNORMALITY, 500);
		assertThat(found.get(0).term().id()).isEqualTo("HP:0001251");
		int lastKind = 0;
		for (TermSuggestion s : found) {
			String name = s.matchedName().toLowerCase();
			int kind = name.equals("ataxia") ? 0 : name.startsWith("ataxia") ? 1 : name.matches(".*[^\\p{L}\\p{N}]ataxia.*") ? 2 : 3;
			assertThat(kind).as(s.toString()).isGreaterThanOrEqualTo(lastKind);
			lastKind = kind;
		}
		assertThat(lastKind).as("the list reaches word-prefix matches").isGreaterThanOrEqualTo(2);
	}

	@Test
	void tiesGoToTheShorterName() {
		List<TermSuggestion> found = terms.search("abnormal", Branch.PHENOTYPIC_ABNORMALITY, 20);
		for (int i = 1; i < found.size(); i++) {
			assertThat(found.get(i).matchedName().length()).isGreaterThanOrEqualTo(found.get(i - 1).matchedName().length());
		}
	}

	@Test
	void aLaypersonSynonymFindsItsTerm() {
		TermSuggestion first = terms.search("wide-set eyes", Branch.PHENOTYPIC_ABNORMALITY, 5).get(0);
		assertThat(first.term().id()).isEqualTo("HP:0000316");
		assertThat(first.term().label()).isEqualTo("Hypertelorism");
		assertThat(first.layperson()).isTrue();
		assertThat(terms.search("tired", Branch.PHENOTYPIC_ABNORMALITY, 5).get(0).term().id()).isEqualTo("HP:0012378");
	}

	@Test
	void obsoleteAndNonPhenotypeTermsAreNotOffered() {
		// HP:0000057 "obsolete Clitoromegaly" was replaced by HP:0008665 Clitoral hypertrophy
		assertThat(terms.search("clitoromegaly", Branch.PHENOTYPIC_ABNORMALITY, 50)).extracting(s -> s.term().id()).doesNotContain("HP:0000057");
		assertThat(terms.search("obsolete", Branch.PHENOTYPIC_ABNORMALITY, 50)).allSatisfy(s -> assertThat(s.term().label()).doesNotStartWith("obsolete"));
		// HP:0000006 Autosomal dominant inheritance is a mode of inheritance, not a phenotypic abnormality
		assertThat(terms.search("autosomal dominant inheritance", Branch.PHENOTYPIC_ABNORMALITY, 50)).extracting(s -> s.term().id())
			.doesNotContain("HP:0000006");
		assertThat(terms.search("congenital onset", Branch.PHENOTYPIC_ABNORMALITY, 50)).extracting(s -> s.term().id()).doesNotContain("HP:0003577");
	}

	@Test
	void onsetSearchOffersOnlyOnsetTerms() {
		List<TermSuggestion> found = terms.search("congenital", Branch.ONSET, 10);
		assertThat(found.get(0).term().id()).isEqualTo("HP:0003577");
		assertThat(terms.search("seizure", Branch.ONSET, 10)).isEmpty();
		assertThat(terms.size(Branch.ONSET)).isBetween(10, 40);
	}

	@Test
	void theBranchRootsAreTooGeneralToBeChosenOrOffered() {
		assertThat(terms.find("HP:0000118", Branch.PHENOTYPIC_ABNORMALITY)).isEmpty();
		assertThat(terms.rejection("HP:0000118", Branch.PHENOTYPIC_ABNORMALITY))
			.isEqualTo("Phenotypic abnormality (HP:0000118) is too general: choose a more specific term.");
		assertThat(terms.search("phenotypic abnormality", Branch.PHENOTYPIC_ABNORMALITY, 50)).extracting(s -> s.term().id()).doesNotContain("HP:0000118");
		assertThat(terms.search("HP:0000118", Branch.PHENOTYPIC_ABNORMALITY, 5)).isEmpty();
		assertThat(terms.find("HP:0003674", Branch.ONSET)).isEmpty();
		assertThat(terms.rejection("HP:0003674", Branch.ONSET)).isEqualTo("Onset (HP:0003674) is too general: choose a more specific term.");
		assertThat(terms.search("onset", Branch.ONSET, 50)).extracting(s -> s.term().id()).doesNotContain("HP:0003674").isNotEmpty();
		// the terms right below stay
		assertThat(terms.find("HP:0000707", Branch.PHENOTYPIC_ABNORMALITY)).map(HpoTerm::label).hasValue("Abnormality of the nervous system");
	}

	@Test
	void ancestorsFollowIsAUpToTheRoot() {
		// Arachnodactyly HP:0001166 is_a Long fingers HP:0100807 is_a Abnormal finger morphology HP:0001167
		assertThat(terms.ancestors("HP:0001166")).contains("HP:0001167", "HP:0000118", "HP:0000001").doesNotContain("HP:0001166");
		assertThat(terms.ancestors("HP:0001167")).doesNotContain("HP:0001166");
		assertThat(terms.ancestors("HP:0000057")).as("a replaced id answers its replacement's ancestors").isEqualTo(terms.ancestors("HP:0008665"));
		assertThat(terms.ancestors("HP:9999999")).isEmpty();
		assertThat(terms.ancestors("HP:0000001")).isEmpty();
	}

	@Test
	void resolvesAlternativeAndReplacedIdsAndExplainsRejections() {
		assertThat(terms.find("HP:0001250", Branch.PHENOTYPIC_ABNORMALITY)).hasValue(new HpoTerm("HP:0001250", "Seizure"));
		assertThat(terms.find("HP:0000057", Branch.PHENOTYPIC_ABNORMALITY)).map(HpoTerm::id).hasValue("HP:0008665");
		assertThat(terms.find("HP:0001425", Branch.PHENOTYPIC_ABNORMALITY)).as("an alt id of a term outside the branch").isEmpty();
		assertThat(terms.find("HP:0003577", Branch.ONSET)).map(HpoTerm::label).hasValue("Congenital onset");
		assertThat(terms.find("HP:0003577", Branch.PHENOTYPIC_ABNORMALITY)).isEmpty();
		assertThat(terms.rejection("HP:0003577", Branch.PHENOTYPIC_ABNORMALITY)).contains("Congenital onset").contains("not a phenotypic abnormality");
		assertThat(terms.rejection("HP:9999999", Branch.PHENOTYPIC_ABNORMALITY)).contains("HP:9999999").contains("release 2025-05-06");
		assertThat(terms.rejection("seizure", Branch.PHENOTYPIC_ABNORMALITY)).contains("not an HPO term id");
		assertThat(terms.search("hp:0001250", Branch.PHENOTYPIC_ABNORMALITY, 5)).extracting(s -> s.term().id()).containsExactly("HP:0001250");
	}

	@Test
	void anObsoleteIdNamesItsReplacementWhileAnAlternativeIdIsTheSameTerm() {
		// HP:0001388 "obsolete Joint laxity" was replaced by HP:0001382 Joint hypermobility
		assertThat(terms.replacementOfObsolete("HP:0001388", Branch.PHENOTYPIC_ABNORMALITY)).hasValue(new HpoTerm("HP:0001382", "Joint hypermobility"));
		assertThat(terms.replacementOfObsolete("HP:0001382", Branch.PHENOTYPIC_ABNORMALITY)).as("a current id").isEmpty();
		// HP:0004715 is an alternative id of HP:0000003 Multicystic kidney dysplasia, not an obsolete term
		assertThat(terms.find("HP:0004715", Branch.PHENOTYPIC_ABNORMALITY)).map(HpoTerm::id).hasValue("HP:0000003");
		assertThat(terms.replacementOfObsolete("HP:0004715", Branch.PHENOTYPIC_ABNORMALITY)).isEmpty();
		assertThat(terms.replacementOfObsolete("HP:9999999", Branch.PHENOTYPIC_ABNORMALITY)).isEmpty();
		// HP:0001425 "obsolete Heterogeneous" was replaced by HP:0000005 Mode of inheritance, outside the branch
		assertThat(terms.replacementOfObsolete("HP:0001425", Branch.PHENOTYPIC_ABNORMALITY)).isEmpty();
	}

	@Test
	void laypersonSynonymsAreThereForTermsThatHaveOne() {
		assertThat(terms.laypersonSynonym("HP:0000316")).hasValueSatisfying(s -> assertThat(s).isIn("Wide-set eyes", "Widely spaced eyes"));
		assertThat(terms.laypersonSynonym("HP:0001166")).hasValueSatisfying(s -> assertThat(s).isIn("Long slender fingers", "Spider fingers"));
		assertThat(terms.laypersonSynonym("HP:0001083")).as("Ectopia lentis has none").isEmpty();
		assertThat(terms.laypersonSynonym("HP:9999999")).isEmpty();
	}
}
