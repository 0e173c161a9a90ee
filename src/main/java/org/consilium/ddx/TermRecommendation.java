package org.consilium.ddx;

import java.util.List;

/**
 * An HPO term not yet recorded whose presence or absence would best separate the leading candidates
 * ({@link DifferentialDiagnosis#recommend}).
 *
 * @param hpoId the term, e.g. {@code HP:0001083}
 * @param label its HPO label
 * @param expectedInformationBits expected reduction of the entropy (bits) of the leading candidates' probabilities
 *        once the answer is known
 * @param probabilityPresent the chance, over the leading candidates, that the patient shows the term, 0..1
 * @param favouredIfPresent disease ids of the leading candidates whose probability rises if the term is present,
 *        most first
 * @param favouredIfAbsent disease ids whose probability rises if the term is absent, most first
 */
public record TermRecommendation(String hpoId, String label, double expectedInformationBits, double probabilityPresent, List<String> favouredIfPresent,
		List<String> favouredIfAbsent) {

	public TermRecommendation {
		favouredIfPresent = List.copyOf(favouredIfPresent);
		favouredIfAbsent = List.copyOf(favouredIfAbsent);
	}
}
