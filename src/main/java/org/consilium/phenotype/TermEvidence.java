package org.consilium.phenotype;

import java.util.Locale;

import org.consilium.ddx.DifferentialDiagnosis;
import org.consilium.ddx.MatchKind;
import org.consilium.ddx.TermContribution;

/**
 * What one of the patient's HPO terms contributed to a candidate of the differential diagnosis, for the specialist.
 *
 * @param hpoId the patient's term
 * @param excluded whether the patient's term is excluded (looked for and absent)
 * @param kind how it relates to the disease's annotations
 * @param annotationId the disease annotation it matched, or null
 * @param annotationFrequency the disease's frequency for that annotation, 0..1 (0 when none)
 * @param likelihoodRatio the term's likelihood ratio for the disease; below 1 it argues against the disease
 * @param explanation the same in one plain sentence
 */
public record TermEvidence(String hpoId, String label, boolean excluded, MatchKind kind, String annotationId, String annotationLabel,
		double annotationFrequency, double likelihoodRatio, String explanation) {

	/** How far one absent sign can argue against a disease ({@link DifferentialDiagnosis.Settings#excludedTermFloor()}). */
	static final double EXCLUDED_FLOOR = DifferentialDiagnosis.Settings.DEFAULT.excludedTermFloor();

	static TermEvidence of(TermContribution t) {
		return new TermEvidence(t.hpoId(), t.label(), t.excluded(), t.kind(), t.diseaseAnnotationId(), t.diseaseAnnotationLabel(),
				t.annotationFrequency(), t.likelihoodRatio(), explain(t));
	}

	/** Whether the term argues against the disease. */
	public boolean against() {
		return likelihoodRatio < 1.0;
	}

	/** The likelihood ratio as the page shows it, e.g. "× 12" or "× 0.10". */
	public String ratioText() {
		return ratio(likelihoodRatio);
	}

	private static String ratio(double r) {
		return "× " + (r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : r >= 1 ? String.format(Locale.ROOT, "%.1f", r) : String.format(Locale.ROOT, "%.2f", r));
	}

	private static String explain(TermContribution t) {
		String matched = t.diseaseAnnotationLabel() == null ? "" : t.diseaseAnnotationLabel() + " (" + t.diseaseAnnotationId() + ")";
		// the annotation file leaves most frequencies out, which counts as 1 (present in every patient): say so
		String frequency = t.annotationFrequency() <= 0 ? ""
				: t.annotationFrequency() < 0.995 ? " in about " + percent(t.annotationFrequency()) + " of patients"
						: " (counted as present in every patient: the annotations give no lower frequency)";
		return switch (t.kind()) {
			case EXACT -> "The disease shows this term" + frequency + ".";
			case DISEASE_TERM_MORE_SPECIFIC -> "The disease shows a more specific term, " + matched + frequency + ".";
			case PATIENT_TERM_MORE_SPECIFIC -> "The disease shows a broader term, " + matched + frequency + ".";
			case COMMON_ANCESTOR -> t.likelihoodRatio() >= 1 ? "Partly explained: it falls under the same broader term as the disease's " + matched + "."
					: "Hardly explained: it shares only a broad term with the disease's " + matched + ".";
			case UNRELATED -> "The disease does not explain this term.";
			case CONTRADICTED -> "The disease is annotated as not showing this term.";
			case EXCLUDED_BUT_EXPECTED -> "Absent in the patient, but the disease shows it" + frequency + "."
					+ (1 - t.annotationFrequency() < EXCLUDED_FLOOR ? " The weight of one absent sign against a disease is capped." : "");
			case EXCLUDED_NOT_EXPECTED -> "Absent in the patient; the disease's annotations do not mention it.";
		};
	}

	static String percent(double p) {
		if (p >= 0.995) {
			return "over 99 %";
		}
		if (p >= 0.1) {
			return String.format(Locale.ROOT, "%.0f %%", p * 100);
		}
		if (p >= 0.001) {
			return String.format(Locale.ROOT, "%.1f %%", p * 100);
		}
		return "under 0.1 %";
	}
}
