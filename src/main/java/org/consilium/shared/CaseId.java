package org.consilium.shared;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a case: one opinion request and everything attached to it ({@code intake.opinion_request.id}, and the
 * {@code case_id} of every other schema). It reads and writes as the bare UUID: in JSON, in URLs (Spring binds a path
 * variable through {@link #valueOf(String)}) and in templates ({@link #toString()}).
 *
 * @param value the UUID, never null
 */
public record CaseId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public CaseId {
		Objects.requireNonNull(value, "value");
	}

	/** The id for {@code value}, or null when {@code value} is null (an optional reference). */
	public static CaseId ofNullable(UUID value) {
		return value == null ? null : new CaseId(value);
	}

	/**
	 * Parses the text form; blank text (an empty form field) is no id, as Spring reads an empty {@code UUID} field.
	 * @throws IllegalArgumentException when {@code text} is not a UUID (a 400 when it comes from a URL or a form)
	 */
	public static CaseId valueOf(String text) {
		return text == null || text.isBlank() ? null : new CaseId(UUID.fromString(text.strip()));
	}

	/** The bare UUID of an optional id, or null. */
	public static UUID valueOrNull(CaseId id) {
		return id == null ? null : id.value();
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
