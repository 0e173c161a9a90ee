package org.consilium.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * The written opinion as its readers see it: the specialist's draft, or the signed, frozen opinion
 * ({@code signedAt != null}). {@code answers.get(i)} answers the patient's question {@code i}; {@code version} is the
 * value to send back with the next draft save or the signature; {@code report} holds the full report's other sections.
 */
public record WrittenOpinionView(UUID id, CaseId caseId, int version, UserId specialistId, Concordance concordance,
		List<Diagnosis> diagnoses, TreatmentReview treatmentReview, String treatmentComment, List<TreatmentOption> options,
		String furtherWorkUp, List<String> answers, String limitations, String plainSummary, ReportSections report, Instant createdAt, Instant updatedAt,
		Instant signedAt, UserId signedBy) {

	public boolean signed() {
		return signedAt != null;
	}

	/** The answer to the patient's question at {@code position}, or empty text. */
	public String answerTo(int position) {
		return position < answers.size() ? answers.get(position) : "";
	}

	/** The content, e.g. to fill the form again. */
	public OpinionContent content() {
		return new OpinionContent(concordance, diagnoses, treatmentReview, treatmentComment, options, furtherWorkUp, answers,
				limitations, plainSummary, report);
	}
}
