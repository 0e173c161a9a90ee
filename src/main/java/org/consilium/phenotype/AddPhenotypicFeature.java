package org.consilium.phenotype;

/**
 * Adds one term to a case's phenotype.
 *
 * @param hpoId an HPO id below Phenotypic abnormality (HP:0000118); an alternative id is stored as the current id, an
 *        obsolete id is refused naming its replacement ({@link ObsoleteTermException}), which the user confirms by
 *        sending it
 * @param excluded true to record the feature as looked for and absent
 * @param onsetHpoId optional HPO onset term below HP:0003674
 * @param onsetAge optional age at onset as an ISO 8601 period ({@code P3Y}, {@code P1Y6M}, {@code P10D})
 */
public record AddPhenotypicFeature(String hpoId, boolean excluded, String onsetHpoId, String onsetAge) {
}
