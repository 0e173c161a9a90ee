package org.consilium.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

/**
 * Clarifying questions during the review: the assigned specialist (a panel's chair) asks the patient, the case waits
 * for the patient and the review clock pauses; once every question is answered the case returns to review. Access
 * and errors as in {@link ReviewManagement}; every success is audited once.
 */
@Service
@Transactional
public class ClarifyingQuestions {

	/** Longest question, in characters. */
	static final int MAX_QUESTION = 2_000;

	/** Longest answer, in characters. */
	static final int MAX_ANSWER = 10_000;

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ClarifyingQuestions(CaseAccess access, CaseLifecycle lifecycle, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The assigned specialist asks the patient a question; the case waits for the patient (the review clock pauses).
	 * @throws IllegalTransitionException unless the case is in review (or already waiting for the patient)
	 * @throws InvalidInputException for an empty or over-long question
	 */
	public Clarification ask(Actor actor, CaseId caseId, String question) {
		AuditAction action = AuditAction.REVIEW_CLARIFICATION_ASK;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		ReviewSteps.requireChair(c);
		return audited(actor, caseId, action, "Clarification", () -> {
			ReviewSteps.requireReviewing(c);
			String q = OpinionContent.clean(question, "question", MAX_QUESTION);
			if (q.isEmpty()) {
				throw new InvalidInputException("Write the question for the patient.");
			}
			Clarification saved = new Clarification(UUID.randomUUID(), caseId, actor.id(), now(), q, null, null, null);
			jdbc.sql("INSERT INTO review.clarification (id, case_id, asked_by, asked_at, question) VALUES (?, ?, ?, ?, ?)")
				.params(saved.id(), caseId.value(), actor.id().value(), Timestamp.from(saved.askedAt()), q).update();
			if (c.status() == OpinionRequestStatus.IN_REVIEW) {
				lifecycle.askPatient(c);
			}
			audit.success(actor, action, caseId, "Clarification", saved.id());
			return saved;
		});
	}

	/**
	 * The patient (or their referring physician) answers a clarifying question; once no question is open the case
	 * returns to review and the clock resumes.
	 * @throws ForbiddenActionException for anyone else
	 * @throws NotFoundException when the question is not one of this case's
	 * @throws IllegalTransitionException when it is already answered
	 * @throws InvalidInputException for an empty or over-long answer
	 */
	public Clarification answer(Actor actor, CaseId caseId, UUID clarificationId, String answer) {
		AuditAction action = AuditAction.REVIEW_CLARIFICATION_ANSWER;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!c.actsForPatient()) {
			throw new ForbiddenActionException("Only the patient or their referring physician can answer.");
		}
		return audited(actor, caseId, action, "Clarification", () -> {
			String a = OpinionContent.clean(answer, "answer", MAX_ANSWER);
			if (a.isEmpty()) {
				throw new InvalidInputException("Write your answer before sending it.");
			}
			Clarification existing = findClarifications(caseId).stream().filter(q -> q.id().equals(clarificationId)).findFirst()
				.orElseThrow(NotFoundException::new);
			if (!existing.open()) {
				throw new IllegalTransitionException("This question is already answered.");
			}
			Instant now = now();
			int updated = jdbc.sql("""
					UPDATE review.clarification SET answer = ?, answered_by = ?, answered_at = ?
					WHERE id = ? AND case_id = ? AND answer IS NULL""")
				.params(a, actor.id().value(), Timestamp.from(now), clarificationId, caseId.value()).update();
			if (updated == 0) {
				throw new IllegalTransitionException("This question is already answered.");
			}
			boolean anyOpen = findClarifications(caseId).stream().anyMatch(Clarification::open);
			if (!anyOpen && c.status() == OpinionRequestStatus.AWAITING_PATIENT) {
				lifecycle.patientAnswered(c);
			}
			audit.success(actor, action, caseId, "Clarification", clarificationId);
			return new Clarification(existing.id(), caseId, existing.askedBy(), existing.askedAt(), existing.question(), a,
					actor.id(), now);
		});
	}

	/** The case's clarifying questions and answers, oldest first, for everyone related to the case (audited). */
	public List<Clarification> list(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.REVIEW_CLARIFICATION_READ;
		access.requireAccess(actor, caseId, action);
		List<Clarification> list = findClarifications(caseId);
		if (!list.isEmpty()) {
			audit.success(actor, action, caseId, "Clarification", null);
		}
		return list;
	}

	private List<Clarification> findClarifications(CaseId caseId) {
		return jdbc.sql("""
				SELECT id, case_id, asked_by, asked_at, question, answer, answered_by, answered_at
				FROM review.clarification WHERE case_id = ? ORDER BY asked_at, id""")
			.param(caseId.value())
			.query((rs, n) -> new Clarification(rs.getObject("id", UUID.class), CaseId.ofNullable(rs.getObject("case_id", UUID.class)),
					UserId.ofNullable(rs.getObject("asked_by", UUID.class)), WrittenOpinionRepository.instant(rs, "asked_at"), rs.getString("question"),
					rs.getString("answer"), UserId.ofNullable(rs.getObject("answered_by", UUID.class)), WrittenOpinionRepository.instant(rs, "answered_at")))
			.list();
	}


	private <T> T audited(Actor actor, CaseId caseId, AuditAction action, String recordType, java.util.function.Supplier<T> work) {
		return audit.recordingFailures(actor, action, caseId, recordType, work);
	}

	private Instant now() {
		return clock.instant();
	}
}
