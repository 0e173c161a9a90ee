package org.consilium.ddx;

/**
 * The disease code systems of the HPO annotation file that can supply candidates. The prefix is the one
 * used in column {@code database_id} of {@code phenotype.hpoa}.
 */
public enum DiseaseDatabase {

	/** Online Mendelian Inheritance in Man, https://omim.org. */
	OMIM("OMIM"),
	/** Orphanet, https://www.orpha.net (annotation lines licensed CC-BY-4.0). */
	ORPHA("ORPHA");

	private final String prefix;

	DiseaseDatabase(String prefix) {
		this.prefix = prefix;
	}

	String prefix() {
		return prefix;
	}
}
