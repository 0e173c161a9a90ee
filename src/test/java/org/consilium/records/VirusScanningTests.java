package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.OutsideServices;
import org.consilium.OutsideServicesIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.notification.MutableClock;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * Uploads scanned by a real clamd (the JVM's, {@link OutsideServices}): the EICAR test file is quarantined, shown as
 * such, and never served.
 */
@OutsideServicesIntegrationTest
class VirusScanningTests {

	/** Fails with the package to install when clamd is missing (the context then scans nothing). */
	@BeforeAll
	static void clamdRuns() {
		OutsideServices.clamd();
	}

	@Autowired
	RecordsManagement records;

	@Autowired
	IntakeManagement intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.consilium.intake.TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Test
	void theEicarTestFileIsQuarantinedShownAsInfectedAndNeverServed() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient);
		DocumentView infected = records.uploadDocument(patient, new CaseId(caseId), "eicar.txt", new ByteArrayInputStream(TestFiles.EICAR));
		clock.advance(Duration.ofSeconds(1)); // the context's clock stands still: the records list the uploads in order
		DocumentView clean = records.uploadDocument(patient, new CaseId(caseId), "Befund.pdf", new ByteArrayInputStream(TestFiles.pdf()));

		assertThat(infected.scanStatus()).isEqualTo(ScanStatus.INFECTED);
		assertThat(infected.viewableInline()).isFalse();
		assertThat(clean.scanStatus()).isEqualTo(ScanStatus.SCANNED);
		assertThat(jdbc.sql("SELECT scan_signature FROM records.document WHERE id = ?").param(infected.id().value()).query(String.class).single())
			.startsWith("Eicar-Test-Signature");
		assertThatThrownBy(() -> records.openDocument(patient, new CaseId(caseId), infected.id())).isInstanceOf(DocumentQuarantinedException.class);
		assertThat(records.records(patient, new CaseId(caseId)).documents()).extracting(DocumentView::scanStatus)
			.containsExactly(ScanStatus.INFECTED, ScanStatus.SCANNED);

		var auth = authentication(TestAccounts.authentication(patient));
		String page = mvc.perform(get("/cases/{id}/records", caseId).with(auth)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("infected (quarantined)").contains(">scanned<")
			.doesNotContain("/documents/" + infected.id() + "\"").contains("/documents/" + clean.id() + "\"");
		assertThat(mvc.perform(get("/cases/{id}/documents/{d}", caseId, infected.id()).with(auth)).andReturn().getResponse().getStatus())
			.isEqualTo(409);
		String api = mvc.perform(get("/api/cases/{id}/records", caseId).with(auth)).andReturn().getResponse().getContentAsString();
		assertThat(api).contains("\"scanStatus\":\"INFECTED\"").contains("\"scanStatus\":\"SCANNED\"");
	}
}
