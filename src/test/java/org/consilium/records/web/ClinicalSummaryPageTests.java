package org.consilium.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.consilium.records.ClinicalSummary;
import org.consilium.records.fhirimport.TestImports;
import org.consilium.records.web.ClinicalSummaryPage.AllergyState;
import org.consilium.records.web.ClinicalSummaryPage.Filter;
import org.consilium.records.web.ClinicalSummaryPage.Group;

/** The clinical summary as a clinician reads it, from real Bundles: Synthea's repeated observations, IPS allergies. */
class ClinicalSummaryPageTests {

	static final Path DATA = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "fhir");

	static final Path LATANYA = DATA.resolve("synthea-smart-r4-2019/Latanya_Kohler_b1670114-0be0-40c5-8dab-81a4adbe1935.json");

	static final Path IPS_MINIMAL = DATA.resolve("ips-2.0.0/bundles/Bundle-bundle-minimal.json");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void repeatedVitalSignsAndResultsAreGroupedNewestFirstWithATrendAndReadableValues() throws Exception {
		ClinicalSummaryPage page = ClinicalSummaryPage.of(TestImports.summary(Files.readAllBytes(LATANYA)), List.of(), Locale.US, BERLIN, Filter.NONE);

		Group weight = group(page.vitalSigns(), "29463-7");
		assertThat(weight.rows()).as("every one of the 9 weights is kept").hasSize(9);
		assertThat(weight.rows()).extracting(r -> r.date().epochSecond()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(weight.chart()).startsWith("<svg").contains("role=\"img\"", "<title id=\"" + weight.id() + "-title\">Trend of Body Weight</title>",
				"9 values from", "<polyline");
		assertThat(weight.latest().value()).matches("\\d+(\\.\\d)? kg");
		Group pressure = group(page.vitalSigns(), "55284-4");
		assertThat(pressure.rows()).hasSize(9).allSatisfy(r -> assertThat(r.value()).matches("\\d+/\\d+ mmHg"));
		assertThat(pressure.chart()).as("systolic and diastolic, two lines").containsPattern("(?s)<polyline.*<polyline");
		Group glucose = group(page.results(), "2339-0");
		assertThat(glucose.rows()).allSatisfy(r -> assertThat(r.value()).matches("\\d{2,3}(\\.\\d)? mg/dL"));
		assertThat(group(page.vitalSigns(), "39156-5").latest().value()).endsWith(" kg/m²");
		assertThat(page.allergies().state()).as("Synthea's Latanya Kohler has no allergy row").isEqualTo(AllergyState.NONE_RECORDED);
		assertThat(page.currentProblems()).allSatisfy(r -> assertThat(r.active()).isTrue());
		assertThat(page.pastProblems()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isIn("resolved", "inactive", "remission"));
	}

	@Test
	void aResultMeasuredTwiceHasNoTrendChart() throws Exception {
		ClinicalSummary all = TestImports.summary(Files.readAllBytes(LATANYA));
		ClinicalSummary twoWeights = new ClinicalSummary(List.of(), List.of(), List.of(), List.of(),
				all.observations().stream().filter(o -> "29463-7".equals(o.code())).limit(2).toList());

		Group weight = group(ClinicalSummaryPage.of(twoWeights, List.of(), Locale.US, BERLIN, Filter.NONE).vitalSigns(), "29463-7");

		assertThat(weight.rows()).hasSize(2);
		assertThat(weight.chart()).isNull();
	}

	@Test
	void datesAreShownInTheReadersLocaleAndTimeZoneWithTheSourcesPrecision() {
		assertThat(ReaderDates.of("2020-07-23T16:42:50+00:00", Locale.US, BERLIN).text()).isEqualTo("Jul 23, 2020, 6:42 PM");
		assertThat(ReaderDates.of("2020-07-23T23:42:50+00:00", Locale.GERMANY, BERLIN).day()).isEqualTo(LocalDate.of(2020, 7, 24));
		assertThat(ReaderDates.of("2015-01", Locale.US, BERLIN).text()).isEqualTo("Jan 2015");
		assertThat(ReaderDates.of("2015", Locale.US, BERLIN).text()).isEqualTo("2015");
	}

	@Test
	void filtersByTextAndDayAndCountsWhatIsShown() throws Exception {
		ClinicalSummary summary = TestImports.summary(Files.readAllBytes(LATANYA));

		ClinicalSummaryPage glucose = ClinicalSummaryPage.of(summary, List.of(), Locale.US, BERLIN, new Filter("glucose", null, null, false));
		ClinicalSummaryPage in2020 = ClinicalSummaryPage.of(summary, List.of(), Locale.US, BERLIN,
				new Filter(null, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), false));

		assertThat(glucose.results()).extracting(Group::code).containsExactly("2339-0");
		assertThat(glucose.shown()).isEqualTo(9).isLessThan(glucose.total());
		assertThat(in2020.vitalSigns()).isNotEmpty().allSatisfy(g -> assertThat(g.rows())
			.allSatisfy(r -> assertThat(r.date().day()).isBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))));
	}

	@Test
	void aCodedNoKnownAllergyIsToldApartFromNoneRecordedAndFromARecordedAllergy() throws Exception {
		String ips = Files.readString(IPS_MINIMAL);
		String noKnownAllergy = ips.replace("\"764146007\"", "\"716186003\"")
			.replace("Substance with penicillin structure (substance)", "No known allergy (situation)");

		ClinicalSummaryPage recorded = ClinicalSummaryPage.of(TestImports.summary(ips.getBytes(StandardCharsets.UTF_8)), List.of(), Locale.US, BERLIN, Filter.NONE);
		ClinicalSummaryPage nka = ClinicalSummaryPage.of(TestImports.summary(noKnownAllergy.getBytes(StandardCharsets.UTF_8)), List.of(), Locale.US,
				BERLIN, Filter.NONE);

		assertThat(recorded.allergies().state()).isEqualTo(AllergyState.RECORDED);
		assertThat(recorded.allergies().rows()).extracting(ClinicalSummaryPage.Row::code).containsExactly("764146007");
		assertThat(nka.allergies().state()).isEqualTo(AllergyState.NO_KNOWN_ALLERGIES);
		assertThat(nka.allergies().rows()).as("the statement is not listed as an allergy").isEmpty();
	}

	private static Group group(List<Group> groups, String loinc) {
		return groups.stream().filter(g -> loinc.equals(g.code())).findFirst().orElseThrow(() -> new AssertionError("no group " + loinc + " in " + groups));
	}
}
