package org.consilium.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ddx.HpoRelease;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;

/**
 * What the phenotype tests share: the application with the HPO release of {@code ../shared/data/hpo}, loaded before the
 * first test, and a draft case of a patient.
 */
@HpoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhenotypeCaseTestSupport {

	@Autowired
	PhenotypeManagement phenotype;

	@Autowired
	IntakeManagement intake;

	@Autowired
	org.consilium.triage.CaseTriage caseTriage;

	@Autowired
	org.consilium.review.ReviewManagement review;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	HpoRelease release;

	@BeforeAll
	void releaseLoaded() throws InterruptedException {
		assertThat(release.awaitLoaded(Duration.ofMinutes(5))).isTrue();
		assertThat(release.status()).isEqualTo(HpoRelease.Status.READY);
	}

	/** A new draft case of the patient, with no phenotype. */
	UUID newCase(Actor patient) {
		return cases.draft(patient, org.consilium.intake.TestDrafts.PATIENT);
	}
}
