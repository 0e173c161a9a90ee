package org.consilium.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;

/**
 * The clinical summary on a real PostgreSQL, from real Bundles: every observation of an import is kept with its
 * quantities, the records page writes values and units as people do with a trend for repeated results, tells a coded
 * "no known allergies" from none recorded, links each row to its source entry, and an import from before every
 * resource was kept is marked partial until the same Bundle is imported again.
 */
@ConsiliumIntegrationTest
class ClinicalSummaryCaseTests {

	static final Path FHIR = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "fhir");

	static final Path LATANYA = FHIR.resolve("synthea-smart-r4-2019/Latanya_Kohler_b1670114-0be0-40c5-8dab-81a4adbe1935.json");

	@Autowired
	RecordsManagement records;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void everyObservationIsStoredWithItsQuantitiesAndThePageShowsThemAsCliniciansReadThem() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		CaseId caseId = new CaseId(cases.draft(patient));
		records.importFhirBundle(patient, caseId, "Latanya_Kohler.json", Files.readAllBytes(LATANYA), true);

		ClinicalSummary summary = records.records(patient, caseId).summary();
		assertThat(summary.observations()).as("all 262 observations").hasSize(262);
		assertThat(summary.observations()).filteredOn(o -> "29463-7".equals(o.code())).hasSize(9)
			.allSatisfy(o -> assertThat(o.kind()).isEqualTo("vital-signs"));
		SummaryEntry a1c = summary.observations().stream().filter(o -> "4548-4".equals(o.code()) && "2020-05-02T16:42:50+00:00".equals(o.date()))
			.findFirst().orElseThrow();
		assertThat(a1c.measurements()).as("the number keeps the digits the source wrote")
			.containsExactly(new Measurement(null, null, null, new BigDecimal("6.00803639207583"), "%", true));

		String page = page(patient, "/cases/" + caseId + "/records");
		assertThat(page).contains("6.01%", "mmHg", "kg/m²", "<svg class=\"trend\"", "Trend of Body Weight", "None recorded",
				"Latanya_Kohler.json, ").doesNotContain("mm[Hg]", "6.00803639207583%", "{score}");
		Matcher link = Pattern.compile("/cases/" + caseId + "/records/entries/(\\d+)").matcher(page);
		assertThat(link.find()).as("each row links to its source entry").isTrue();
		assertThat(page(patient, link.group()).replace("&#39;", "'")).contains("Entry in the file", "urn:uuid:", "Latanya_Kohler.json, imported");

		String filtered = page(patient, "/cases/" + caseId + "/records?q=glucose");
		assertThat(filtered).contains("Trend of Glucose").doesNotContain("Trend of Body Weight");
	}

	@Test
	void aCodedNoKnownAllergyReadsNoKnownAllergiesNotNoneRecorded() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		CaseId caseId = new CaseId(cases.draft(patient));
		String nka = Files.readString(FHIR.resolve("ips-2.0.0/bundles/Bundle-bundle-minimal.json")).replace("\"764146007\"", "\"716186003\"")
			.replace("Substance with penicillin structure (substance)", "No known allergy (situation)");
		records.importFhirBundle(patient, caseId, "ips.json", nka.getBytes(StandardCharsets.UTF_8), true);

		String page = page(patient, "/cases/" + caseId + "/records");

		assertThat(page).contains("No known allergies").doesNotContain("None recorded</strong>");
	}

	@Test
	void anImportFromBeforeEveryResourceWasKeptIsPartialUntilTheSameBundleIsImportedAgain() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		CaseId caseId = new CaseId(cases.draft(patient));
		byte[] bundle = Files.readAllBytes(LATANYA);
		FhirImportView first = records.importFhirBundle(patient, caseId, "Latanya_Kohler.json", bundle, true);
		// as an import stored before migration V6 of the records schema reads: only the latest observation per code
		jdbc.sql("UPDATE records.fhir_import SET summary_complete = false WHERE id = ?").param(first.id()).update();

		assertThat(records.records(patient, caseId).imports()).singleElement().satisfies(i -> assertThat(i.partial()).isTrue());
		assertThat(page(patient, "/cases/" + caseId + "/records")).contains("id=\"summary-partial\"", "incomplete: latest value per observation only");

		FhirImportView again = records.importFhirBundle(patient, caseId, "Latanya_Kohler.json", bundle, true);

		assertThat(records.records(patient, caseId).imports()).singleElement()
			.satisfies(i -> assertThat(i.id()).isEqualTo(again.id()))
			.satisfies(i -> assertThat(i.partial()).isFalse());
		assertThat(jdbc.sql("SELECT void_reason FROM records.fhir_import WHERE id = ?").param(first.id()).query(String.class).single())
			.isEqualTo(FhirImports.REPLACED);
		assertThat(records.records(patient, caseId).summary().observations()).as("the partial import's rows are gone with it").hasSize(262);
		assertThat(page(patient, "/cases/" + caseId + "/records")).doesNotContain("id=\"summary-partial\"");
	}

	private String page(Actor actor, String path) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", "en-US").with(authentication(TestAccounts.authentication(actor))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
