package org.consilium.shared;

import java.util.Collection;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.exc.DeferredBindingException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON request body, in our words: the fault the parser reports (a streaming parser stops at the
 * first syntax error, so that is one; the collecting reader of {@link CollectingJsonConverter} reports every binding
 * fault it met: unknown fields, values of the wrong form) with the field's path and the line
 * and column, never the parser's own text (which names Java types and {@code [Source: REDACTED ...]}).
 */
final class JsonBodyFaults {

	private JsonBodyFaults() {
	}

	/** The faults of the first Jackson exception in {@code failure}'s causes, or null when there is none. */
	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DeferredBindingException collected) {
				return String.join(" ", collected.getProblems().stream().map(JsonBodyFaults::describe).toList())
						+ (collected.isLimitReached() ? " There may be more faults after these." : "");
			}
			if (cause instanceof JacksonException jackson) {
				return describe(jackson);
			}
		}
		return null;
	}

	/** One fault the collecting reader noted: an unknown field, or a value of the wrong form for its field. */
	private static String describe(CollectedProblem p) {
		String path = pointer(p.getPath().toString());
		String message = p.getMessage() == null ? "" : p.getMessage();
		if (p.getTargetType() == null && message.startsWith(UNKNOWN_PROPERTY)) {
			int end = message.indexOf('\'', UNKNOWN_PROPERTY.length());
			String name = end < 0 ? "" : message.substring(UNKNOWN_PROPERTY.length(), end);
			return "Unknown field '" + (path.isEmpty() ? name : path + "." + name) + "'" + at(p.getLocation()) + ".";
		}
		String expected = p.getTargetType() == null ? null : expected(p.getTargetType().getRawClass());
		return (path.isEmpty() ? "The body" : "The field '" + path + "'") + " has the wrong form" + at(p.getLocation())
				+ (expected == null ? "." : ": " + expected + " belongs there.");
	}

	/** How Jackson's collecting handler begins its note of an unknown field (databind 3.1). */
	private static final String UNKNOWN_PROPERTY = "Unknown property '";

	private static String describe(JacksonException e) {
		String where = at(e.getLocation());
		if (e instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + path(e, unknown.getPropertyName()) + "'" + where + ".";
		}
		if (e instanceof MismatchedInputException mismatch) {
			String path = path(e, null);
			String expected = expected(mismatch.getTargetType());
			return (path.isEmpty() ? "The body" : "The field '" + path + "'") + " has the wrong form" + where
					+ (expected == null ? "." : ": " + expected + " belongs there.");
		}
		if (e instanceof UnexpectedEndOfInputException) {
			return "The JSON ends too early" + where + ": a value, a closing } or ] or a closing quote is missing.";
		}
		if (e instanceof StreamReadException) {
			return "The JSON is not well-formed" + where + syntax(e.getOriginalMessage()) + ".";
		}
		return "The JSON could not be read" + where + ".";
	}

	/** The kind of fault, from the start of the parser's message (which follows a fixed form), without its text. */
	private static String syntax(String original) {
		String m = original == null ? "" : original;
		String found = "";
		if (m.startsWith("Unexpected character ('") && m.length() > 24) {
			int c = m.codePointAt(23);
			found = Character.isISOControl(c) ? "" : ": unexpected character '" + new String(Character.toChars(c)) + "'";
		}
		else if (m.startsWith("Unrecognized token '")) {
			found = ": a word that is not a JSON value (text needs double quotes)";
		}
		else if (m.startsWith("Duplicate Object property") || m.startsWith("Duplicate field")) {
			return ": a field appears twice";
		}
		else if (m.startsWith("Unexpected close marker")) {
			return ": a closing } or ] without its opening one";
		}
		else if (m.startsWith("Illegal unquoted character")) {
			return ": a control character inside a text (write it escaped, e.g. \\n)";
		}
		if (m.contains("was expecting comma")) {
			return found + " where a comma belongs";
		}
		if (m.contains("was expecting a colon")) {
			return found + " where a colon belongs";
		}
		if (m.contains("was expecting double-quote to start field name")) {
			return found + " where a field name in double quotes belongs";
		}
		return found;
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/** The dotted path of the failing field, e.g. {@code content.questions[2]}; {@code last} is appended when given. */
	private static String path(JacksonException e, String last) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference r : e.getPath()) {
			if (r.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				path.append('[').append(r.getIndex()).append(']');
			}
		}
		if (last != null && !path.toString().endsWith(last)) {
			path.append(path.isEmpty() ? "" : ".").append(last);
		}
		return path.toString();
	}

	/** A JSON Pointer ({@code /content/questions/2}) as a dotted path ({@code content.questions.2}). */
	private static String pointer(String pointer) {
		return pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
	}

	/** What belongs where a value of {@code type} is read, in plain words, or null when the type says nothing plain. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a list [ ... ]";
		}
		if (type == String.class || type == java.util.UUID.class || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return type == java.util.UUID.class ? "an identifier in double quotes" : type == String.class ? "a text in double quotes"
					: "a date or time in double quotes (ISO 8601)";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (type.isEnum()) {
			return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
			return "an object { ... }";
		}
		return null;
	}
}
