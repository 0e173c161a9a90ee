package org.consilium.review;

import org.consilium.shared.InvalidInputException;

/**
 * A treatment option the opinion lists for the patient: what it is, how invasive, what it may bring, what it risks and
 * the evidence behind it (e.g. a guideline or trial).
 *
 * @throws InvalidInputException (problem type {@code invalid-input}, 422) without a name or invasiveness, or with
 *         over-long text
 */
public record TreatmentOption(String name, Invasiveness invasiveness, String expectedBenefit, String risks, String evidence) {

	public TreatmentOption {
		name = OpinionContent.clean(name, "treatment option's name", OpinionContent.MAX_SHORT);
		expectedBenefit = OpinionContent.clean(expectedBenefit, "expected benefit", OpinionContent.MAX_TEXT);
		risks = OpinionContent.clean(risks, "risks", OpinionContent.MAX_TEXT);
		evidence = OpinionContent.clean(evidence, "evidence", OpinionContent.MAX_TEXT);
		if (name.isEmpty()) {
			throw new InvalidInputException("A treatment option needs a name.");
		}
		if (invasiveness == null) {
			throw new InvalidInputException("Say how invasive the treatment option " + name + " is.");
		}
	}
}
