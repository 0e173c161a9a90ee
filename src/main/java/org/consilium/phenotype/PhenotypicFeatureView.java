package org.consilium.phenotype;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.UserId;

/**
 * One HPO term of a case's phenotype.
 *
 * @param hpoId the current HPO id (below HP:0000118) in the loaded release
 * @param excluded true when the feature was looked for and is absent (phenopacket {@code excluded})
 * @param importId the phenopacket import it came from, or null when entered by hand
 * @param addedBy the account that recorded the term (typed in or imported)
 * @param addedAt when it was recorded
 * @param addedByName the display name of {@code addedBy}, "Consilium" for the system, "(unknown)" for an account that no
 *        longer exists
 */
public record PhenotypicFeatureView(UUID id, String hpoId, String label, boolean excluded, Onset onset, UUID importId, UserId addedBy,
		Instant addedAt, String addedByName) {
}
