package org.consilium.records.fhirimport;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Security rules that HAPI's validator reports only as warnings, or not at all, but that an upload must
 * pass because its text is later shown in the browser.
 * <ul>
 * <li>Narrative ({@code text.div}): no DOCTYPE or ENTITY declarations (XXE), no active elements such as
 * {@code script}, {@code iframe} or {@code form}, no event handler attributes, no {@code javascript:} URLs.
 * Source: FHIR R4 Narrative invariant txt-1, https://hl7.org/fhir/R4/narrative.html#security.</li>
 * <li>Every other string or markdown value: no embedded HTML tags. Source: the HL7 reference validator's
 * security checks, https://hl7.org/fhir/R4/security.html#narrative.</li>
 * </ul>
 */
final class UnsafeContentRules {

	private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?\\s*>");

	private static final Pattern DECLARATION = Pattern.compile("(?i)<!\\s*(DOCTYPE|ENTITY)");

	private static final Pattern ACTIVE_ELEMENT = Pattern.compile(
			"(?i)<\\s*(script|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|base|meta|link|style|svg|math)\\b");

	private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");

	private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(javascript|vbscript)\\s*:");

	private UnsafeContentRules() {
	}

	/**
	 * Adds one problem per unsafe value found anywhere in {@code resource}, naming its path.
	 *
	 * @param path the FHIR path of {@code resource}, e.g. {@code Patient} or {@code Bundle.entry[2].resource}
	 */
	static void check(JsonNode resource, String path, List<String> problems) {
		walk(resource, path, null, problems);
	}

	private static void walk(JsonNode node, String path, String key, List<String> problems) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				walk(field.getValue(), path + "." + field.getKey(), field.getKey(), problems);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), path + "[" + i + "]", key, problems);
			}
		}
		else if (node.isTextual()) {
			String text = node.asText();
			if ("div".equals(key)) {
				checkNarrative(text, path, problems);
			}
			else if (!"data".equals(key)) {
				Matcher tag = HTML_TAG.matcher(text);
				if (tag.find()) {
					problems.add(path + ": the text contains an embedded HTML tag '" + shorten(tag.group())
							+ "', which is not allowed in a string or markdown value for security reasons");
				}
			}
		}
	}

	private static void checkNarrative(String div, String path, List<String> problems) {
		if (DECLARATION.matcher(div).find()) {
			problems.add(path + ": the narrative contains a DOCTYPE or ENTITY declaration, which is not allowed"
					+ " (XXE security protection)");
		}
		Matcher active = ACTIVE_ELEMENT.matcher(div);
		if (active.find()) {
			problems.add(path + ": the narrative contains the element '" + active.group(1).toLowerCase()
					+ "', which is not allowed in FHIR narrative (txt-1)");
		}
		if (EVENT_HANDLER.matcher(div).find()) {
			problems.add(path + ": the narrative contains an event handler attribute (on...=), which is not allowed"
					+ " in FHIR narrative (txt-1)");
		}
		if (SCRIPT_URL.matcher(div).find()) {
			problems.add(path + ": the narrative contains a script URL, which is not allowed in FHIR narrative");
		}
	}

	private static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}
}
