package org.consilium.records.fhirimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.consilium.RandomTexts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unsafe-content checks run in linear time (issue #11: the old tag pattern took 10.7 s of CPU on 40 kB of one
 * Condition's text and hours on 1 MB; the old event-handler pattern was quadratic on a run of {@code <}) and find what
 * the patterns found.
 */
class UnsafeContentRulesTests {

	/** The patterns the scanners replace, only run here on short texts to compare. */
	private static final Pattern OLD_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?\\s*>");

	private static final Pattern OLD_EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static List<String> problemsOfConditionText(String text) {
		ObjectNode condition = JSON.createObjectNode().put("resourceType", "Condition");
		condition.putObject("code").put("text", text);
		List<String> problems = new ArrayList<>();
		UnsafeContentRules.check(condition, "Condition", problems);
		return problems;
	}

	/** 40 kB is the input of the issue; 1 MB and 4 MB would not finish within hours on the old pattern. */
	@ParameterizedTest
	@ValueSource(ints = { 40_000, 1_000_000, 4_000_000 })
	void aLongOpenTagWithoutItsEndIsNoTag(int spaces) {
		assertThat(problemsOfConditionText("<a " + " ".repeat(spaces))).isEmpty();
		assertThat(problemsOfConditionText("<a " + " ".repeat(spaces) + "x>")).singleElement().asString()
			.contains("Condition.code.text: the text contains an embedded HTML tag '<a ");
	}

	@ParameterizedTest
	@ValueSource(ints = { 40_000, 1_000_000 })
	void manyOpeningBracketsAreCheckedInOnePass(int count) {
		assertThat(problemsOfConditionText("<".repeat(count) + "/")).isEmpty();
		assertThat(UnsafeContentRules.hasEventHandler("<".repeat(count) + " onx")).isFalse();
		assertThat(UnsafeContentRules.hasEventHandler("<".repeat(count) + " onclick =")).isTrue();
		assertThat(UnsafeContentRules.hasEventHandler("<a" + " on".repeat(count / 3) + ">")).isFalse();
	}

	@Test
	void aNarrativeWithAnEventHandlerIsRefused() {
		List<String> problems = new ArrayList<>();
		ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient");
		patient.putObject("text").put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\"\n OnError = \"alert(1)\"/></div>");
		UnsafeContentRules.check(patient, "Patient", problems);
		assertThat(problems).singleElement().asString().contains("Patient.text.div: the narrative contains an event handler");
	}

	/** On 200,000 random short texts from the characters that matter, the scanners find exactly what the patterns found. */
	@Test
	void theScannersFindWhatThePatternsFound() {
		RandomTexts.ofCharacters(200_000, 14, "<>/ \t\naAzZ09:-=oOnN!x").forEach(s -> {
			Matcher tag = OLD_TAG.matcher(s);
			assertThat(UnsafeContentRules.firstHtmlTag(s)).as("tag in [%s]", s).isEqualTo(tag.find() ? tag.group() : null);
			assertThat(UnsafeContentRules.hasEventHandler(s)).as("event handler in [%s]", s)
				.isEqualTo(OLD_EVENT_HANDLER.matcher(s).find());
		});
	}
}
