package org.consilium.records.fhirimport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

import org.consilium.records.ClinicalSummary;

/**
 * Turns the bytes of an uploaded FHIR R4 JSON Bundle into a {@link ClinicalSummary}, or rejects it with every
 * problem found. Stores nothing.
 * <p>
 * Accepted: Bundles of type {@code transaction}, {@code collection}, {@code batch} and {@code document}
 * (e.g. an International Patient Summary), UTF-8 with or without a byte-order mark, holding at most one
 * Patient, within {@link FhirImportLimits} (size, entries, nesting depth). An import runs these steps; the first
 * two ({@link BundleJson}) stop at their first failure, the others report all their problems together:
 * <ol>
 * <li>the size limit, then one streaming pass over the JSON that enforces the nesting depth (Jackson's
 * {@link StreamReadConstraints}) and counts the top-level entries, stopping at the first entry beyond the limit;</li>
 * <li>strict JSON syntax (no comments, no duplicate keys, no trailing content), reported with line and column;</li>
 * <li>the root must be a Bundle of an accepted type; a single resource is rejected as "not a FHIR Bundle" and
 * is still validated, so that its own faults are reported too;</li>
 * <li>{@link BundleStructureRules} (fullUrls, references between entries, document and transaction rules);</li>
 * <li>HAPI's {@link FhirInstanceValidator} validates the Bundle offline against base R4, in chunks of at most
 * 250 entries or about 1 MB (a whole 9 MB Bundle took 71 s and 1.4 GB; entry by entry is 6 times slower
 * than whole), chunks in parallel; its findings are judged by {@link ValidatorFindingPolicy}, and findings
 * that need the entries of other chunks are left to {@link BundleStructureRules};</li>
 * <li>{@link UnsafeContentRules} on every string, markdown and narrative value;</li>
 * <li>strict parsing into the HAPI model ({@link StrictErrorHandler}).</li>
 * </ol>
 * Thread-safe: one shared {@link FhirContext} and one validator. Building them takes a few seconds and the
 * first validation about 15 s more; call {@link #warmUp()} at start-up. After that a 1.4 MB Synthea Bundle
 * (444 entries) takes about 2-4 s on two busy cores. Chunks are validated on the common fork-join pool.
 */
public final class FhirBundleImporter {

	/** Bundle types that carry a patient's record. https://hl7.org/fhir/R4/valueset-bundle-type.html */
	private static final Set<String> ACCEPTED_TYPES = Set.of("transaction", "collection", "batch", "document");

	private static final int MAX_WARNINGS = 200;

	private static final int CHUNK_ENTRIES = 250;

	private static final long CHUNK_CHARS = 1_000_000;

	private static final Pattern ENTRY_LOCATION = Pattern.compile("Bundle\\.entry\\[(\\d+)\\]");

