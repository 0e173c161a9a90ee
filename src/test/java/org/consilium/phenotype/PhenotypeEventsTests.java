package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import org.consilium.ddx.HpoRelease;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * The phenotype's event, {@link PhenotypeChanged}, and its consumer in the same module: the differential diagnosis is
 * recomputed and stored in the transaction of the change.
 */
@HpoIntegrationTest
@EnableScenarios
class PhenotypeEventsTests {

	@Autowired
	PhenotypeManagement phenotype;

	@Autowired
	HpoRelease release;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Test
	void addingATermPublishesTheChangeAndTheRankingIsStored(Scenario scenario) throws InterruptedException {
		assertThat(release.awaitLoaded(Duration.ofMinutes(5))).isTrue();
		Actor patient = accounts.create(Role.PATIENT);
		UUID id = cases.draft(patient);

		scenario.stimulate(() -> phenotype.addFeature(patient, new CaseId(id), new AddPhenotypicFeature("HP:0001166", false, null, null)))
			.andWaitForEventOfType(PhenotypeChanged.class)
			.matching(e -> e.caseId().value().equals(id))
			.toArriveAndVerify(e -> assertThat(jdbc.sql("SELECT count(*) FROM phenotype.differential_ranking WHERE case_id = ?")
				.param(id).query(Long.class).single()).as("rankings stored for the case").isEqualTo(1));
	}
}
