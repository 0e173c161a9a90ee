package org.consilium.phenotype;

import java.util.List;

/**
 * A term to examine next in the review workspace ("What to check next"), from
 * {@link org.consilium.ddx.DifferentialDiagnosis#recommend}.
 *
 * @param hpoId the HPO term, e.g. {@code HP:0001083}
 * @param label its HPO label
 * @param laySynonym its layperson synonym in the HPO ({@link org.consilium.ddx.HpoTerms#laypersonSynonym}), e.g.
 *        "Wide-set eyes" for Hypertelorism, or null when the HPO gives none
 * @param informationBits expected information gain over the ten leading candidates, in bits
 * @param ifPresent names of the leading candidates that become likelier if the patient shows it, most first
 * @param ifAbsent names of those that become likelier if the patient does not
 */
public record NextTerm(String hpoId, String label, String laySynonym, double informationBits, List<String> ifPresent, List<String> ifAbsent) {

	public NextTerm {
		ifPresent = List.copyOf(ifPresent);
		ifAbsent = List.copyOf(ifAbsent);
	}
}
