package org.consilium.review;

import java.util.ArrayList;
import java.util.List;

import org.consilium.shared.InvalidInputException;

/**
 * What the specialist writes into the opinion, as saved with each draft. Everything may still be empty in a draft;
 * {@link WrittenOpinion#sign} checks completeness. {@code answers} are by position: {@code answers.get(i)} answers the
 * patient's question {@code i} of {@link org.consilium.intake.OpinionRequestView#questions()}. {@code report} holds the
 * full report's other sections ({@link ReportSections}).
 *
 * @throws InvalidInputException (problem type {@code invalid-input}, 422) for over-long text or too many rows
 */
public record OpinionContent(Concordance concordance, List<Diagnosis> diagnoses, TreatmentReview treatmentReview,
		String treatmentComment, List<TreatmentOption> options, String furtherWorkUp, List<String> answers, String limitations,
		String plainSummary, ReportSections report) {

	static final int MAX_SHORT = 500;

	static final int MAX_TEXT = 20_000;

	static final int MAX_ROWS = 20;

	public OpinionContent {
		diagnoses = rows(diagnoses, "diagnoses");
		options = rows(options, "treatment options");
		List<String> cleaned = new ArrayList<>();
		for (String answer : answers == null ? List.<String>of() : answers) {
			cleaned.add(clean(answer, "answer", MAX_TEXT));
		}
		if (cleaned.size() > MAX_ROWS) {
			throw new InvalidInputException("There are more answers than questions.");
		}
		answers = List.copyOf(cleaned);
		treatmentComment = clean(treatmentComment, "comment on the proposed treatment", MAX_TEXT);
		furtherWorkUp = clean(furtherWorkUp, "further work-up", MAX_TEXT);
		limitations = clean(limitations, "limitations", MAX_TEXT);
		plainSummary = clean(plainSummary, "plain-language summary", MAX_TEXT);
		report = report == null ? ReportSections.empty() : report;
	}

	/** The opinion's core without the full report's sections (they stay empty). */
	public OpinionContent(Concordance concordance, List<Diagnosis> diagnoses, TreatmentReview treatmentReview, String treatmentComment,
			List<TreatmentOption> options, String furtherWorkUp, List<String> answers, String limitations, String plainSummary) {
		this(concordance, diagnoses, treatmentReview, treatmentComment, options, furtherWorkUp, answers, limitations, plainSummary, null);
	}

	/** The same content with the full report's sections replaced. */
	public OpinionContent withReport(ReportSections sections) {
		return new OpinionContent(concordance, diagnoses, treatmentReview, treatmentComment, options, furtherWorkUp, answers, limitations,
				plainSummary, sections);
	}

	/** An empty draft. */
	public static OpinionContent empty() {
		return new OpinionContent(null, List.of(), null, "", List.of(), "", List.of(), "", "", ReportSections.empty());
	}

	/** The answer to question {@code position}, or empty text. */
	public String answerTo(int position) {
		return position < answers.size() ? answers.get(position) : "";
	}

	private static <T> List<T> rows(List<T> rows, String what) {
		List<T> list = rows == null ? List.of() : rows.stream().filter(r -> r != null).toList();
		if (list.size() > MAX_ROWS) {
			throw new InvalidInputException("At most " + MAX_ROWS + " " + what + ".");
		}
		return list;
	}

	static String clean(String value, String field, int max) {
		String v = value == null ? "" : value.strip();
		if (v.length() > max) {
			throw new InvalidInputException("The " + field + " is longer than " + max + " characters.");
		}
		return v;
	}
}
