package org.consilium.phenotype;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.consilium.ddx.HpoTerm;
import org.consilium.shared.ConsiliumProblem;

/**
 * Problem type {@code obsolete-term}, HTTP 422: the HPO id given is obsolete in the loaded release, and the ontology
 * names its replacement ({@code replaced_by}); nothing was recorded. The user confirms the replacement by sending it
 * instead: the problem detail carries {@code obsoleteId}, {@code replacementId} and {@code replacementLabel}.
 */
public class ObsoleteTermException extends ConsiliumProblem {

	private final String obsoleteId;

	private final HpoTerm replacement;

	ObsoleteTermException(String obsoleteId, HpoTerm replacement, String release) {
		super("obsolete-term", HttpStatus.UNPROCESSABLE_CONTENT, obsoleteId + " is obsolete in the " + release + "; it was replaced by "
				+ replacement.id() + " " + replacement.label() + ". Nothing was recorded: record " + replacement.id() + " instead if that is what you meant.");
		this.obsoleteId = obsoleteId;
		this.replacement = replacement;
	}

	/** The obsolete id as given, e.g. {@code HP:0001388}. */
	public String obsoleteId() {
		return obsoleteId;
	}

	/** Its current replacement, e.g. HP:0001382 Joint hypermobility. */
	public HpoTerm replacement() {
		return replacement;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("field", "hpoId", "obsoleteId", obsoleteId, "replacementId", replacement.id(), "replacementLabel", replacement.label());
	}
}
