package org.consilium.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.review.PanelReview;
import org.consilium.review.ReviewManagement;
import org.consilium.review.WrittenOpinionView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The delivered opinion's use cases. Every method takes the acting user and first asks
 * {@link CaseAccess#requireAccess} (or {@code read}): a case the actor has no relation to throws
 * {@link NotFoundException} ({@code not-found}, 404, audited as DENIED), as does an opinion not (yet) visible to the
 * reader. A related actor whose role cannot act gets {@link ForbiddenActionException} ({@code forbidden-action}, 403);
 * a case in the wrong state gets {@link IllegalTransitionException} ({@code illegal-transition}, 409); bad input, a
 * fourth follow-up question or incomplete feedback gets {@link InvalidInputException} ({@code invalid-input}, 422) and
 * changes nothing.
 */
@Service
@Transactional
public class OpinionManagement {

	private final CaseAccess access;

	private final CaseQueries queries;

	private final CaseLifecycle lifecycle;

	private final ReviewManagement review;

	private final PanelReview panels;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final SignedVersions versions;

	private final ApplicationEventPublisher events;

	OpinionManagement(CaseAccess access, CaseQueries queries, CaseLifecycle lifecycle, ReviewManagement review, PanelReview panels,
			JdbcClient jdbc, AuditLog audit, Clock clock, SignedVersions versions, ApplicationEventPublisher events) {
		this.versions = versions;
		this.events = events;
		this.access = access;
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.review = review;
		this.panels = panels;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The delivered opinion in its current version: for the patient and referrer once DELIVERED or CLOSED; for the
	 * assigned specialist and coordinators once signed. Audited once, as the opinion's read (by review). Publishes
	 * {@link OpinionOpened}, so the reader's notices that point at the opinion are marked read.
	 * @throws NotFoundException when the case is not reachable or the opinion not yet visible to this reader
	 */
	public DeliveredOpinionView read(Actor actor, CaseId caseId) {
		return read(actor, caseId, null);
	}

	/**
	 * Version {@code version} of the delivered opinion (1 = as signed, 2 and later with the addenda up to it; null = the
	 * current one). Reading an earlier version is audited besides the opinion's read, as {@code opinion.version.read}.
	 * @throws NotFoundException as {@link #read(Actor, CaseId)}, and for a version that does not exist
	 */
	public DeliveredOpinionView read(Actor actor, CaseId caseId, Integer version) {
		AccessibleCase c = access.requireAccess(actor, caseId, AuditAction.OPINION_READ);
		WrittenOpinionView opinion = review.signedOpinion(actor, caseId).orElseThrow(NotFoundException::new);
		int current = versions.current(caseId).orElseGet(() -> versions.record(opinion)).version();
		int shown = version == null ? current : version;
		if (shown < 1 || shown > current) {
			throw new NotFoundException();
		}
		List<Addendum> addenda = versions.addenda(caseId, shown);
		if (shown != current) {
			audit.success(actor, AuditAction.OPINION_VERSION_READ, caseId, addenda.isEmpty() ? "WrittenOpinion" : "Addendum",
					addenda.isEmpty() ? opinion.id() : addenda.get(addenda.size() - 1).id());
		}
		List<FollowUpQuestion> followUps = findFollowUps(caseId);
		Feedback feedback = findFeedback(caseId).orElse(null);
		boolean forPatient = c.actsForPatient();
		boolean delivered = c.status() == OpinionRequestStatus.DELIVERED;
		boolean afterDelivery = delivered || c.status() == OpinionRequestStatus.CLOSED;
		events.publishEvent(new OpinionOpened(caseId, actor.id(), now()));
		return new DeliveredOpinionView(queries.view(c), opinion, followUps, feedback,
				forPatient && delivered && followUps.size() < FollowUpQuestions.MAX,
				actor.is(Role.SPECIALIST) && afterDelivery,
				forPatient && delivered && feedback == null, addenda, shown, current,
				actor.is(Role.SPECIALIST) && c.chairedByActor() && afterDelivery, forPatient);
	}

	/**
	 * The specialist who signed the delivered opinion adds an addendum (text and the reason for it), which signs the
	 * opinion's next version (2, 3, ...) with its own fingerprint ({@link SignedVersions}); earlier versions stay
	 * readable. Publishes {@link OpinionVersionSigned} in this transaction. The caller has checked step-up
	 * ({@link org.consilium.identity.StepUp}), as for the first signature.
	 * @throws ForbiddenActionException (403) for anyone but the case's assigned specialist
	 * @throws IllegalTransitionException (409) unless the opinion is delivered (DELIVERED or CLOSED)
	 * @throws InvalidInputException (422) for an empty or over-long text or reason
	 */
	public Addendum addAddendum(Actor actor, CaseId caseId, String text, String reason) {
		AuditAction action = AuditAction.OPINION_ADDENDUM;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.is(Role.SPECIALIST) || !c.chairedByActor()) {
			throw new ForbiddenActionException("Only the specialist who signed the opinion can add an addendum.");
		}
		return audited(actor, caseId, action, "Addendum", () -> {
			if (c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
				throw new IllegalTransitionException("An addendum can be added once the opinion is delivered.");
			}
			String t = FollowUpQuestions.checkAddendum(text);
			String r = FollowUpQuestions.checkAddendumReason(reason);
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(lockKey(caseId)).query((rs, n) -> 1).list();
			WrittenOpinionView signed = review.signedVersionForSystem(caseId).orElseThrow(OpinionNotSignedException::new);
			int current = versions.current(caseId).orElseGet(() -> versions.record(signed)).version();
			Addendum addendum = new Addendum(UUID.randomUUID(), caseId, current + 1, t, r, actor.id(),
					now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
			versions.recordAddendum(signed, addendum);
			audit.success(actor, action, caseId, "Addendum", addendum.id());
			events.publishEvent(new OpinionVersionSigned(caseId, addendum.version(), addendum.writtenAt()));
			return addendum;
		});
	}

	/**
	 * The dissents of a panel's members from the consensus, shown with the delivered opinion (empty for a single
	 * specialist, and for the patient before delivery). Audited by review.
	 */
	public List<org.consilium.review.PanelDissent> dissents(Actor actor, CaseId caseId) {
		return panels.dissents(actor, caseId);
	}

	/**
	 * The patient (or referrer) asks a follow-up question after delivery; at most {@value FollowUpQuestions#MAX} per
	 * case. Publishes {@link FollowUpQuestionAsked} (the specialist is told).
	 * @throws InvalidInputException for a fourth question, or an empty or over-long one
	 * @throws IllegalTransitionException unless the case is DELIVERED (not yet delivered, or already closed)
	 */
	public FollowUpQuestion askFollowUp(Actor actor, CaseId caseId, String question) {
		AuditAction action = AuditAction.OPINION_FOLLOW_UP_ASK;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!c.actsForPatient()) {
			throw new ForbiddenActionException("Only the patient or their referring physician can ask follow-up questions.");
		}
		return audited(actor, caseId, action, "FollowUpQuestion", () -> {
			if (c.status() != OpinionRequestStatus.DELIVERED) {
				throw new IllegalTransitionException("Follow-up questions can be asked once the opinion is delivered, until the case is closed.");
			}
			// Serialises concurrent questions on one case so the limit holds.
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(lockKey(caseId)).query((rs, n) -> 1).list();
			int asked = jdbc.sql("SELECT count(*) FROM opinion.follow_up_question WHERE case_id = ?").param(caseId.value())
				.query(Integer.class).single();
			String q = FollowUpQuestions.checkCanAsk(asked, question);
			FollowUpQuestion saved = new FollowUpQuestion(UUID.randomUUID(), caseId, actor.id(), now(), q, null, null, null);
			jdbc.sql("INSERT INTO opinion.follow_up_question (id, case_id, asked_by, asked_at, question) VALUES (?, ?, ?, ?, ?)")
				.params(saved.id(), caseId.value(), actor.id().value(), Timestamp.from(saved.askedAt()), q).update();
			audit.success(actor, action, caseId, "FollowUpQuestion", saved.id());
			events.publishEvent(new FollowUpQuestionAsked(caseId, saved.id(), saved.askedAt()));
			return saved;
		});
	}

	/**
	 * The assigned specialist answers a follow-up question, shown under the signed opinion. Publishes
	 * {@link FollowUpQuestionAnswered} (the patient side is told).
	 * @throws NotFoundException when the question is not one of this case's
	 * @throws IllegalTransitionException when it is already answered or the opinion is not delivered
	 * @throws InvalidInputException for an empty or over-long answer
	 */
	public FollowUpQuestion answerFollowUp(Actor actor, CaseId caseId, UUID followUpId, String answer) {
		AuditAction action = AuditAction.OPINION_FOLLOW_UP_ANSWER;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.is(Role.SPECIALIST)) {
			throw new ForbiddenActionException("Only the case's specialist can answer follow-up questions.");
		}
		return audited(actor, caseId, action, "FollowUpQuestion", () -> {
			if (c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
				throw new IllegalTransitionException("The opinion is not delivered.");
			}
			String a = FollowUpQuestions.checkAnswer(answer);
			FollowUpQuestion existing = findFollowUps(caseId).stream().filter(f -> f.id().equals(followUpId)).findFirst()
				.orElseThrow(NotFoundException::new);
			if (existing.answered()) {
				throw new IllegalTransitionException("This question is already answered.");
			}
			Instant now = now();
			int updated = jdbc.sql("""
					UPDATE opinion.follow_up_question SET answer = ?, answered_by = ?, answered_at = ?
					WHERE id = ? AND case_id = ? AND answer IS NULL""")
				.params(a, actor.id().value(), Timestamp.from(now), followUpId, caseId.value()).update();
			if (updated == 0) {
				throw new IllegalTransitionException("This question is already answered.");
			}
			audit.success(actor, action, caseId, "FollowUpQuestion", followUpId);
			events.publishEvent(new FollowUpQuestionAnswered(caseId, followUpId, now));
			return new FollowUpQuestion(existing.id(), caseId, existing.askedBy(), existing.askedAt(), existing.question(), a,
					actor.id(), now);
		});
	}

	/**
	 * The patient (or referrer) closes the delivered case with feedback.
	 * @param satisfaction 1 (not at all) to 5 (very satisfied)
	 * @throws InvalidInputException when the satisfaction or the intention is missing or invalid
	 * @throws IllegalTransitionException unless the case is DELIVERED (feedback is given once)
	 */
	public Feedback giveFeedback(Actor actor, CaseId caseId, Integer satisfaction, IntendsToFollow intendsToFollow, String comment) {
		AuditAction action = AuditAction.OPINION_FEEDBACK;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!c.actsForPatient()) {
			throw new ForbiddenActionException("Only the patient or their referring physician can close the case.");
		}
		return audited(actor, caseId, action, "Feedback", () -> {
			Feedback feedback = new Feedback(caseId, actor.id(), now(), satisfaction, intendsToFollow, comment);
			if (c.status() != OpinionRequestStatus.DELIVERED) {
				throw new IllegalTransitionException("Feedback can be given once the opinion is delivered, and only once.");
			}
			try {
				jdbc.sql("""
						INSERT INTO opinion.feedback (case_id, given_by, given_at, satisfaction, intends_to_follow, comment)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(caseId.value(), actor.id().value(), Timestamp.from(feedback.givenAt()), feedback.satisfaction(),
							feedback.intendsToFollow().name(), feedback.comment())
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Feedback for this case is already given.");
			}
			lifecycle.close(c);
			audit.success(actor, action, caseId, "Feedback", caseId.value());
			return feedback;
		});
	}

	private <T> T audited(Actor actor, CaseId caseId, AuditAction action, String recordType, java.util.function.Supplier<T> work) {
		return audit.recordingFailures(actor, action, caseId, recordType, work);
	}

	private List<FollowUpQuestion> findFollowUps(CaseId caseId) {
		return jdbc.sql("""
				SELECT id, case_id, asked_by, asked_at, question, answer, answered_by, answered_at
				FROM opinion.follow_up_question WHERE case_id = ? ORDER BY asked_at, id""")
			.param(caseId.value())
			.query((rs, n) -> new FollowUpQuestion(rs.getObject("id", UUID.class), CaseId.ofNullable(rs.getObject("case_id", UUID.class)),
					UserId.ofNullable(rs.getObject("asked_by", UUID.class)), instant(rs, "asked_at"), rs.getString("question"), rs.getString("answer"),
					UserId.ofNullable(rs.getObject("answered_by", UUID.class)), instant(rs, "answered_at")))
			.list();
	}

	private Optional<Feedback> findFeedback(CaseId caseId) {
		return jdbc.sql("""
				SELECT case_id, given_by, given_at, satisfaction, intends_to_follow, comment FROM opinion.feedback WHERE case_id = ?""")
			.param(caseId.value())
			.query((rs, n) -> new Feedback(CaseId.ofNullable(rs.getObject("case_id", UUID.class)), UserId.ofNullable(rs.getObject("given_by", UUID.class)),
					instant(rs, "given_at"), rs.getInt("satisfaction"), IntendsToFollow.valueOf(rs.getString("intends_to_follow")),
					rs.getString("comment")))
			.optional();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static long lockKey(CaseId caseId) {
		return caseId.value().getMostSignificantBits() ^ caseId.value().getLeastSignificantBits();
	}

	private Instant now() {
		return clock.instant();
	}
}
