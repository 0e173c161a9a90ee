package org.consilium.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The patient's administrative sex, as FHIR R4 {@code AdministrativeGender} codes it; JSON carries the code. */
public enum AdministrativeSex {

	MALE("male", "male"), FEMALE("female", "female"), OTHER("other", "other"), UNKNOWN("unknown", "sex unknown");

	private final String code;

	private final String label;

	AdministrativeSex(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The FHIR code: male, female, other or unknown. */
	@JsonValue
	public String code() {
		return code;
	}

	/**
	 * The sex of a FHIR code from JSON.
	 * @throws org.consilium.shared.InvalidInputException for any other text
	 */
	@JsonCreator
	static AdministrativeSex fromJson(String code) {
		return code == null || code.isBlank() ? null : ofCode(code)
			.orElseThrow(() -> new org.consilium.shared.InvalidInputException("The patient's sex is one of male, female, other or unknown."));
	}

	/** Plain wording for pages. */
	public String label() {
		return label;
	}

	/** The sex of a FHIR code, case-insensitively; empty for null, blank or any other text. */
	public static Optional<AdministrativeSex> ofCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String c = code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(s -> s.code.equals(c)).findFirst();
	}
}
