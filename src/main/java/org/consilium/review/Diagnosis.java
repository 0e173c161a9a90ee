package org.consilium.review;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.InvalidInputException;

/**
 * A diagnosis of the written opinion (or the impression's working diagnosis): free text plus an optional code. A code
 * always carries its system (ICD-10-CM, SNOMED CT, OMIM or ORPHA, see {@link CodeSystem#uri()}).
 *
 * @throws InvalidInputException (problem type {@code invalid-input}, 422) for an empty text, a code without a system or
 *         over-long values
 */
public record Diagnosis(String text, CodeSystem system, String code) {

	public Diagnosis {
		text = OpinionContent.clean(text, "diagnosis", OpinionContent.MAX_SHORT);
		code = OpinionContent.clean(code, "diagnosis code", 64);
		if (text.isEmpty()) {
			throw new InvalidInputException("A diagnosis needs a description.");
		}
		if (code.isEmpty()) {
			code = null;
			system = null;
		}
		else if (system == null) {
			throw new InvalidInputException("Choose the code system for the diagnosis code " + code + ".");
		}
	}
}
