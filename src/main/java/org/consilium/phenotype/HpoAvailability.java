package org.consilium.phenotype;

/**
 * Whether the HPO release can be used now, in words for pages and the API.
 *
 * @param status {@code NOT_CONFIGURED}, {@code LOADING}, {@code READY} or {@code UNAVAILABLE}
 * @param acknowledgement "Human Phenotype Ontology, release 2025-05-06" when ready (the HPO licence asks for it), else null
 * @param problem when not ready: what is missing, in plain words (no file contents), else null
 */
public record HpoAvailability(String status, String acknowledgement, String problem) {

	public boolean ready() {
		return "READY".equals(status);
	}

	public boolean loading() {
		return "LOADING".equals(status);
	}
}
