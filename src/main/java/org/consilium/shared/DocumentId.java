package org.consilium.shared;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a document in a case's records vault ({@code records.document.id}). It reads and writes as the bare UUID: in JSON, in URLs (Spring binds a path
 * variable through {@link #valueOf(String)}) and in templates ({@link #toString()}).
 *
 * @param value the UUID, never null
 */
public record DocumentId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public DocumentId {
		Objects.requireNonNull(value, "value");
	}

	/** The id for {@code value}, or null when {@code value} is null (an optional reference). */
	public static DocumentId ofNullable(UUID value) {
		return value == null ? null : new DocumentId(value);
	}

	/**
	 * Parses the text form; blank text (an empty form field) is no id, as Spring reads an empty {@code UUID} field.
	 * @throws IllegalArgumentException when {@code text} is not a UUID (a 400 when it comes from a URL or a form)
	 */
	public static DocumentId valueOf(String text) {
		return text == null || text.isBlank() ? null : new DocumentId(UUID.fromString(text.strip()));
	}

	/** The bare UUID of an optional id, or null. */
	public static UUID valueOrNull(DocumentId id) {
		return id == null ? null : id.value();
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
