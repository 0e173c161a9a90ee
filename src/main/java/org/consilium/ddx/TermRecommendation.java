package org.consilium.ddx;

import java.util.List;

/**
 * An HPO term not yet recorded that the leading candidates suggest checking next ({@link DifferentialDiagnosis#recommend}).
 *
 * @param hpoId the term, e.g. {@code HP:0001083}
 * @param label its HPO label
 * @param expectedInformationBits expected reduction of the entropy (bits) of the leading candidates' probabilities
 *        once the answer is known
 * @param expectedSupportNats what the terms are ordered by: the chance the term is present times the natural log of
 *        that chance over the term's background frequency among all candidates (0 when the leading candidates show it
 *        less often than the background), i.e. the expected weight of evidence of a "present" answer for them
 * @param probabilityPresent the chance, over the leading candidates, that the patient shows the term, 0..1
 * @param favouredIfPresent disease ids of the leading candidates whose probability rises if the term is present,
 *        most first
 * @param favouredIfAbsent disease ids whose probability rises if the term is absent, most first
 */
public record TermRecommendation(String hpoId, String label, double expectedInformationBits, double expectedSupportNats, double probabilityPresent, List<String> favouredIfPresent,
		List<String> favouredIfAbsent) {

	public TermRecommendation {
		favouredIfPresent = List.copyOf(favouredIfPresent);
		favouredIfAbsent = List.copyOf(favouredIfAbsent);
	}
}
