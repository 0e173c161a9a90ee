package org.consilium.ddx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release files beside the ontology and the ranking data, read from the real HPO release 2025-05-06 of
 * {@code ../shared/data/hpo}: the written frequencies of {@code phenotype.hpoa} and the genes of
 * {@code genes_to_disease.txt}.
 */
class HpoReleaseFilesTests {

	static final Path HPO = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "hpo");

	static AnnotatedFrequencies frequencies;

	@BeforeAll
	static void load() {
		frequencies = AnnotatedFrequencies.load(HpoRelease.find(HPO, "phenotype", ".hpoa").orElseThrow(), null);
	}

	@Test
	void aFrequencyIsDescribedAsTheAnnotationFileWritesIt() {
		// OMIM:154700 Marfan syndrome: ectopia lentis 119/251, aortic root aneurysm 45/58, tall stature without frequency
		assertThat(frequencies.describe("OMIM:154700", "HP:0001083")).isEqualTo("119 of 251 patients");
		assertThat(frequencies.describe("OMIM:154700", "HP:0002616")).isEqualTo("45 of 58 patients");
		assertThat(frequencies.describe("OMIM:154700", "HP:0000098")).isEqualTo("frequency not stated");
		// ORPHA:558 gives HPO frequency terms: very frequent (HP:0040281) and frequent (HP:0040282)
		assertThat(frequencies.describe("ORPHA:558", "HP:0002616")).isEqualTo("very frequent (80–99 %)");
		assertThat(frequencies.describe("ORPHA:558", "HP:0001083")).isEqualTo("frequent (30–79 %)");
		assertThat(frequencies.describe("OMIM:154700", "HP:0001250")).as("not annotated").isNull();
		assertThat(frequencies.describe("OMIM:999999", "HP:0001083")).isNull();
		assertThat(AnnotatedFrequencies.words("17%")).isEqualTo("17 % of patients");
		assertThat(AnnotatedFrequencies.words("1/1")).isEqualTo("1 of 1 patient");
		assertThat(AnnotatedFrequencies.words("HP:0040283")).isEqualTo("occasional (5–29 %)");
		assertThat(AnnotatedFrequencies.words("HP:0040284")).isEqualTo("very rare (1–4 %)");
	}

	@Test
	void anOmimDiseaseIsDescribedWithItsExactMatchOrphanetLinesEachNamingItsSource() throws InterruptedException {
		MondoRelease mondo = new MondoRelease(Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "mondo").toString());
		mondo.loadInBackground();
		assertThat(mondo.awaitLoaded(Duration.ofMinutes(2))).isTrue();
		AnnotatedFrequencies enriched = AnnotatedFrequencies.load(HpoRelease.find(HPO, "phenotype", ".hpoa").orElseThrow(), mondo.crosswalk().orElseThrow());
		// Gaucher disease type 1, OMIM:230800, and its exact match ORPHA:77259
		assertThat(mondo.crosswalk().orElseThrow().exactOrphanetMatch("OMIM:230800")).hasValue("ORPHA:77259");
		assertThat(enriched.describe("OMIM:230800", "HP:0002092")).isEqualTo("9 of 69 patients (OMIM); occasional (5–29 %) (Orphanet)");
		assertThat(enriched.describe("OMIM:230800", "HP:0002240")).isEqualTo("frequency not stated (OMIM); very frequent (80–99 %) (Orphanet)");
		assertThat(frequencies.describe("OMIM:230800", "HP:0002240")).as("without the crosswalk").isEqualTo("frequency not stated");
	}

	@Test
	void theGenesOfADiseaseComeFromGenesToDisease() {
		DiseaseGenes genes = DiseaseGenes.load(HpoRelease.find(HPO, "genes_to_disease", ".txt").orElseThrow());
		assertThat(genes.of("OMIM:154700")).extracting(DiseaseGenes.Gene::symbol).containsExactly("FBN1");
		assertThat(genes.of("OMIM:154700").get(0).ncbiGeneId()).isEqualTo("NCBIGene:2200");
		assertThat(genes.of("OMIM:154700").get(0).ncbiNumber()).isEqualTo("2200");
		assertThat(genes.of("ORPHA:2833")).as("an Orphanet disease").extracting(DiseaseGenes.Gene::symbol).contains("FBN1");
		assertThat(genes.of("OMIM:999999")).isEmpty();
		assertThat(genes.fileName()).isEqualTo("genes_to_disease.txt.gz");
	}

	@Test
	void aFileThatIsNotGenesToDiseaseIsRefusedNamingIt(@TempDir Path dir) throws Exception {
		Path wrong = Files.writeString(dir.resolve("genes_to_disease.txt"), "database_id\tdisease_name\n");
		assertThatThrownBy(() -> DiseaseGenes.load(wrong)).isInstanceOf(HpoDataNotFoundException.class).hasMessageContaining("genes_to_disease.txt")
			.hasMessageContaining("not a genes_to_disease file");
	}

	@Test
	void withoutTheGenesFileTheReleaseStillLoadsAndSaysWhatIsMissing(@TempDir Path dir) throws Exception {
		Files.createSymbolicLink(dir.resolve("hp.json.gz"), HpoRelease.find(HPO, "hp", ".json").orElseThrow().toAbsolutePath());
		HpoRelease release = new HpoRelease(new HpoSettings(dir), new MondoRelease(""));
		release.loadInBackground();
		assertThat(release.awaitLoaded(Duration.ofMinutes(2))).isTrue();
		assertThat(release.terms()).isPresent();
		assertThat(release.genes()).isEmpty();
		assertThat(release.genesProblem()).contains("genes_to_disease.txt").contains(HpoRelease.ANNOTATIONS_PAGE);
	}
}
