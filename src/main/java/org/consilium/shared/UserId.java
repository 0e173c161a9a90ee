package org.consilium.shared;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a user account ({@code identity.user_account.id}): a patient, a referring physician, a coordinator, a
 * specialist or an administrator. It reads and writes as the bare UUID: in JSON, in URLs (Spring binds a path
 * variable through {@link #valueOf(String)}) and in templates ({@link #toString()}).
 *
 * @param value the UUID, never null
 */
public record UserId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public UserId {
		Objects.requireNonNull(value, "value");
	}

	/** The id for {@code value}, or null when {@code value} is null (an optional reference). */
	public static UserId ofNullable(UUID value) {
		return value == null ? null : new UserId(value);
	}

	/**
	 * Parses the text form; blank text (an empty form field) is no id, as Spring reads an empty {@code UUID} field.
	 * @throws IllegalArgumentException when {@code text} is not a UUID (a 400 when it comes from a URL or a form)
	 */
	public static UserId valueOf(String text) {
		return text == null || text.isBlank() ? null : new UserId(UUID.fromString(text.strip()));
	}

	/** The bare UUID of an optional id, or null. */
	public static UUID valueOrNull(UserId id) {
		return id == null ? null : id.value();
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
