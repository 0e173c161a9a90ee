package org.consilium.records.fhirimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.consilium.records.ClinicalSummary;
import org.consilium.records.PatientDemographics;
import org.consilium.records.SummaryCategory;
import org.consilium.records.SummaryEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FhirBundleImporterTests {

	private static final Path DATA = Path.of(System.getProperty("consilium.shared-data", "../shared/data"));

	private static final Path SYNTHEA = DATA.resolve("fhir/synthea-smart-r4-2019");

	private static final Path IPS = DATA.resolve("fhir/ips-2.0.0/bundles");

	private static final Path INVALID = DATA.resolve("fhir-invalid/resources");

	/** For each invalid file: a fragment of the rejection that is specific to what is wrong with it. */
	private static final Map<String, String> FAULTS = Map.ofEntries(
			Map.entry("Observation-ex-pain.json", ".value.ofType(integer): The property 'value' is invalid"),
			Map.entry("ai3.json", "Unrecognized property 'unknownElement'"),
			Map.entry("attachment-with-invalid-binary.json", ".content.data: The value '%%%2@()()' is not a valid Base64 value"),
			Map.entry("attachment-with-wrong-size.json", "Stated Attachment Size 100 does not match actual attachment size 14"),
			Map.entry("bad-json-close-3.json", "line 16, column 9: Unexpected close marker '}'"),
			Map.entry("bad-markdown.json", "note[0].text: the text contains an embedded HTML tag '<resource type>'"),
			Map.entry("bundle-conditional-reference-bad.json", "not a valid query string (Device?identifier=1234&?==)"),
			Map.entry("bundle-document-versioned-references-bad.json", "Multiple matches in bundle for reference Observation/ObservationExample"),
			Map.entry("contained-resource.json", "Invalid Resource id: Too long (65 chars)"),
			Map.entry("empty-array.json", ".category[0].coding: Array cannot be empty"),
			Map.entry("hakan-se.json", ".authoredOn: If a date has a time, it must have a timezone"),
			Map.entry("json-comma-bad-1.json", "was expecting comma to separate Object entries"),
			Map.entry("json-comments-1.json", "(non-standard) comment"),
			Map.entry("json-comments.json", "Unrecognized property 'fhir_comments'"),
			Map.entry("list-xhtml-xxe.json", "text.div: the narrative contains a DOCTYPE or ENTITY declaration"),
			Map.entry("mni-patientOverview-bundle-example1.json", "entry[0].fullUrl: the fullUrl must be an absolute URL (not 'Composition/1')"),
			Map.entry("pat-security-bad-string.json", "name[0].text: the text contains an embedded HTML tag '<script>'"),
			Map.entry("pat-security-bad-xhtml.json", "text.div: the narrative contains the element 'script'"),
			Map.entry("patient-id-bad-1.json", ".id: Invalid Resource id: Invalid Characters ('bad-id_1')"),
			Map.entry("patient-id-bad-2.json", ".id: Invalid Resource id: Invalid Characters ('bad-id 1')"),
			Map.entry("risk-assessment-probability-range.json", ".prediction[0]: Constraint failed: ras-2"),
			Map.entry("synthea.json", ".reasonCode: The property reasonCode must be a JSON Array, not an Object"));

	private static final Path SPEC = DATA.resolve("fhir/r4-spec-examples/bundles");

	/**
	 * Every FHIR R4 specification example Bundle: empty when it imports, else a fragment of its rejection. The
	 * rejected ones are not patient records (message, transaction-response), hold several Patients, or break a rule
	 * of their own (fullUrls that disagree with ids, an undefined sub-extension, a reference that the fullUrl rules
	 * cannot resolve).
	 */
	private static final Map<String, String> SPEC_OUTCOMES = new java.util.TreeMap<>(Map.ofEntries(
			Map.entry("Bundle-101.json", ""),
			Map.entry("Bundle-10bb101f-a121-4264-a920-67be9cb82c74.json", "a Bundle of type 'message' is not a patient record"),
			Map.entry("Bundle-bundle-references.json", "the Bundle holds 4 Patient resources"),
			Map.entry("Bundle-bundle-response.json", "a Bundle of type 'transaction-response' is not a patient record"),
			Map.entry("Bundle-bundle-transaction.json", "the Bundle holds 5 Patient resources"),
			Map.entry("Bundle-dg2.json", ""),
			Map.entry("Bundle-f001.json", ""),
			Map.entry("Bundle-f202.json", ""),
			Map.entry("Bundle-father.json", "Can't find 'Practitioner/example' in the bundle (Bundle.entry[5].resource.requester)"),
			Map.entry("Bundle-ghp.json", ""),
			Map.entry("Bundle-hla-1.json", "Sub-extension url 'uri' is not defined"),
			Map.entry("Bundle-lipids.json", ""),
			Map.entry("Bundle-lri-example.json",
					"the fullUrl 'http://test.fhir.org/r4/Observation/lri-gramstain1' does not agree with the resource Observation/gramstain1"),
			Map.entry("Bundle-micro.json", ""),
			Map.entry("Bundle-report.json", ""),
			Map.entry("Bundle-xds.json", "")));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static FhirBundleImporter importer;

	@BeforeAll
	static void buildAndWarmTheImporterOnce() {
		importer = new FhirBundleImporter();
		importer.warmUp();
	}

	static Stream<Path> realBundles() throws IOException {
		return Stream.concat(list(SYNTHEA), list(IPS));
	}

	static Stream<Path> invalidResources() throws IOException {
		return list(INVALID);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("realBundles")
	void importsEveryRealBundleWithOneSummaryRowPerResource(Path file) throws Exception {
		byte[] bytes = Files.readAllBytes(file);
		Map<String, Integer> counts = countResourceTypes(bytes);

		FhirImport result = importer.importBundle(bytes);

		ClinicalSummary summary = result.summary();
		assertThat(summary.conditions()).hasSize(counts.getOrDefault("Condition", 0));
		assertThat(summary.medications())
			.hasSize(counts.getOrDefault("MedicationRequest", 0) + counts.getOrDefault("MedicationStatement", 0));
		assertThat(summary.allergies()).hasSize(counts.getOrDefault("AllergyIntolerance", 0));
		assertThat(summary.procedures()).hasSize(counts.getOrDefault("Procedure", 0));
		assertThat(summary.observations()).as("every observation is kept").hasSize(counts.getOrDefault("Observation", 0));
		assertThat(result.entryCount()).isEqualTo(counts.get("entries"));
		assertThat(result.bundleType()).isIn("transaction", "document");
		assertThat(result.patient() == null).isEqualTo(counts.getOrDefault("Patient", 0) == 0);
	}

	@Test
	void summarisesASyntheaPatientWithExactRowsAndEveryObservation() throws Exception {
		FhirImport result = importer.importBundle(
				Files.readAllBytes(SYNTHEA.resolve("Latanya_Kohler_b1670114-0be0-40c5-8dab-81a4adbe1935.json")));

		assertThat(result.patient()).isEqualTo(new PatientDemographics("Kohler", "Latanya", LocalDate.of(1949, 5, 14), "female"));
		assertThat(result.bundleType()).isEqualTo("transaction");
		assertThat(result.entryCount()).isEqualTo(444);
		ClinicalSummary summary = result.summary();
		assertThat(summary.conditions()).first()
			.isEqualTo(new SummaryEntry(SummaryCategory.CONDITION, "http://snomed.info/sct", "38341003", "Hypertension",
					"1968-05-18T16:42:50+00:00", null, "active", "urn:uuid:c6608b08-2ce1-4ff4-9bbc-9f7fa955e6d1"));
		assertThat(summary.conditions()).contains(new SummaryEntry(SummaryCategory.CONDITION, "http://snomed.info/sct",
				"444814009", "Viral sinusitis (disorder)", "2013-03-22T16:42:50+00:00", null, "resolved",
				"urn:uuid:34a4a165-d921-4fd4-8ea9-b971841967e6"));
		assertThat(summary.medications()).contains(new SummaryEntry(SummaryCategory.MEDICATION,
				"http://www.nlm.nih.gov/research/umls/rxnorm", "562251",
				"Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet", "2013-03-22T16:42:50+00:00", null, "stopped",
				"urn:uuid:c2d3436c-3a72-4126-8018-831eafeb99cd"));
		assertThat(summary.procedures()).last()
			.isEqualTo(new SummaryEntry(SummaryCategory.PROCEDURE, "http://snomed.info/sct", "73761001", "Colonoscopy",
					"2020-08-02T16:42:50+00:00", null, "completed", "urn:uuid:371564ff-9f5f-4065-891d-6cf20c67f52b"));
		assertThat(summary.observations()).as("all 262 observations of 41 codes").hasSize(262);
		assertThat(summary.observations().stream().map(SummaryEntry::code).distinct().count()).isEqualTo(41);
		assertThat(summary.observations().stream().filter(o -> "29463-7".equals(o.code()))).as("every body weight").hasSize(9);
		SummaryEntry a1c = observation(summary, "4548-4");
		assertThat(a1c).usingRecursiveComparison().ignoringFields("kind", "measurements").isEqualTo(new SummaryEntry(SummaryCategory.OBSERVATION,
				"http://loinc.org", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "2020-05-02T16:42:50+00:00",
				"6.00803639207583 %", "final", "urn:uuid:b10699eb-beed-40b1-a647-d6bdbdd8ce2a"));
		assertThat(a1c.kind()).isEqualTo("laboratory");
		assertThat(a1c.measurements()).containsExactly(new org.consilium.records.Measurement(null, null, null,
				new java.math.BigDecimal("6.00803639207583"), "%", true));
		assertThat(observation(summary, "72166-2").value()).isEqualTo("Never smoker");
		SummaryEntry bloodPressure = observation(summary, "55284-4");
		assertThat(bloodPressure.sourceEntry()).isEqualTo("urn:uuid:e6d5de41-2677-4565-b738-0b4af11d2a99");
		assertThat(bloodPressure.value())
			.startsWith("Diastolic Blood Pressure: 94.06368358768374 mm[Hg]; Systolic Blood Pressure: ");
	}

	@Test
	void summarisesAnInternationalPatientSummaryResolvingMedicationReferences() throws Exception {
		FhirImport result = importer.importBundle(Files.readAllBytes(IPS.resolve("Bundle-IPS-examples-Bundle-01.json")));

		assertThat(result.bundleType()).isEqualTo("document");
		assertThat(result.patient()).isEqualTo(new PatientDemographics("DeLarosa", "Martha", LocalDate.of(1972, 5, 1), "female"));
		ClinicalSummary summary = result.summary();
		assertThat(summary.conditions()).containsExactly(
				new SummaryEntry(SummaryCategory.CONDITION, "http://snomed.info/sct", "198436008",
						"Menopausal flushing (finding)", "2015", null, "active",
						"urn:uuid:c64139e7-f02d-409c-bf34-75e8bf23bc80"),
				new SummaryEntry(SummaryCategory.CONDITION, "http://snomed.info/sct", "254837009",
						"Malignant tumor of breast", "2015-01", null, "remission",
						"urn:uuid:c4597aa2-688a-401b-a658-70acc6de28c6"));
		assertThat(summary.medications()).first()
			.isEqualTo(new SummaryEntry(SummaryCategory.MEDICATION, "http://snomed.info/sct", "108774000",
					"Product containing anastrozole (medicinal product)", "2015-03", null, "active",
					"urn:uuid:c220e36c-eb67-4fc4-9ba1-2fabc52acec6"));
		assertThat(summary.allergies()).first()
			.isEqualTo(new SummaryEntry(SummaryCategory.ALLERGY, "http://snomed.info/sct", "764146007",
					"Substance with penicillin structure (substance)", "2010", null, "active",
					"urn:uuid:72884cad-ebe6-4f43-a51a-2f978275f132"));
		assertThat(observation(summary, "17856-6")).usingRecursiveComparison().ignoringFields("kind", "measurements").isEqualTo(new SummaryEntry(SummaryCategory.OBSERVATION,
				"http://loinc.org", "17856-6", "Hemoglobin A1c/Hemoglobin.total in Blood by HPLC",
				"2017-11-10T08:20:00+01:00", "7.5 %", "final", "urn:uuid:cc354e00-a419-47ea-8b6c-1768b2a01646"));
		assertThat(observation(summary, "882-1").value()).isEqualTo("Blood group A Rh(D) positive");
	}

	@Test
	void summarisesAllergiesByTheirRecordedDateWhenNoOnsetIsGiven() throws Exception {
		FhirImport result = importer.importBundle(
				Files.readAllBytes(SYNTHEA.resolve("Fidel_Bins_79dabd54-65a3-41b3-8975-e868bffce1e1.json")));

		assertThat(result.patient()).isEqualTo(new PatientDemographics("Bins", "Fidel", LocalDate.of(1976, 5, 30), "male"));
		assertThat(result.summary().allergies()).hasSize(7)
			.first()
			.isEqualTo(new SummaryEntry(SummaryCategory.ALLERGY, "http://snomed.info/sct", "300916003", "Latex allergy",
					"1977-11-01T03:39:04+00:00", null, "active", "urn:uuid:4a6c3d6b-0949-4d63-9a49-6e26cfe0a9f8"));
		assertThat(result.summary().allergies()).extracting(SummaryEntry::display)
			.contains("Allergy to mould", "House dust mite allergy", "Allergy to nut");
	}

	static Stream<Path> specificationExamples() throws IOException {
		return list(SPEC);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("specificationExamples")
	void importsOrRejectsEverySpecificationExampleBundleAsTheTableSays(Path file) throws Exception {
		assertThat(SPEC_OUTCOMES).as("every example has an expected outcome").containsKey(file.getFileName().toString());
		String rejection = SPEC_OUTCOMES.get(file.getFileName().toString());
		byte[] bytes = Files.readAllBytes(file);
		if (rejection.isEmpty()) {
			FhirImport result = importer.importBundle(bytes);
			assertThat(result.entryCount()).isEqualTo(countResourceTypes(bytes).get("entries"));
		}
		else {
			assertThat(reject(bytes).getMessage()).contains(rejection);
		}
	}

	@Test
	void theSpecificationExampleTableCoversEveryFile() throws IOException {
		assertThat(list(SPEC).map(f -> f.getFileName().toString())).containsExactlyElementsOf(SPEC_OUTCOMES.keySet());
	}

	@Test
	void rejectsABundleWithMoreEntriesThanTheLimitBeforeValidatingIt() {
		FhirBundleImporter small = new FhirBundleImporter(new FhirImportLimits(1024 * 1024, 3, 100));
		StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
		for (int i = 0; i < 4; i++) {
			bundle.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Basic\"}}");
		}
		bundle.append("]}");

		FhirImportRejectedException rejection = catchThrowableOfType(FhirImportRejectedException.class,
				() -> small.importBundle(bundle.toString().getBytes(StandardCharsets.UTF_8)));

		assertThat(rejection.getMessage()).contains("the Bundle has more than 3 entries").doesNotContain("Basic.code");
	}

	@Test
	void rejectsJsonNestedDeeperThanTheLimitWithItsPosition() {
		String deep = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

		assertThat(reject(deep.getBytes(StandardCharsets.UTF_8)).getMessage())
			.contains("nested deeper than 100 levels").contains("line 1, column");
	}

	@Test
	void rejectsAFileLargerThanTheLimitWithoutReadingIt() {
		FhirBundleImporter small = new FhirBundleImporter(new FhirImportLimits(1000, 10, 100));

		FhirImportRejectedException rejection = catchThrowableOfType(FhirImportRejectedException.class,
				() -> small.importBundle(new byte[1001]));

		assertThat(rejection.getMessage()).contains("larger than 1000 bytes");
	}

	@Test
	void reportsProgressUpToEveryEntry() throws Exception {
		byte[] bytes = Files.readAllBytes(SYNTHEA.resolve("Latanya_Kohler_b1670114-0be0-40c5-8dab-81a4adbe1935.json"));
		List<int[]> reports = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

		importer.importBundle(bytes, (validated, total) -> reports.add(new int[] { validated, total }));

		assertThat(reports.get(0)).containsExactly(0, 444);
		assertThat(reports).anySatisfy(r -> assertThat(r).containsExactly(444, 444));
		assertThat(reports).hasSizeGreaterThan(2).allSatisfy(r -> assertThat(r[0]).isBetween(0, 444));
	}

	@Test
	void resolvesAConditionalReferenceToTheOneEntryWithThatIdentifier() throws Exception {
		FhirImport result = importer.importBundle(conditionalTransaction(1, "Organization?identifier=http://example.org/org|42")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(result.conditionalReferences()).isEmpty();
		assertThat(result.identified()).containsExactly(new FhirImport.IdentifiedResource("Organization", "http://example.org/org", "42",
				"urn:uuid:aaaaaaaa-0000-4000-8000-000000000000"));
	}

	@Test
	void rejectsAConditionalReferenceThatMatchesTwoEntries() {
		assertThat(reject(conditionalTransaction(2, "Organization?identifier=42").getBytes(StandardCharsets.UTF_8)).getMessage())
			.contains("Multiple matches in bundle for conditional reference Organization?identifier=42 (2 entries");
	}

	@Test
	void handsOnAConditionalReferenceThatNoEntryMatches() throws Exception {
		FhirImport result = importer.importBundle(conditionalTransaction(1, "Organization?identifier=http%3A%2F%2Fexample.org%2Forg%7C43")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(result.conditionalReferences()).singleElement()
			.satisfies(r -> assertThat(List.of(r.resourceType(), r.system(), r.value())).containsExactly("Organization", "http://example.org/org", "43"));
	}

	@Test
	void rejectsAConditionalReferenceThatSearchesByAnythingButIdentifier() {
		assertThat(reject(conditionalTransaction(1, "Organization?name=Acme").getBytes(StandardCharsets.UTF_8)).getMessage())
			.contains("only a search by one identifier");
	}

	/** A transaction with {@code organizations} Organizations of identifier 42 and an Encounter referring to {@code reference}. */
	static String conditionalTransaction(int organizations, String reference) {
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < organizations; i++) {
			entries.append(",{\"fullUrl\":\"urn:uuid:aaaaaaaa-0000-4000-8000-00000000000").append(i).append("\",")
				.append("\"resource\":{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"http://example.org/org\",\"value\":\"42\"}],")
				.append("\"name\":\"Clinic ").append(i).append("\"},\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}");
		}
		return """
				{"resourceType":"Bundle","type":"transaction","entry":[
				{"fullUrl":"urn:uuid:bbbbbbbb-0000-4000-8000-000000000000","resource":{"resourceType":"Encounter","status":"finished",
				"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
				"serviceProvider":{"reference":"%s"}},"request":{"method":"POST","url":"Encounter"}}%s]}
				""".formatted(reference, entries);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidResources")
	void rejectsEveryInvalidResourceUploadedAloneNamingItsFault(Path file) throws Exception {
		String fault = FAULTS.get(file.getFileName().toString());
		assertThat(fault).as("expected fault for %s", file.getFileName()).isNotNull();

		FhirImportRejectedException rejection = reject(Files.readAllBytes(file));

		assertThat(rejection.getMessage()).contains(fault);
		assertThat(rejection.problems()).isNotEmpty();
		if (!Files.readString(file).contains("\"Bundle\"") && !file.getFileName().toString().startsWith("json-")) {
			assertThat(rejection.getMessage()).contains("not a FHIR Bundle");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidResources")
	void rejectsEveryInvalidResourceWrappedInACollectionForItsOwnFault(Path file) throws Exception {
		String fault = FAULTS.get(file.getFileName().toString());
		String wrapped = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":\"urn:uuid:"
				+ UUID.randomUUID() + "\",\"resource\":" + Files.readString(file) + "}]}";

		FhirImportRejectedException rejection = reject(wrapped.getBytes(StandardCharsets.UTF_8));

		assertThat(rejection.getMessage()).contains(fault).doesNotContain("not a FHIR Bundle");
	}

	@ParameterizedTest
	@ValueSource(strings = { "message", "searchset", "history", "transaction-response", "batch-response" })
	void rejectsBundlesThatAreNotAPatientRecord(String type) throws Exception {
		String bundle = minimalCollection().replace("\"collection\"", "\"" + type + "\"");

		FhirImportRejectedException rejection = reject(bundle.getBytes(StandardCharsets.UTF_8));

		assertThat(rejection.getMessage()).contains("type '" + type + "' is not a patient record");
	}

	@Test
	void rejectsABundleAboutTwoPatients() {
		String bundle = """
				{"resourceType":"Bundle","type":"collection","entry":[
				{"fullUrl":"urn:uuid:6d0c4a3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f","resource":{"resourceType":"Patient","name":[{"family":"One"}]}},
				{"fullUrl":"urn:uuid:7e1d5b4f-2a3c-4d6e-9f0a-1b2c3d4e5f60","resource":{"resourceType":"Patient","name":[{"family":"Two"}]}}]}
				""";

		assertThat(reject(bundle.getBytes(StandardCharsets.UTF_8)).getMessage())
			.contains("holds 2 Patient resources");
	}

	@Test
	void importsABundleStartingWithAByteOrderMark() throws Exception {
		byte[] bundle = Files.readAllBytes(IPS.resolve("Bundle-bundle-minimal.json"));
		byte[] withBom = new byte[bundle.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(bundle, 0, withBom, 3, bundle.length);

		FhirImport result = importer.importBundle(withBom);

		assertThat(result.bundleType()).isEqualTo("document");
		assertThat(result.summary().conditions()).hasSize(1);
	}

	@Test
	void reportsTheLineAndColumnOfAJsonSyntaxError() {
		String broken = "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\"\n  \"entry\": []\n}";

		assertThat(reject(broken.getBytes(StandardCharsets.UTF_8)).getMessage())
			.contains("not valid JSON")
			.contains("line 4, column 3");
	}

	@Test
	void warnsButImportsWhenAReferencePointsOutsideTheBundle() throws Exception {
		FhirImport result = importer.importBundle(minimalCollection().getBytes(StandardCharsets.UTF_8));

		assertThat(result.warnings()).anyMatch(w -> w.contains("'Patient/elsewhere' points to a resource outside the bundle"));
		assertThat(result.summary().observations()).singleElement()
			.satisfies(o -> assertThat(o.value()).isEqualTo("72.5 kg"));
	}

	@Test
	void rejectsANarrativeWithAnEventHandler() {
		String bundle = minimalCollection().replace("\"status\":\"final\"",
				"\"status\":\"final\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><img src=\\\"x\\\" onerror=\\\"alert(1)\\\"/></div>\"}");

		assertThat(reject(bundle.getBytes(StandardCharsets.UTF_8)).getMessage()).contains("event handler");
	}

	@Test
	void rejectsAFullUrlThatDisagreesWithTheResourceId() {
		String bundle = minimalCollection().replace("urn:uuid:0b3e5c1a-7d4f-4e2b-9a6c-8f1d2e3c4b5a",
				"http://example.org/fhir/Observation/other");

		assertThat(reject(bundle.getBytes(StandardCharsets.UTF_8)).getMessage())
			.contains("Bundle.entry[0].fullUrl: the fullUrl 'http://example.org/fhir/Observation/other' does not agree");
	}

	@Test
	void importsADocumentLargerThanOneValidationChunkWhoseSectionsReferToLaterEntries() throws Exception {
		int observations = 300;
		StringBuilder sectionEntries = new StringBuilder();
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < observations; i++) {
			String id = String.format("00000000-0000-4000-8000-%012d", i);
			sectionEntries.append(i == 0 ? "" : ",").append("{\"reference\":\"urn:uuid:").append(id).append("\"}");
			entries.append(",{\"fullUrl\":\"urn:uuid:").append(id).append("\",\"resource\":{\"resourceType\":\"Observation\",")
				.append("\"id\":\"").append(id).append("\",\"status\":\"final\",")
				.append("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\",\"display\":\"Body weight\"}]},")
				.append("\"subject\":{\"reference\":\"urn:uuid:11111111-1111-4111-8111-111111111111\"},")
				.append("\"effectiveDateTime\":\"2024-01-01T09:00:00+01:00\",")
				.append("\"valueQuantity\":{\"value\":").append(60 + i % 30)
				.append(",\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}}}");
		}
		String document = """
				{"resourceType":"Bundle","type":"document","timestamp":"2024-01-02T10:00:00+01:00",
				"identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:22222222-2222-4222-8222-222222222222"},
				"entry":[{"fullUrl":"urn:uuid:33333333-3333-4333-8333-333333333333","resource":{"resourceType":"Composition",
				"id":"33333333-3333-4333-8333-333333333333","status":"final",
				"type":{"coding":[{"system":"http://loinc.org","code":"60591-5"}]},
				"subject":{"reference":"urn:uuid:11111111-1111-4111-8111-111111111111"},"date":"2024-01-02",
				"author":[{"reference":"urn:uuid:11111111-1111-4111-8111-111111111111"}],"title":"Weights",
				"section":[{"title":"Vital signs","code":{"coding":[{"system":"http://loinc.org","code":"8716-3"}]},
				"entry":[%s]}]}},
				{"fullUrl":"urn:uuid:11111111-1111-4111-8111-111111111111","resource":{"resourceType":"Patient",
				"id":"11111111-1111-4111-8111-111111111111","name":[{"family":"Chunk","given":["Large"]}]}}%s]}
				""".formatted(sectionEntries, entries);

		FhirImport result = importer.importBundle(document.getBytes(StandardCharsets.UTF_8));

		assertThat(result.entryCount()).isEqualTo(observations + 2);
		assertThat(result.warnings()).noneMatch(w -> w.contains("outside the bundle"));
		assertThat(result.summary().observations()).as("every observation, in Bundle order").hasSize(observations).first()
			.satisfies(o -> assertThat(o.sourceEntry()).isEqualTo("urn:uuid:00000000-0000-4000-8000-000000000000"));
	}

	private static String minimalCollection() {
		return """
				{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:0b3e5c1a-7d4f-4e2b-9a6c-8f1d2e3c4b5a",
				"resource":{"resourceType":"Observation","id":"weight-1","status":"final",
				"code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body weight"}]},
				"subject":{"reference":"Patient/elsewhere"},"effectiveDateTime":"2024-03-01T09:00:00+01:00",
				"valueQuantity":{"value":72.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}}]}
				""";
	}

	private static FhirImportRejectedException reject(byte[] bytes) {
		FhirImportRejectedException rejection = catchThrowableOfType(FhirImportRejectedException.class,
				() -> importer.importBundle(bytes));
		assertThat(rejection).as("the import was expected to be rejected").isNotNull();
		return rejection;
	}

	private static SummaryEntry observation(ClinicalSummary summary, String loinc) {
		List<SummaryEntry> matching = summary.observations().stream().filter(o -> loinc.equals(o.code()))
			.sorted(java.util.Comparator.comparing(SummaryEntry::date).reversed()).toList();
		assertThat(matching).as("observations %s", loinc).isNotEmpty();
		return matching.get(0);
	}

	/** Counts resource types with a plain JSON walk, independently of the importer. */
	private static Map<String, Integer> countResourceTypes(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		JsonNode bundle = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
		Map<String, Integer> counts = new HashMap<>();
		for (JsonNode entry : bundle.path("entry")) {
			counts.merge(entry.path("resource").path("resourceType").asText(), 1, Integer::sum);
		}
		counts.put("entries", bundle.path("entry").size());
		return counts;
	}

	private static Stream<Path> list(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
		}
	}
}
