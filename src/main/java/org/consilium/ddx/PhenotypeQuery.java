package org.consilium.ddx;

import java.util.List;

/**
 * A patient's phenotype as HPO term ids ({@code HP:0001250}): the features observed and those explicitly
 * looked for and found absent. Ids are checked against the loaded release when ranking; an unknown id is an
 * {@link IllegalArgumentException} there.
 */
public record PhenotypeQuery(List<String> observedHpoIds, List<String> excludedHpoIds) {

	public PhenotypeQuery {
		observedHpoIds = List.copyOf(observedHpoIds);
		excludedHpoIds = excludedHpoIds == null ? List.of() : List.copyOf(excludedHpoIds);
	}

	public static PhenotypeQuery observed(String... hpoIds) {
		return new PhenotypeQuery(List.of(hpoIds), List.of());
	}
}
