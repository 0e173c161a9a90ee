package org.consilium.ddx;

/**
 * What one patient term contributed to one disease's score.
 *
 * @param hpoId the patient's term
 * @param excluded whether the patient's term was excluded (absent) rather than observed
 * @param kind how the term relates to the disease's annotations
 * @param diseaseAnnotationId the disease's annotated term it matched (null when none)
 * @param commonAncestorId the most informative common ancestor of the two (for observed terms)
 * @param informationContent Resnik information content of that common ancestor, in nats (0 for excluded terms)
 * @param annotationFrequency the disease's frequency for the matched annotation, 0..1 (0 when none)
 * @param likelihoodRatio the term's likelihood ratio for this disease (below 1 argues against it)
 */
public record TermContribution(String hpoId, String label, boolean excluded, MatchKind kind, String diseaseAnnotationId,
		String diseaseAnnotationLabel, String commonAncestorId, double informationContent, double annotationFrequency,
		double likelihoodRatio) {
}