	/** The most common resource types of patient records, so that their definitions are loaded by warm-up. */
	private static final String WARM_UP_BUNDLE = """
			{"resourceType":"Bundle","type":"collection","entry":[
			{"fullUrl":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60","resource":{"resourceType":"Patient",
			"id":"9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60","name":[{"use":"official","family":"Warm","given":["Up"]}],
			"gender":"unknown","birthDate":"1970-01-01"}},
			{"fullUrl":"urn:uuid:1c5e2f7a-8b3d-4e9f-a0b1-c2d3e4f5a6b7","resource":{"resourceType":"Encounter",
			"id":"1c5e2f7a-8b3d-4e9f-a0b1-c2d3e4f5a6b7","status":"finished",
			"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
			"subject":{"reference":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60"},
			"period":{"start":"2020-01-01T10:00:00Z","end":"2020-01-01T10:30:00Z"}}},
			{"fullUrl":"urn:uuid:3f1c2b6e-52a0-4d3b-9f60-0c8d7a1e2b44","resource":{"resourceType":"Observation",
			"id":"3f1c2b6e-52a0-4d3b-9f60-0c8d7a1e2b44","status":"final",
			"code":{"coding":[{"system":"http://loinc.org","code":"8302-2","display":"Body height"}]},
			"subject":{"reference":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60"},
			"effectiveDateTime":"2020-01-01T10:00:00Z",
			"valueQuantity":{"value":170,"unit":"cm","system":"http://unitsofmeasure.org","code":"cm"}}},
			{"fullUrl":"urn:uuid:5d2a8c1e-6f4b-4a3c-9d7e-2b1f0e9c8a76","resource":{"resourceType":"Condition",
			"id":"5d2a8c1e-6f4b-4a3c-9d7e-2b1f0e9c8a76",
			"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
			"code":{"coding":[{"system":"http://snomed.info/sct","code":"38341003","display":"Hypertension"}]},
			"subject":{"reference":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60"},"onsetDateTime":"2019-05-01"}},
			{"fullUrl":"urn:uuid:7b3e9d2f-1a4c-4b5d-8e6f-9a0b1c2d3e4f","resource":{"resourceType":"MedicationRequest",
			"id":"7b3e9d2f-1a4c-4b5d-8e6f-9a0b1c2d3e4f","status":"active","intent":"order",
			"medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"316049"}]},
			"subject":{"reference":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60"},"authoredOn":"2019-05-01"}},
			{"fullUrl":"urn:uuid:2e4f6a8c-0b1d-4c3e-9f5a-7b9c1d3e5f70","resource":{"resourceType":"Procedure",
			"id":"2e4f6a8c-0b1d-4c3e-9f5a-7b9c1d3e5f70","status":"completed",
			"code":{"coding":[{"system":"http://snomed.info/sct","code":"73761001","display":"Colonoscopy"}]},
			"subject":{"reference":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60"},"performedDateTime":"2019-06-01"}},
			{"fullUrl":"urn:uuid:4a6c8e0f-2b3d-4e5f-8a7b-9c0d1e2f3a4b","resource":{"resourceType":"AllergyIntolerance",
			"id":"4a6c8e0f-2b3d-4e5f-8a7b-9c0d1e2f3a4b",
			"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
			"code":{"coding":[{"system":"http://snomed.info/sct","code":"300916003","display":"Latex allergy"}]},
			"patient":{"reference":"urn:uuid:9a0e7c52-3d1b-4f6a-8e2d-5b7c9f1a3e60"}}}]}
			""";


	private final FhirContext context;

	private final FhirValidator validator;

	private final BundleJson json;

	private final FhirImportLimits limits;

	/** False only in the import benchmark, to measure everything but HAPI's validator. */
	private volatile boolean validating = true;

	/** Builds the FHIR R4 context and the offline base-R4 validator with the default limits; takes a few seconds. */
	FhirBundleImporter() {
		this(FhirImportLimits.DEFAULT);
	}

