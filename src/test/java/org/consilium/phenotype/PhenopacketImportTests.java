package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import org.consilium.ddx.HpoRelease;
import org.consilium.ddx.HpoTerms;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/**
 * Phenopackets of {@code ../shared/data/phenopackets} through the full import path (access check, parse, map onto the
 * 2025-05-06 release, store, audit, event) into one case, replacing its phenotype each time: afterwards the case holds
 * exactly the file's (HPO id, excluded, onset) set and its diagnosis. Files with terms newer than the release are
 * rejected as a whole, name those terms, and leave the case unchanged. A sample: the full path costs about 100 ms a
 * file on a busy two-core machine, so all 7,340 run through the mapping in {@link PhenopacketReaderTests} instead.
 */
@HpoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhenopacketImportTests {

	/** Every 70th file of the 7,340 (105 files) plus the first three rejected ones; all files run through the mapping in {@link PhenopacketReaderTests}. */
	static final int SAMPLE_EVERY = 70;

	@Autowired
	PhenotypeManagement phenotype;

	@Autowired
	IntakeManagement intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	HpoRelease release;

	HpoTerms terms;

	@BeforeAll
	void releaseLoaded() throws InterruptedException {
		assertThat(release.awaitLoaded(Duration.ofMinutes(5))).isTrue();
		terms = release.terms().orElseThrow();
	}

	@Test
	void aSampleOfPhenopacketsImportsExactlyItsTermsOrIsRejectedAndChangesNothing() throws IOException {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		List<Path> files = PhenopacketFiles.all();
		Set<String> current = Set.of();
		int imported = 0;
		int rejected = 0;
		for (int i = 0; i < files.size(); i++) {
			PhenopacketFiles.Expected expected = PhenopacketFiles.read(files.get(i), terms);
			boolean sampled = i % SAMPLE_EVERY == 0 || (!expected.unknown().isEmpty() && rejected < 3);
			if (!sampled) {
				continue;
			}
			String name = expected.file().getFileName().toString();
			if (expected.unknown().isEmpty()) {
				PhenopacketImportView view = phenotype.importPhenopacket(patient, new CaseId(caseId), expected.bytes());
				assertThat(view.diagnosisId()).as(name).isEqualTo(expected.diagnosisId());
				assertThat(view.diagnosisLabel()).as(name).isEqualTo(expected.diagnosisLabel());
				current = expected.features();
				imported++;
			}
			else {
				assertThatThrownBy(() -> phenotype.importPhenopacket(patient, new CaseId(caseId), expected.bytes())).as(name)
					.isInstanceOf(InvalidInputException.class)
					.satisfies(e -> expected.unknown().forEach(id -> assertThat(e.getMessage()).contains(id)));
				rejected++;
			}
			PhenotypeView now = phenotype.phenotype(patient, new CaseId(caseId));
			Set<String> stored = now.features().stream().map(f -> PhenopacketFiles.key(f.hpoId(), f.excluded(), f.onset())).collect(Collectors.toSet());
			if (!stored.equals(current) || now.features().size() != current.size()) {
				fail(name + ": stored " + stored + " but expected " + current);
			}
		}
		assertThat(imported).isGreaterThanOrEqualTo(100);
		assertThat(rejected).isGreaterThanOrEqualTo(3);
	}
}
