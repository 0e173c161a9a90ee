package org.consilium.records.fhirimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;

/**
 * Fuzz targets of the FHIR import's own rules (issue #11): the strict JSON reading of {@link BundleJson}, then
 * {@link BundleStructureRules} and {@link UnsafeContentRules} on what it parsed, as {@link FhirBundleImporter} applies
 * them before HAPI's validator. Seeds: {@code src/test/resources/org/consilium/records/fhirimport/FhirRulesFuzzTestsInputs/<method>/},
 * among them the 40 kB open tag of issue #11; {@code bench/fuzz.sh <method> <minutes>} fuzzes one.
 */
@Tag("fuzz")
class FhirRulesFuzzTests {

	private static final BundleJson JSON = new BundleJson(new FhirImportLimits(1024 * 1024, 1_000, 100));

	private static final Pattern OLD_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?\\s*>");

	private static final ObjectMapper MAPPER = new ObjectMapper();

	/** Any bytes through the importer's reading and Bundle rules: a refusal with reasons or problems, never an exception. */
	@FuzzTest(maxDuration = "60m")
	void bundleRules(byte[] bytes) {
		JsonNode root;
		try {
			String text = JSON.text(bytes);
			JSON.scan(text);
			root = JSON.parse(text);
		}
		catch (FhirImportRejectedException refused) {
			assertThat(refused.getMessage()).isNotBlank();
			return;
		}
		List<String> problems = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		BundleStructureRules rules = new BundleStructureRules(problems, warnings);
		rules.check(root, "Bundle");
		UnsafeContentRules.check(root, "Bundle", problems);
		BundleStructureRules.identified(root);
		assertThat(JSON.canonicalSha256(root)).hasSize(64);
	}

	/**
	 * Any text as a string value and as a narrative: the tag scanner finds what the old pattern found (compared on texts
	 * up to 300 characters, where the pattern is still quick), and the checks finish on texts of any length.
	 */
	@FuzzTest(maxDuration = "60m")
	void unsafeContent(byte[] bytes) {
		String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		ObjectNode condition = MAPPER.createObjectNode().put("resourceType", "Condition");
		condition.putObject("code").put("text", text);
		condition.putObject("text").put("div", text);
		List<String> problems = new ArrayList<>();
		UnsafeContentRules.check(condition, "Condition", problems);
		String tag = UnsafeContentRules.firstHtmlTag(text);
		if (text.length() <= 300) {
			Matcher old = OLD_TAG.matcher(text);
			assertThat(tag).isEqualTo(old.find() ? old.group() : null);
		}
		assertThat(problems.stream().anyMatch(p -> p.startsWith("Condition.code.text: the text contains an embedded HTML tag")))
			.isEqualTo(tag != null);
	}
}