	/** Builds the FHIR R4 context and the offline base-R4 validator; takes a few seconds. */
	FhirBundleImporter(FhirImportLimits limits) {
		this.limits = limits;
		this.context = FhirContext.forR4();
		ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
				new CommonCodeSystemsTerminologyService(context),
				new InMemoryTerminologyServerValidationSupport(context),
				new SnapshotGeneratingValidationSupport(context));
		FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
		instanceValidator.setAnyExtensionsAllowed(true);
		instanceValidator.setErrorForUnknownProfiles(false);
		this.validator = context.newValidator();
		this.validator.setValidateAgainstStandardSchema(false);
		this.validator.setValidateAgainstStandardSchematron(false);
		this.validator.registerValidatorModule(instanceValidator);
		this.json = new BundleJson(limits);
	}

	/**
	 * Validates a tiny Bundle once, so that the validator's structure definitions and caches are loaded
	 * before the first real upload (the first validation takes 12-16 s, later ones a fraction of that).
	 */
	void warmUp() {
		try {
			importBundle(WARM_UP_BUNDLE.getBytes(StandardCharsets.UTF_8));
		}
		catch (FhirImportRejectedException e) {
			throw new IllegalStateException("The built-in warm-up Bundle was rejected: " + e.getMessage(), e);
		}
	}

	/**
	 * Imports an uploaded FHIR R4 JSON Bundle.
	 *
	 * @param json the file's bytes, UTF-8, optionally starting with a byte-order mark
	 * @return the summary, demographics and the warnings that did not stop the import
	 * @throws FhirImportRejectedException when the file is not UTF-8 JSON, not a Bundle of an accepted type,
	 *         breaks a FHIR R4 rule (each problem named with its element path), contains unsafe markup, or
	 *         holds more than one Patient
	 */
	FhirImport importBundle(byte[] json) throws FhirImportRejectedException {
		return importBundle(json, FhirImportProgress.NONE);
	}

	/** For the import benchmark only: turns HAPI's validator step off or on (every other step still runs). */
	void validating(boolean on) {
		validating = on;
	}

	/** For the import benchmark only: the validator with its support chain, to time it alone. */
	FhirValidator validator() {
		return validator;
	}

	/** The limits this importer enforces. */
	FhirImportLimits limits() {
		return limits;
	}

	/**
	 * Imports an uploaded FHIR R4 JSON Bundle as {@link #importBundle(byte[])} does, telling {@code progress} how many
	 * entries have been validated (after the streaming pass, then after each validated chunk).
	 */
	public FhirImport importBundle(byte[] json, FhirImportProgress progress) throws FhirImportRejectedException {
		String text = this.json.text(json);
		int[] entrySizes = this.json.scan(text);
		progress.validated(0, entrySizes.length);
		JsonNode root = this.json.parse(text);
		String resourceType = BundleStructureRules.text(root, "resourceType");
		if (resourceType == null) {
			throw new FhirImportRejectedException("the JSON is not a FHIR resource",
					List.of("the root object has no resourceType"));
		}
		if (!"Bundle".equals(resourceType)) {
			List<String> problems = new ArrayList<>();
			problems.add("the file holds a single " + resourceType + " resource, not a FHIR Bundle");
			validateResource(root, problems);
			UnsafeContentRules.check(root, resourceType, problems);
			throw new FhirImportRejectedException("it is not a FHIR Bundle", problems);
		}
		String bundleType = BundleStructureRules.text(root, "type");
		if (bundleType == null || !ACCEPTED_TYPES.contains(bundleType)) {
			throw new FhirImportRejectedException(
					(bundleType == null ? "a Bundle without a type" : "a Bundle of type '" + bundleType + "'")
							+ " is not a patient record; upload a transaction,"
							+ " collection, batch or document Bundle",
					List.of("Bundle.type: '" + bundleType + "' is not one of transaction, collection, batch, document"));
		}
		Set<String> problems = new LinkedHashSet<>();
		Set<String> warnings = new LinkedHashSet<>();
		List<String> ruleProblems = new ArrayList<>();
		List<String> ruleWarnings = new ArrayList<>();
		BundleStructureRules rules = new BundleStructureRules(ruleProblems, ruleWarnings);
		rules.check(root, "Bundle");
		problems.addAll(ruleProblems);
		warnings.addAll(ruleWarnings);
		JsonNode entries = root.path("entry");
		// Chunks are independent once the Bundle rules are checked: validate them in parallel, keep their order.
		AtomicInteger validated = new AtomicInteger();
		List<Findings> findings = !validating ? List.of() : chunks(entrySizes).parallel().map(chunk -> {
			Findings found = validateChunk(root, chunk);
			progress.validated(validated.addAndGet(chunk.to() - chunk.from()), entries.size());
			return found;
		}).toList();
		for (Findings chunk : findings) {
			problems.addAll(chunk.problems());
			warnings.addAll(chunk.warnings());
		}
		int patients = 0;
		for (int i = 0; i < entries.size(); i++) {
			JsonNode resource = entries.get(i).path("resource");
			if (resource.isObject()) {
				List<String> unsafe = new ArrayList<>();
				UnsafeContentRules.check(resource, "Bundle.entry[" + i + "].resource", unsafe);
				problems.addAll(unsafe);
				patients += "Patient".equals(BundleStructureRules.text(resource, "resourceType")) ? 1 : 0;
			}
		}
		if (patients > 1) {
			problems.add("Bundle.entry: the Bundle holds " + patients
					+ " Patient resources; a record must be about one patient");
		}
		if (!problems.isEmpty()) {
			throw new FhirImportRejectedException(
					"the Bundle breaks " + problems.size() + " FHIR R4 or safety rule(s)", List.copyOf(problems));
		}
		Bundle bundle = parseStrictly(text);
		ClinicalSummaryAssembler assembler = new ClinicalSummaryAssembler(bundle);
		List<String> kept = warnings.stream().limit(MAX_WARNINGS).toList();
		if (warnings.size() > MAX_WARNINGS) {
			kept = new ArrayList<>(kept);
			kept.add((warnings.size() - MAX_WARNINGS) + " more warnings not shown");
		}
		return new FhirImport(assembler.summary(), kept, assembler.patient(), bundleType, entries.size(),
				BundleStructureRules.identified(root), rules.unresolved(), this.json.canonicalSha256(root));
	}

	private record Findings(List<String> problems, List<String> warnings) {
	}

	/** A run of consecutive entries, {@code [from, to)}. */
	private record Chunk(int from, int to) {
	}

	/**
	 * Splits the entries into runs of at most {@link #CHUNK_ENTRIES} entries and about {@link #CHUNK_CHARS}
	 * characters. Whole-Bundle validation is far cheaper per entry than validating entries one by one (0.8 s
	 * against 6 s for a 444-entry Synthea Bundle), but its memory grows with the Bundle (1.4 GB for 9 MB).
	 */
	private static Stream<Chunk> chunks(int[] entrySizes) {
		List<Chunk> chunks = new ArrayList<>();
		int from = 0;
		long chars = 0;
		for (int i = 0; i < entrySizes.length; i++) {
			chars += entrySizes[i];
			if (i + 1 - from >= CHUNK_ENTRIES || chars >= CHUNK_CHARS || i == entrySizes.length - 1) {
				chunks.add(new Chunk(from, i + 1));
				from = i + 1;
				chars = 0;
			}
		}
		if (chunks.isEmpty()) {
			chunks.add(new Chunk(0, 0));
		}
		return chunks.stream();
	}

	/**
	 * Validates the Bundle with only the chunk's entries. When the Bundle takes more than one chunk, findings
	 * that need the other chunks' entries (bdl-* invariants, a document's first entry, references and
	 * reachability "in the bundle") are dropped: {@link BundleStructureRules} checks the invariants and the
	 * references over the whole Bundle. Entry indexes in locations are mapped back to the whole Bundle.
	 */
	private Findings validateChunk(JsonNode root, Chunk chunk) {
		ObjectNode part = json.objectNode();
		root.fields().forEachRemaining(field -> {
			if (!"entry".equals(field.getKey())) {
				part.set(field.getKey(), field.getValue());
			}
		});
		if (chunk.from() > 0 && "document".equals(BundleStructureRules.text(root, "type"))) {
			part.put("type", "collection"); // a later chunk has no Composition to start from
		}
		ArrayNode entries = part.putArray("entry");
		for (int i = chunk.from(); i < chunk.to(); i++) {
			entries.add(root.path("entry").get(i));
		}
		if (entries.isEmpty()) {
			part.remove("entry");
		}
		List<String> problems = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (SingleValidationMessage finding : validator.validateWithResult(part.toString()).getMessages()) {
			String message = finding.getMessage() == null ? "" : finding.getMessage();
			if (chunk.from() > 0 || chunk.to() < root.path("entry").size()) {
				if (message.contains("bdl-") || message.contains("first entry") || message.contains("in the bundle")
						|| message.contains("isn't reachable")) {
					continue; // needs the whole Bundle; checked by BundleStructureRules
				}
			}
			String described = shift(finding.getLocationString(), chunk.from()) + ": " + message;
			switch (ValidatorFindingPolicy.judge(finding)) {
				case REJECT -> problems.add(described);
				case WARN -> warnings.add(described);
				case DROP -> {
				}
			}
		}
		return new Findings(problems, warnings);
	}

	private static String shift(String location, int offset) {
		if (location == null) {
			return "Bundle";
		}
		Matcher entry = ENTRY_LOCATION.matcher(location);
		if (offset == 0 || !entry.lookingAt()) {
			return location;
		}
		return "Bundle.entry[" + (Integer.parseInt(entry.group(1)) + offset) + "]" + location.substring(entry.end());
	}

	private void validateResource(JsonNode resource, List<String> problems) {
		for (SingleValidationMessage finding : validator.validateWithResult(resource.toString()).getMessages()) {
			if (ValidatorFindingPolicy.judge(finding) == ValidatorFindingPolicy.Verdict.REJECT) {
				problems.add(finding.getLocationString() + ": " + finding.getMessage());
			}
		}
	}

	private Bundle parseStrictly(String text) throws FhirImportRejectedException {
		try {
			return context.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
				.parseResource(Bundle.class, text);
		}
		catch (DataFormatException e) {
			throw new FhirImportRejectedException("the Bundle could not be read as FHIR R4",
					List.of(e.getMessage()));
		}
	}}
