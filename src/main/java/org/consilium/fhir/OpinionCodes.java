package org.consilium.fhir;

/**
 * The canonical URL and codes of Consilium's own CodeSystem for the opinion (shipped as
 * {@code src/main/resources/fhir/CodeSystem-consilium-opinion.json}): the observation codes {@code concordance} and
 * {@code treatment-review}, and as values the names of {@link org.consilium.review.Concordance} and
 * {@link org.consilium.review.TreatmentReview} in lower case with hyphens (e.g. {@code unable-to-assess}).
 */
public final class OpinionCodes {

	/** The CodeSystem's canonical URL. */
	public static final String SYSTEM = "https://consilium.example.org/fhir/CodeSystem/opinion";

	/** LOINC 11488-4 "Consult note" (https://loinc.org/11488-4/), the document type of the written second opinion. */
	public static final String LOINC_CONSULT_NOTE = "11488-4";

	public static final String LOINC = "http://loinc.org";

	private OpinionCodes() {
	}

	/** {@code UNABLE_TO_ASSESS} → {@code unable-to-assess}. */
	static String code(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
