package org.consilium.phenotype;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.consilium.ddx.HpoRelease;
import org.consilium.ddx.HpoTerms;
import org.consilium.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Parsing and mapping of every phenopacket of phenopacket-store (7,340 files) onto the HPO release 2025-05-06: each maps
 * to exactly the file's (HPO id, excluded, onset) set and diagnosis, or, when it uses terms newer than the release,
 * is rejected naming them. The full store path runs on a sample in {@link PhenopacketImportTests}.
 */
class PhenopacketReaderTests {

	static HpoTerms terms;

	@BeforeAll
	static void load() {
		terms = HpoRelease.loadTerms(HpoRelease.find(PhenopacketFiles.DIR.resolveSibling("hpo"), "hp", ".json").orElseThrow());
	}

	@Test
	void everyPhenopacketMapsToExactlyItsTermsOrIsRejectedNamingTheUnknownOnes() throws Exception {
		List<Path> files = PhenopacketFiles.all();
		assertThat(files).hasSize(7340);
		int mapped = 0;
		int rejected = 0;
		for (Path file : files) {
			PhenopacketFiles.Expected expected = PhenopacketFiles.read(file, terms);
			if (expected.unknown().isEmpty()) {
				PhenopacketReader.Read read = PhenopacketReader.read(expected.bytes(), terms);
				Set<String> keys = read.features().stream().map(f -> PhenopacketFiles.key(f.term().id(), f.excluded(), f.onset())).collect(Collectors.toSet());
				if (!keys.equals(expected.features()) || read.features().size() != expected.features().size()) {
					fail(file + ": mapped " + keys + " but the file states " + expected.features());
				}
				assertThat(read.diagnosisId()).as(file.toString()).isEqualTo(expected.diagnosisId());
				assertThat(read.diagnosisLabel()).as(file.toString()).isEqualTo(expected.diagnosisLabel());
				mapped++;
			}
			else {
				assertThatThrownBy(() -> PhenopacketReader.read(expected.bytes(), terms)).as(file.toString())
					.isInstanceOf(InvalidInputException.class)
					.hasMessageStartingWith("Nothing was imported")
					.satisfies(e -> expected.unknown().forEach(id -> assertThat(e.getMessage()).contains(id)));
				rejected++;
			}
		}
		assertThat(mapped).isEqualTo(7340 - 47);
		assertThat(rejected).as("files with terms newer than the 2025-05-06 release").isEqualTo(47);
	}

	@Test
	void onsetsThePhenotypeCannotHoldRejectTheFile() {
		String packet = """
				{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": {"timestamp": "2020-01-01T00:00:00Z"}},
				  {"type": {"id": "HP:0001263"}, "onset": {"age": {"iso8601duration": "PT5H"}}},
				  {"type": {"id": "HP:0004322"}, "onset": {"gestationalAge": {"weeks": 20, "days": 9}}}]}""";
		assertThatThrownBy(() -> PhenopacketReader.read(packet.getBytes(), terms)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("3 terms").hasMessageContaining("timestamp").hasMessageContaining("PT5H").hasMessageContaining("20 weeks 9 days");
	}
}
