package org.consilium.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditLog;
import org.consilium.identity.Actor;
import org.consilium.identity.Role;
import org.consilium.intake.CasePanel;
import org.consilium.intake.CodeSystem;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.intake.OpinionRequestView;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;

/**
 * The specialist's workspace use cases. Every method takes the acting user and first asks
 * {@link IntakeManagement#requireAccess}: a case the actor has no relation to throws {@link NotFoundException}
 * (problem type {@code not-found}, 404, audited as DENIED). Then: a related actor whose role cannot take the action
 * gets {@link ForbiddenActionException} ({@code forbidden-action}, 403); a case in the wrong state gets
 * {@link IllegalTransitionException} ({@code illegal-transition}, 409); a stale draft save or signature gets
 * {@link EditConflictException} ({@code edit-conflict}, 409) and overwrites nothing; signing an incomplete opinion gets
 * {@link OpinionIncompleteException} ({@code opinion-incomplete}, 409); bad input gets {@link InvalidInputException}
 * ({@code invalid-input}, 422). Successes are audited in the transaction, failures on their own.
 */
@Service
@Transactional
public class ReviewManagement {

	private static final Set<OpinionRequestStatus> REVIEWING = EnumSet.of(OpinionRequestStatus.IN_REVIEW,
			OpinionRequestStatus.AWAITING_PATIENT);

	static final int MAX_QUESTION = 2_000;

	static final int MAX_ANSWER = 10_000;

	private final IntakeManagement intake;

