package org.consilium.phenotype;

import java.util.Locale;

import org.consilium.ddx.AnnotatedFrequencies;
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
 * @param annotatedFrequency the disease's own frequency of the matched annotation as the annotation file writes it, in
 *        words ({@link AnnotatedFrequencies#describe}: "119 of 251 patients", "frequent (30–79 %)", "frequency not
 *        stated"), or null when nothing matched (or for rankings stored before it was kept)
 * @param explanation the same in one plain sentence, with that written frequency
 */
public record TermEvidence(String hpoId, String label, boolean excluded, MatchKind kind, String annotationId, String annotationLabel,
		double annotationFrequency, double likelihoodRatio, String annotatedFrequency, String explanation) {

	/** How far one absent sign can argue against a disease ({@link DifferentialDiagnosis.Settings#excludedTermFloor()}). */
	static final double EXCLUDED_FLOOR = DifferentialDiagnosis.Settings.DEFAULT.excludedTermFloor();

	/**
	 * @param diseaseId the candidate the term was scored against
	 * @param frequencies the written frequencies of the loaded release, or null (the explanation then gives the
	 *        frequency the ranking used, in per cent)
	 */
	static TermEvidence of(TermContribution t, String diseaseId, AnnotatedFrequencies frequencies) {
		String written = t.diseaseAnnotationId() == null || t.kind() == MatchKind.CONTRADICTED ? null
				: frequencies != null ? frequencies.describe(diseaseId, t.diseaseAnnotationId()) : null;
		return new TermEvidence(t.hpoId(), t.label(), t.excluded(), t.kind(), t.diseaseAnnotationId(), t.diseaseAnnotationLabel(),
				t.annotationFrequency(), t.likelihoodRatio(), written, explain(t, written));
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

	/**
	 * One sentence per term: how it relates to the disease's annotations and the disease's own annotated frequency as
	 * written ({@code written}); the HPO leaves most frequencies out, which the ranking counts as every patient, so the
	 * sentence says so rather than quoting that 100 % (or the middle of a frequency term's range) as a figure.
	 */
	private static String explain(TermContribution t, String written) {
		String matched = t.diseaseAnnotationLabel() == null ? "" : t.diseaseAnnotationLabel() + " (" + t.diseaseAnnotationId() + ")";
		String frequency = written != null ? written + ("frequency not stated".equals(written) ? ", which the ranking counts as every patient" : "")
				: t.annotationFrequency() <= 0 ? "" : "about " + percent(t.annotationFrequency()) + " of patients, as the ranking counts it";
		String annotated = frequency.isEmpty() ? "" : ": " + frequency;
		return switch (t.kind()) {
			case EXACT -> "The disease is annotated with this term" + annotated + ".";
			case DISEASE_TERM_MORE_SPECIFIC -> "The disease is annotated with a more specific term, " + matched + annotated + ".";
			case PATIENT_TERM_MORE_SPECIFIC -> "The disease is annotated with a broader term, " + matched + annotated + ".";
			case COMMON_ANCESTOR -> (t.likelihoodRatio() >= 1 ? "Partly explained: it falls under the same broader term as the disease's "
					: "Hardly explained: it shares only a broad term with the disease's ") + matched + annotated + ".";
			case UNRELATED -> "The disease does not explain this term.";
			case CONTRADICTED -> "The disease is annotated as not showing this term.";
			case EXCLUDED_BUT_EXPECTED -> "Absent in the patient, but the disease is annotated with it" + annotated + "."
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
