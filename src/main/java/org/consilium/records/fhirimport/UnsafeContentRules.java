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
 * Every check runs in time linear in the text: the tag and event-handler checks are scanners without backtracking
 * (a regular expression for them took seconds on 40 kB of text, issue #11), the remaining patterns have no quantifier
 * that can retry a character it has passed.
 */
final class UnsafeContentRules {

	private static final Pattern DECLARATION = Pattern.compile("(?i)<!\\s*(DOCTYPE|ENTITY)");

	private static final Pattern ACTIVE_ELEMENT = Pattern.compile(
			"(?i)<\\s*(script|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|base|meta|link|style|svg|math)\\b");

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
				String tag = firstHtmlTag(text);
				if (tag != null) {
					problems.add(path + ": the text contains an embedded HTML tag '" + shorten(tag)
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
		if (hasEventHandler(div)) {
			problems.add(path + ": the narrative contains an event handler attribute (on...=), which is not allowed"
					+ " in FHIR narrative (txt-1)");
		}
		if (SCRIPT_URL.matcher(div).find()) {
			problems.add(path + ": the narrative contains a script URL, which is not allowed in FHIR narrative");
		}
	}

	/**
	 * The first HTML tag in {@code text}, or null: {@code <}, optional white space and {@code /}, a letter, then letters,
	 * digits, {@code :} or {@code -}, then either {@code >} (optionally after {@code /} and white space) or white space
	 * and any text without {@code <} up to the next {@code >}. This is what the pattern
	 * {@code <\s*\/?\s*[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?\/?\s*>} found, in one pass: each {@code <} is looked at once
	 * and a scan from it stops at the next {@code <} or {@code >}.
	 */
	static String firstHtmlTag(String text) {
		int from = text.indexOf('<');
		while (from >= 0) {
			int end = tagEnd(text, from);
			if (end > 0) {
				return text.substring(from, end);
			}
			from = text.indexOf('<', from + 1);
		}
		return null;
	}

	/** The index after the tag starting with the {@code <} at {@code start}, or -1 when none starts there. */
	private static int tagEnd(String text, int start) {
		int i = skipSpace(text, start + 1);
		if (i < text.length() && text.charAt(i) == '/') {
			i = skipSpace(text, i + 1);
		}
		if (i >= text.length() || !isAsciiLetter(text.charAt(i))) {
			return -1;
		}
		i++;
		while (i < text.length() && (isAsciiLetter(text.charAt(i)) || isAsciiDigit(text.charAt(i)) || text.charAt(i) == ':'
				|| text.charAt(i) == '-')) {
			i++;
		}
		if (i < text.length() && isSpace(text.charAt(i))) {
			while (i < text.length() && text.charAt(i) != '<' && text.charAt(i) != '>') {
				i++;
			}
			return i < text.length() && text.charAt(i) == '>' ? i + 1 : -1;
		}
		if (i < text.length() && text.charAt(i) == '/') {
			i = skipSpace(text, i + 1);
		}
		return i < text.length() && text.charAt(i) == '>' ? i + 1 : -1;
	}

	/**
	 * Whether an attribute named {@code on...} is given a value inside a tag: after a {@code <} and before the next
	 * {@code >}, white space, {@code on} and at least one ASCII letter (any case), optional white space, {@code =}. The
	 * pattern {@code (?i)<[^>]*\son[a-z]+\s*=} in one pass.
	 */
	static boolean hasEventHandler(String div) {
		boolean inTag = false;
		int i = 0;
		while (i < div.length()) {
			char c = div.charAt(i);
			if (c == '<') {
				inTag = true;
			}
			else if (c == '>') {
				inTag = false;
			}
			else if (inTag && isSpace(c) && div.regionMatches(true, i + 1, "on", 0, 2)) {
				int j = i + 3;
				int letters = j;
				while (j < div.length() && isAsciiLetter(div.charAt(j))) {
					j++;
				}
				if (j > letters) {
					j = skipSpace(div, j);
					if (j < div.length() && div.charAt(j) == '=') {
						return true;
					}
				}
				i = Math.max(i + 1, j - 1); // j - 1 may be white space before another "on"; never back before i
				continue;
			}
			i++;
		}
		return false;
	}

	private static int skipSpace(String text, int from) {
		int i = from;
		while (i < text.length() && isSpace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/** White space as {@code \s} of {@link Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}
}