	private final WrittenOpinionRepository opinions;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ReviewManagement(IntakeManagement intake, WrittenOpinionRepository opinions, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.intake = intake;
		this.opinions = opinions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The specialist's assigned cases (each listing audited by intake), earliest review deadline first.
	 * @throws ForbiddenActionException for anyone but a specialist
	 */
	public List<OpinionRequestView> assignedCases(Actor actor) {
		if (!actor.is(Role.SPECIALIST)) {
			throw new ForbiddenActionException("This list is for specialists.");
		}
		return intake.myCases(actor).stream()
			.sorted(java.util.Comparator.comparing((OpinionRequestView v) -> v.status().isFinal())
				.thenComparing(v -> v.currentDeadline() == null ? Instant.MAX : v.currentDeadline().dueAt()))
			.toList();
	}

	/** The assigned specialist accepts the case: ASSIGNED → IN_REVIEW, the review starts (audited by intake). */
	public OpinionRequestView acceptAssignment(Actor actor, UUID caseId) {
		return intake.acceptAssignment(actor, caseId);
	}

	/**
	 * The assigned specialist declines: the case returns to triage for reassignment.
	 * @throws InvalidInputException without a reason
	 */
	public OpinionRequestView declineAssignment(Actor actor, UUID caseId, String reason) {
		return intake.declineAssignment(actor, caseId, reason);
	}

	// ---- impression (blinded first) ----

	/**
	 * Records the assigned specialist's independent impression, once, while the case is in review; from then on the
	 * case view shows them the first opinion.
	 * @param workingDiagnosis optional
	 * @throws IllegalTransitionException when an impression is already recorded (it cannot be changed) or the case is
	 *         not in review
	 * @throws InvalidInputException without impression text
	 */
	public Impression recordImpression(Actor actor, UUID caseId, String text, Diagnosis workingDiagnosis) {
		String action = "review.impression";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		requireSpecialist(actor);
		return audited(actor, caseId, action, "Impression", () -> {
			requireReviewing(c);
			String impression = OpinionContent.clean(text, "impression", OpinionContent.MAX_TEXT);
			if (impression.isEmpty()) {
				throw new InvalidInputException("Write your impression before you see the first opinion.");
			}
			if (findImpression(caseId, actor.userId()).isPresent()) {
				throw new IllegalTransitionException("Your impression is already recorded and cannot be changed.");
			}
			Impression saved = new Impression(UUID.randomUUID(), caseId, actor.userId(), now(), impression, workingDiagnosis);
			try {
				jdbc.sql("""
						INSERT INTO review.impression (id, case_id, specialist_id, recorded_at, impression, working_diagnosis_text,
						  working_diagnosis_system, working_diagnosis_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(saved.id(), caseId, actor.userId(), Timestamp.from(saved.recordedAt()), impression,
							workingDiagnosis == null ? null : workingDiagnosis.text(),
							workingDiagnosis == null || workingDiagnosis.system() == null ? null : workingDiagnosis.system().uri(),
							workingDiagnosis == null ? null : workingDiagnosis.code())
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Your impression is already recorded and cannot be changed.");
			}
			intake.impressionRecorded(actor, caseId);
			audit.success(actor.userId(), actor.role().name(), action, caseId, "Impression", saved.id());
			return saved;
		});
	}

	/**
	 * The impression: a specialist's (the chair's or a panel member's) own; for coordinators, the assigned
	 * specialist's.
	 * @throws ForbiddenActionException for the patient or referrer (it is a working note of the review)
	 */
	public Optional<Impression> impression(Actor actor, UUID caseId) {
		String action = "review.impression.read";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		if (!actor.is(Role.SPECIALIST) && !actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("The impression is a working note of the specialist.");
		}
		Optional<Impression> found = findImpression(caseId, actor.is(Role.SPECIALIST) ? actor.userId() : c.specialistId());
		found.ifPresent(i -> audit.success(actor.userId(), actor.role().name(), action, caseId, "Impression", i.id()));
		return found;
	}

	// ---- clarifying questions ----

	/**
	 * The assigned specialist asks the patient a question; the case waits for the patient (the review clock pauses).
	 * @throws IllegalTransitionException unless the case is in review (or already waiting for the patient)
	 * @throws InvalidInputException for an empty or over-long question
	 */
	public Clarification askClarification(Actor actor, UUID caseId, String question) {
		String action = "review.clarification.ask";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		requireChair(actor, c);
		return audited(actor, caseId, action, "Clarification", () -> {
			requireReviewing(c);
			String q = OpinionContent.clean(question, "question", MAX_QUESTION);
			if (q.isEmpty()) {
				throw new InvalidInputException("Write the question for the patient.");
			}
			Clarification saved = new Clarification(UUID.randomUUID(), caseId, actor.userId(), now(), q, null, null, null);
			jdbc.sql("INSERT INTO review.clarification (id, case_id, asked_by, asked_at, question) VALUES (?, ?, ?, ?, ?)")
				.params(saved.id(), caseId, actor.userId(), Timestamp.from(saved.askedAt()), q).update();
			if (c.status() == OpinionRequestStatus.IN_REVIEW) {
				intake.awaitPatient(actor, caseId);
			}
			audit.success(actor.userId(), actor.role().name(), action, caseId, "Clarification", saved.id());
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
	public Clarification answerClarification(Actor actor, UUID caseId, UUID clarificationId, String answer) {
		String action = "review.clarification.answer";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		if (!actor.userId().equals(c.patientId()) && !actor.userId().equals(c.referrerId())) {
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
				.params(a, actor.userId(), Timestamp.from(now), clarificationId, caseId).update();
			if (updated == 0) {
				throw new IllegalTransitionException("This question is already answered.");
			}
			boolean anyOpen = findClarifications(caseId).stream().anyMatch(Clarification::open);
			if (!anyOpen && c.status() == OpinionRequestStatus.AWAITING_PATIENT) {
				intake.patientAnswered(actor, caseId);
			}
			audit.success(actor.userId(), actor.role().name(), action, caseId, "Clarification", clarificationId);
			return new Clarification(existing.id(), caseId, existing.askedBy(), existing.askedAt(), existing.question(), a,
					actor.userId(), now);
		});
	}

	/** The case's clarifying questions and answers, oldest first, for everyone related to the case (audited). */
	public List<Clarification> clarifications(Actor actor, UUID caseId) {
		String action = "review.clarification.read";
		intake.requireAccess(actor, caseId, action);
		List<Clarification> list = findClarifications(caseId);
		if (!list.isEmpty()) {
			audit.success(actor.userId(), actor.role().name(), action, caseId, "Clarification", null);
		}
		return list;
	}

	// ---- the written opinion ----

	/**
	 * The specialist's own opinion (draft or signed), for the workspace; empty before the first save. A panel member
	 * reads the chair's consensus draft only after saving their own panel opinion (empty before).
	 * @throws ForbiddenActionException for anyone but the assigned specialist (a panel's chair) or a panel member
	 */
	public Optional<WrittenOpinionView> draft(Actor actor, UUID caseId) {
		String action = "review.opinion.read";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		requireSpecialist(actor);
		if (!actor.userId().equals(c.specialistId()) && findPanelOpinion(caseId, actor.userId()).isEmpty()) {
			return Optional.empty();
		}
		Optional<WrittenOpinion> found = opinions.findByCase(caseId);
		found.ifPresent(o -> audit.success(actor.userId(), actor.role().name(), action, caseId, "WrittenOpinion", o.id()));
		return found.map(WrittenOpinion::view);
	}

	/**
	 * Saves the draft. {@code expectedVersion} is the version the specialist loaded ({@code null} for the first save).
	 * @throws EditConflictException when someone saved since (nothing is overwritten)
	 * @throws IllegalTransitionException before the impression is recorded, outside review, or once signed
	 */
	public WrittenOpinionView saveDraft(Actor actor, UUID caseId, Integer expectedVersion, OpinionContent content) {
		return saveDraft(actor, caseId, expectedVersion, null, content);
	}

	/**
	 * Saves the draft from one rendering of the workspace form ({@code editSession}): that form's own earlier autosave
	 * never counts as a conflicting edit; any other save since {@code expectedVersion} does.
	 * @throws EditConflictException when another form saved since (nothing is overwritten)
	 */
	public WrittenOpinionView saveDraft(Actor actor, UUID caseId, Integer expectedVersion, UUID editSession, OpinionContent content) {
		String action = "review.opinion.save";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		requireChair(actor, c);
		return audited(actor, caseId, action, "WrittenOpinion", () -> {
			// Saves of one case's draft run one after the other: a form's first autosave and its "save and sign" can
			// otherwise both find no draft, both insert, and the second fail as a conflict with its own form.
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("review.written_opinion:" + caseId).query((rs, n) -> 1).list();
			WrittenOpinion opinion = editable(c, caseId);
			if (opinion == null) {
				if (expectedVersion != null && expectedVersion != 0) {
					throw new EditConflictException();
				}
				opinion = WrittenOpinion.start(caseId, actor.userId(), now());
				opinion.revise(content, now());
				try {
					opinions.insert(opinion, editSession);
				}
				catch (DuplicateKeyException e) {
					throw new EditConflictException();
				}
			}
			else {
				boolean sameForm = editSession != null && editSession.equals(opinions.lastEditSession(opinion.id()));
				Integer base = sameForm ? Integer.valueOf(opinion.version()) : expectedVersion;
				if (base == null) {
					throw new EditConflictException();
				}
				opinion.revise(content, now());
				if (!opinions.updateDraft(opinion, base, editSession)) {
					throw new EditConflictException();
				}
			}
			audit.success(actor.userId(), actor.role().name(), action, caseId, "WrittenOpinion", opinion.id());
			return opinions.findByCase(caseId).orElseThrow().view();
		});
	}

	/**
	 * Saves the form's content and signs it, in one transaction: a concurrent autosave of the same draft waits for it and
	 * then fails against the signed opinion, so what is signed is exactly what the form showed. An incomplete opinion
	 * is still saved as a draft ({@link OpinionIncompleteException} does not roll the save back).
	 * @throws OpinionIncompleteException (problem type {@code opinion-incomplete}, 409) listing what is missing
	 * @throws EditConflictException when another form saved since {@code expectedVersion}
	 */
	@Transactional(noRollbackFor = OpinionIncompleteException.class)
	public WrittenOpinionView saveAndSign(Actor actor, UUID caseId, Integer expectedVersion, UUID editSession, OpinionContent content) {
		WrittenOpinionView saved = saveDraft(actor, caseId, expectedVersion, editSession, content);
		return sign(actor, caseId, saved.version());
	}

	/**
	 * Signs the opinion and freezes it; the case moves to OPINION_SIGNED and, without the program's quality check, is
	 * delivered at once. After this only follow-up addenda add to what the patient reads.
	 * @throws OpinionIncompleteException (problem type {@code opinion-incomplete}, 409) when the concordance, a
	 *         diagnosis, the treatment review, an answer to any patient question or the plain summary is missing
	 * @throws EditConflictException when the draft changed since {@code expectedVersion}
	 * @throws IllegalTransitionException when already signed, before the impression, or while a question to the
	 *         patient is open
	 */
	public WrittenOpinionView sign(Actor actor, UUID caseId, Integer expectedVersion) {
		String action = "review.opinion.sign";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		requireChair(actor, c);
		return audited(actor, caseId, action, "WrittenOpinion", () -> {
			if (expectedVersion == null) {
				throw new InvalidInputException("Send the version of the draft you read (version).");
			}
			if (c.status() == OpinionRequestStatus.AWAITING_PATIENT) {
				throw new IllegalTransitionException("A question to the patient is still open. Sign once it is answered.");
			}
			WrittenOpinion opinion = editable(c, caseId);
			if (opinion == null) {
				throw new OpinionIncompleteException(WrittenOpinion.start(caseId, actor.userId(), now()).missingForSignature(c.questions()));
			}
			if (opinion.version() != expectedVersion.intValue()) {
				throw new EditConflictException();
			}
			opinion.sign(actor.userId(), c.questions(), now());
			if (!opinions.markSigned(opinion, expectedVersion)) {
				throw new EditConflictException();
			}
			intake.opinionSigned(actor, caseId);
			audit.success(actor.userId(), actor.role().name(), action, caseId, "WrittenOpinion", opinion.id());
			return opinions.findByCase(caseId).orElseThrow().view();
		});
	}

	/**
	 * The signed opinion, for the opinion module and the delivered-opinion page: the assigned specialist and
	 * coordinators once signed; the patient and referrer only once the case is DELIVERED or CLOSED. Empty otherwise.
	 * Each read is audited.
	 */
	public Optional<WrittenOpinionView> signedOpinion(Actor actor, UUID caseId) {
		String action = "opinion.read";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		boolean forPatient = actor.userId().equals(c.patientId()) || actor.userId().equals(c.referrerId());
		if (forPatient && c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
			return Optional.empty();
		}
		Optional<WrittenOpinion> signed = opinions.findByCase(caseId).filter(WrittenOpinion::isSigned);
		signed.ifPresent(o -> audit.success(actor.userId(), actor.role().name(), action, caseId, "WrittenOpinion", o.id()));
		return signed.map(WrittenOpinion::view);
	}

	// ---- panels ----

	/**
	 * A panel member saves their independent opinion, once, while the case is in review and after their own impression
	 * (the blinded-first rule applies to each member). Only then do they see the other members' opinions.
	 * @throws ForbiddenActionException for anyone but a member of the case's panel (the chair writes the consensus)
	 * @throws IllegalTransitionException outside review, before the member's impression, or when already saved
	 * @throws InvalidInputException without a concordance or opinion text
	 */
	public PanelOpinion savePanelOpinion(Actor actor, UUID caseId, Concordance concordance, String text) {
		String action = "review.panel.opinion.save";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		CasePanel panel = intake.panel(actor, caseId);
		requireMember(actor, panel);
		return audited(actor, caseId, action, "PanelOpinion", () -> {
			requireReviewing(c);
			String opinion = OpinionContent.clean(text, "opinion", OpinionContent.MAX_TEXT);
			if (concordance == null || opinion.isEmpty()) {
				throw new InvalidInputException("Choose the concordance and write your opinion.");
			}
			if (findImpression(caseId, actor.userId()).isEmpty()) {
				throw new IllegalTransitionException("Record your independent impression before writing your panel opinion.");
			}
			PanelOpinion saved = new PanelOpinion(UUID.randomUUID(), caseId, actor.userId(), actor.displayName(), concordance, opinion, now());
			try {
				jdbc.sql("INSERT INTO review.panel_opinion (id, case_id, member_id, concordance, opinion, saved_at) VALUES (?, ?, ?, ?, ?, ?)")
					.params(saved.id(), caseId, actor.userId(), concordance.name(), opinion, Timestamp.from(saved.savedAt())).update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Your panel opinion is already saved and cannot be changed.");
			}
			audit.success(actor.userId(), actor.role().name(), action, caseId, "PanelOpinion", saved.id());
			return saved;
		});
	}

	/**
	 * The panel members' opinions, oldest first: for a member once they saved their own, for the chair once their
	 * impression is recorded, and for coordinators. Audited.
	 * @throws ForbiddenActionException for a member before their own opinion, the chair before their impression, and
	 *         the patient or referrer (working notes of the panel)
	 */
	public List<PanelOpinion> panelOpinions(Actor actor, UUID caseId) {
		String action = "review.panel.opinion.read";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		CasePanel panel = intake.panel(actor, caseId);
		return audited(actor, caseId, action, "PanelOpinion", () -> {
			if (panel.isMember(actor.userId()) && findPanelOpinion(caseId, actor.userId()).isEmpty()) {
				throw new ForbiddenActionException("Save your own panel opinion before you read the other members'.");
			}
			if (panel.isChair(actor.userId()) && findImpression(caseId, actor.userId()).isEmpty()) {
				throw new ForbiddenActionException("Record your independent impression before you read the members' opinions.");
			}
			if (!actor.is(Role.SPECIALIST) && !actor.is(Role.COORDINATOR)) {
				throw new ForbiddenActionException("The members' opinions are working notes of the panel.");
			}
			List<PanelOpinion> list = jdbc.sql("""
					SELECT id, case_id, member_id, concordance, opinion, saved_at FROM review.panel_opinion
					WHERE case_id = ? ORDER BY saved_at, id""").param(caseId)
				.query((rs, n) -> new PanelOpinion(rs.getObject("id", UUID.class), caseId, rs.getObject("member_id", UUID.class),
						memberName(panel, rs.getObject("member_id", UUID.class)), Concordance.valueOf(rs.getString("concordance")),
						rs.getString("opinion"), WrittenOpinionRepository.instant(rs, "saved_at")))
				.list();
			audit.success(actor.userId(), actor.role().name(), action, caseId, "PanelOpinion", null);
			return list;
		});
	}

	/**
	 * A panel member records their dissent from the consensus, once, while the case is in review and after saving their
	 * own opinion; it is shown with the delivered opinion.
	 * @throws ForbiddenActionException for anyone but a member of the case's panel
	 * @throws IllegalTransitionException outside review, before the member's own opinion, or when already recorded
	 * @throws InvalidInputException without text
	 */
	public PanelDissent recordDissent(Actor actor, UUID caseId, String text) {
		String action = "review.panel.dissent";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		CasePanel panel = intake.panel(actor, caseId);
		requireMember(actor, panel);
		return audited(actor, caseId, action, "PanelDissent", () -> {
			requireReviewing(c);
			String dissent = OpinionContent.clean(text, "dissent", OpinionContent.MAX_TEXT);
			if (dissent.isEmpty()) {
				throw new InvalidInputException("Write what you disagree with and why.");
			}
			if (findPanelOpinion(caseId, actor.userId()).isEmpty()) {
				throw new IllegalTransitionException("Save your own panel opinion before recording a dissent.");
			}
			PanelDissent saved = new PanelDissent(UUID.randomUUID(), caseId, actor.userId(), actor.displayName(), dissent, now());
			try {
				jdbc.sql("INSERT INTO review.panel_dissent (id, case_id, member_id, dissent, recorded_at) VALUES (?, ?, ?, ?, ?)")
					.params(saved.id(), caseId, actor.userId(), dissent, Timestamp.from(saved.recordedAt())).update();
			}
			catch (DuplicateKeyException e) {
				throw new IllegalTransitionException("Your dissent is already recorded.");
			}
			audit.success(actor.userId(), actor.role().name(), action, caseId, "PanelDissent", saved.id());
			return saved;
		});
	}

	/**
	 * The members' dissents, oldest first: for the patient and referrer once the opinion is DELIVERED or CLOSED (they are
	 * part of it), for the panel and coordinators at any time. Empty for the patient before delivery. Audited when any.
	 */
	public List<PanelDissent> dissents(Actor actor, UUID caseId) {
		String action = "review.panel.dissent.read";
		OpinionRequestView c = intake.requireAccess(actor, caseId, action);
		boolean forPatient = actor.userId().equals(c.patientId()) || actor.userId().equals(c.referrerId());
		if (forPatient && c.status() != OpinionRequestStatus.DELIVERED && c.status() != OpinionRequestStatus.CLOSED) {
			return List.of();
		}
		CasePanel panel = intake.panel(actor, caseId);
		List<PanelDissent> list = jdbc.sql("""
				SELECT id, member_id, dissent, recorded_at FROM review.panel_dissent WHERE case_id = ? ORDER BY recorded_at, id""")
			.param(caseId)
			.query((rs, n) -> new PanelDissent(rs.getObject("id", UUID.class), caseId, rs.getObject("member_id", UUID.class),
					memberName(panel, rs.getObject("member_id", UUID.class)), rs.getString("dissent"),
					WrittenOpinionRepository.instant(rs, "recorded_at")))
			.list();
		if (!list.isEmpty()) {
			audit.success(actor.userId(), actor.role().name(), action, caseId, "PanelDissent", null);
		}
		return list;
	}

	private static String memberName(CasePanel panel, UUID memberId) {
		return panel.members().stream().filter(m -> m.memberId().equals(memberId)).map(CasePanel.Member::name).findFirst().orElse("");
	}

	private static void requireMember(Actor actor, CasePanel panel) {
		if (!actor.is(Role.SPECIALIST) || !panel.isMember(actor.userId())) {
			throw new ForbiddenActionException("Only a member of the case's panel can do this; the chair writes the consensus.");
		}
	}

	// ---- internals ----

	private WrittenOpinion editable(OpinionRequestView c, UUID caseId) {
		WrittenOpinion existing = opinions.findByCase(caseId).orElse(null);
		if (existing != null && existing.isSigned()) {
			throw new IllegalTransitionException("The opinion is signed and cannot be changed. Answer follow-up questions as addenda.");
		}
		requireReviewing(c);
		if (findImpression(caseId, c.specialistId()).isEmpty()) {
			throw new IllegalTransitionException("Record your independent impression before writing the opinion.");
		}
		return existing;
	}

	/** The assigned specialist, who is a panel's chair: only they write, sign and ask the patient. */
	private static void requireChair(Actor actor, OpinionRequestView c) {
		if (!actor.is(Role.SPECIALIST) || !actor.userId().equals(c.specialistId())) {
			throw new ForbiddenActionException("Only the case's assigned specialist (a panel's chair) can do this.");
		}
	}

	private static void requireSpecialist(Actor actor) {
		if (!actor.is(Role.SPECIALIST)) {
			throw new ForbiddenActionException("Only the case's specialist can do this.");
		}
	}

	private static void requireReviewing(OpinionRequestView c) {
		if (!REVIEWING.contains(c.status())) {
			throw new IllegalTransitionException("This is possible only while the case is in review (it is "
					+ c.status().label().toLowerCase(java.util.Locale.ROOT) + ").");
		}
	}

	private <T> T audited(Actor actor, UUID caseId, String action, String recordType, java.util.function.Supplier<T> work) {
		return audit.recordingFailures(actor.userId(), actor.role().name(), action, caseId, recordType, work);
	}

	private Optional<Impression> findImpression(UUID caseId, UUID specialistId) {
		return jdbc.sql("""
				SELECT id, case_id, specialist_id, recorded_at, impression, working_diagnosis_text, working_diagnosis_system,
				       working_diagnosis_code
				FROM review.impression WHERE case_id = ? AND specialist_id = ?""").params(caseId, specialistId)
			.query(ReviewManagement::impressionRow).optional();
	}

	private Optional<UUID> findPanelOpinion(UUID caseId, UUID memberId) {
		return jdbc.sql("SELECT id FROM review.panel_opinion WHERE case_id = ? AND member_id = ?").params(caseId, memberId)
			.query(UUID.class).optional();
	}

	private List<Clarification> findClarifications(UUID caseId) {
		return jdbc.sql("""
				SELECT id, case_id, asked_by, asked_at, question, answer, answered_by, answered_at
				FROM review.clarification WHERE case_id = ? ORDER BY asked_at, id""")
			.param(caseId)
			.query((rs, n) -> new Clarification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					rs.getObject("asked_by", UUID.class), WrittenOpinionRepository.instant(rs, "asked_at"), rs.getString("question"),
					rs.getString("answer"), rs.getObject("answered_by", UUID.class), WrittenOpinionRepository.instant(rs, "answered_at")))
			.list();
	}

	private static Impression impressionRow(ResultSet rs, int n) throws SQLException {
		String dxText = rs.getString("working_diagnosis_text");
		Diagnosis dx = dxText == null ? null
				: new Diagnosis(dxText, CodeSystem.ofUri(rs.getString("working_diagnosis_system")).orElse(null),
						rs.getString("working_diagnosis_code"));
		return new Impression(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("specialist_id", UUID.class), WrittenOpinionRepository.instant(rs, "recorded_at"),
				rs.getString("impression"), dx);
	}

	private Instant now() {
		return clock.instant();
	}
}
