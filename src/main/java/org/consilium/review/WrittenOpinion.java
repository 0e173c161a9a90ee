package org.consilium.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.UserId;

/**
 * The structured second opinion of one case, written by its assigned specialist.
 *
 * <p>Lifecycle: {@link #start started} with the first draft save, {@link #revise revised} any number of times (each
 * save is checked against the version the specialist loaded, see {@link ReviewManagement#saveDraft}), then
 * {@link #sign signed} once. Signing requires the concordance, at least one diagnosis, the review of the proposed
 * treatment, an answer to every one of the patient's questions, the plain-language summary and what a complete report
 * needs ({@link ReportSections#missingForSignature()}: materials reviewed with dates, discussion points, next steps, the
 * in-person visit question, the reviewer's specialty, institution and licence); after signing the
 * opinion is frozen (in the database too) and only follow-up addenda in the {@code opinion} module add to it.
 */
class WrittenOpinion {

	private final UUID id;

	private final UUID caseId;

	private final UUID specialistId;

	private final int version;

	private OpinionContent content;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant signedAt;

	private UUID signedBy;

	WrittenOpinion(UUID id, UUID caseId, UUID specialistId, int version, OpinionContent content, Instant createdAt,
			Instant updatedAt, Instant signedAt, UUID signedBy) {
		this.id = id;
		this.caseId = caseId;
		this.specialistId = specialistId;
		this.version = version;
		this.content = content;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.signedAt = signedAt;
		this.signedBy = signedBy;
	}

	/** A new, empty draft (version 0, not yet stored). */
	static WrittenOpinion start(UUID caseId, UUID specialistId, Instant now) {
		return new WrittenOpinion(UUID.randomUUID(), caseId, specialistId, 0, OpinionContent.empty(), now, now, null, null);
	}

	/**
	 * Replaces the draft's content.
	 * @throws IllegalTransitionException (409) once the opinion is signed
	 */
	void revise(OpinionContent newContent, Instant now) {
		requireDraft();
		this.content = newContent == null ? OpinionContent.empty() : newContent;
		this.updatedAt = now;
	}

	/**
	 * What is still missing before the opinion can be signed, in the form's order; empty when complete.
	 * @param questions the patient's questions; each needs a non-blank answer at its position
	 */
	List<String> missingForSignature(List<String> questions) {
		List<String> missing = new ArrayList<>();
		if (content.concordance() == null) {
			missing.add("the concordance with the first diagnosis");
		}
		if (content.diagnoses().isEmpty()) {
			missing.add("at least one diagnosis");
		}
		if (content.treatmentReview() == null) {
			missing.add("the review of the proposed treatment");
		}
		else if (content.treatmentReview() != TreatmentReview.AGREE && content.treatmentComment().isBlank()) {
			missing.add("a comment saying how the proposed treatment should change");
		}
		List<String> asked = questions == null ? List.of() : questions;
		for (int i = 0; i < asked.size(); i++) {
			if (content.answerTo(i).isBlank()) {
				missing.add("an answer to question " + (i + 1));
			}
		}
		if (content.plainSummary().isBlank()) {
			missing.add("the plain-language summary for the patient");
		}
		missing.addAll(content.report().missingForSignature());
		return missing;
	}

	/**
	 * Signs and freezes the opinion.
	 * @throws IllegalTransitionException (409) when it is already signed
	 * @throws OpinionIncompleteException (problem type {@code opinion-incomplete}, 409) naming every missing part
	 */
	void sign(UUID by, List<String> questions, Instant now) {
		requireDraft();
		List<String> missing = missingForSignature(questions);
		if (!missing.isEmpty()) {
			throw new OpinionIncompleteException(missing);
		}
		this.signedAt = now;
		this.signedBy = by;
		this.updatedAt = now;
	}

	private void requireDraft() {
		if (signedAt != null) {
			throw new IllegalTransitionException("The opinion is signed and cannot be changed. Answer follow-up questions as addenda.");
		}
	}

	boolean isSigned() {
		return signedAt != null;
	}

	UUID id() { return id; }

	UUID caseId() { return caseId; }

	UUID specialistId() { return specialistId; }

	int version() { return version; }

	OpinionContent content() { return content; }

	Instant createdAt() { return createdAt; }

	Instant updatedAt() { return updatedAt; }

	Instant signedAt() { return signedAt; }

	UUID signedBy() { return signedBy; }

	WrittenOpinionView view() {
		return new WrittenOpinionView(id, new CaseId(caseId), version, UserId.ofNullable(specialistId), content.concordance(), content.diagnoses(),
				content.treatmentReview(), content.treatmentComment(), content.options(), content.furtherWorkUp(), content.answers(),
				content.limitations(), content.plainSummary(), content.report(), createdAt, updatedAt, signedAt, UserId.ofNullable(signedBy));
	}
}
