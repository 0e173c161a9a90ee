package org.consilium.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditLog;
import org.consilium.identity.Actor;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.Role;
import org.consilium.identity.UserView;
import org.consilium.shared.EditConflictException;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.ProgramSettings;

/**
 * The case's use cases. Every method takes the acting user, applies {@link CaseAccessPolicy} first and writes an audit
 * entry: a case the actor has no relation to throws {@link NotFoundException} (404, audited as DENIED), exactly as a
 * missing one; a related actor whose role cannot take the action gets {@link ForbiddenActionException} (403); a wrong
 * state gets {@link org.consilium.shared.IllegalTransitionException} (409); a stale edit gets
 * {@link EditConflictException} (409); bad input gets {@link InvalidInputException} (422) and changes nothing.
 */
@Service
@Transactional
public class IntakeManagement {

	private final OpinionRequestRepository requests;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final IdentityManagement identity;

	private final ProgramSettings program;

	private final Clock clock;

	IntakeManagement(OpinionRequestRepository requests, JdbcClient jdbc, AuditLog audit, IdentityManagement identity,
			ProgramSettings program, Clock clock) {
		this.requests = requests;
		this.jdbc = jdbc;
		this.audit = audit;
		this.identity = identity;
		this.program = program;
		this.clock = clock;
	}

	/**
	 * Creates a draft. A patient drafts for themself; a referring physician names the patient by e-mail (the patient
	 * must have an account: invite them first). The same {@code requestToken} (one per rendered form) returns the draft
	 * created the first time, so a double click creates one case.
	 */
	public OpinionRequestView createDraft(Actor actor, String patientEmail, UUID requestToken, DraftContent content) {
		if (requestToken != null) {
			var existing = requests.findByCreatedByAndRequestToken(actor.userId(), requestToken);
			if (existing.isPresent()) {
				return view(actor, existing.get());
			}
		}
		UUID patientId;
		UUID referrerId = null;
		if (actor.is(Role.PATIENT)) {
			patientId = actor.userId();
		}
		else if (actor.is(Role.REFERRING_PHYSICIAN)) {
			UserView patient = identity.findByEmail(patientEmail).filter(u -> u.role() == Role.PATIENT)
				.orElseThrow(() -> new InvalidInputException("No patient account has this e-mail address. Invite the patient first."));
			patientId = patient.id();
			referrerId = actor.userId();
		}
		else {
			throw new ForbiddenActionException("Only a patient or a referring physician can ask for a second opinion.");
		}
		OpinionRequest draft = OpinionRequest.draft(patientId, referrerId, actor.userId(),
				requestToken == null ? UUID.randomUUID() : requestToken, content == null ? DraftContent.empty() : content, now());
		OpinionRequest saved = save(draft);
		audit.success(actor.userId(), actor.role().name(), "case.create", saved.id(), "OpinionRequest", saved.id());
		return view(actor, saved);
	}

	/** Saves the draft's content (also the autosave while typing). {@code expectedVersion} guards against lost updates. */
	public OpinionRequestView updateDraft(Actor actor, UUID caseId, Integer expectedVersion, DraftContent content) {
		return updateDraft(actor, caseId, expectedVersion, null, content);
	}

	/**
	 * Saves the draft from one rendering of the draft form ({@code editSession}): that form's own earlier autosave
	 * never counts as a conflicting edit; any other save since {@code expectedVersion} does.
	 * @throws EditConflictException when another form or person saved since
	 */
	public OpinionRequestView updateDraft(Actor actor, UUID caseId, Integer expectedVersion, UUID editSession, DraftContent content) {
		return change(actor, caseId, null, "case.update", forPatient((r, now) -> {
			if (content == null || (expectedVersion == null && editSession == null)) {
				throw new InvalidInputException("Send the draft's content and the version you read (expectedVersion).");
			}
			r.edit(content, expectedVersion, editSession, now);
		}));
	}

	/**
	 * Saves the form's content and submits, in one transaction, so a late autosave of the same form cannot slip in
	 * between. When submission is refused for missing content ({@link InvalidInputException}), the content is still saved.
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public OpinionRequestView saveAndSubmit(Actor actor, UUID caseId, Integer expectedVersion, UUID editSession, DraftContent content) {
		updateDraft(actor, caseId, expectedVersion, editSession, content);
		return submit(actor, caseId);
	}

	public OpinionRequestView submit(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "case.submit", forPatient((r, now) -> r.submit(actor.userId(), now)));
	}

	public OpinionRequestView withdraw(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "case.withdraw", forPatient((r, now) -> r.withdraw(actor.userId(), now)));
	}

	/** The patient says the requested records are added; the case returns to triage and the triage clock resumes. */
	public OpinionRequestView recordsReceived(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "case.records-received", forPatient((r, now) -> r.recordsReceived(actor.userId(), now)));
	}

	public OpinionRequestView close(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "case.close", forPatient((r, now) -> r.close(actor.userId(), now)));
	}

	public OpinionRequestView startTriage(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "triage.start", forRole(Role.COORDINATOR, (r, now) -> r.startTriage(actor.userId(), now)));
	}

	public OpinionRequestView requestRecords(Actor actor, UUID caseId, String message) {
		return change(actor, caseId, null, "triage.request-records",
				forRole(Role.COORDINATOR, (r, now) -> r.requestRecords(actor.userId(), message, now)));
	}

	public OpinionRequestView decline(Actor actor, UUID caseId, DeclineReason reason, String note) {
		return change(actor, caseId, null, "triage.decline",
				forRole(Role.COORDINATOR, (r, now) -> r.decline(actor.userId(), reason, note, now)));
	}

	/**
	 * Completes triage: specialty (NUCC code), urgency and the assigned specialist, who must hold that specialty.
	 * @throws InvalidInputException when the specialist does not exist or has another specialty
	 */
	public OpinionRequestView assign(Actor actor, UUID caseId, String specialtyCode, Urgency urgency, UUID specialistId) {
		return change(actor, caseId, null, "triage.assign", forRole(Role.COORDINATOR, (r, now) -> {
			UserView specialist = identity.findUser(specialistId).filter(u -> u.role() == Role.SPECIALIST)
				.orElseThrow(() -> new InvalidInputException("Choose a specialist from the list."));
			if (specialtyCode == null || !specialtyCode.equals(specialist.specialtyCode())) {
				throw new InvalidInputException("The specialist does not hold the chosen specialty.");
			}
			r.assign(actor.userId(), specialtyCode, urgency, specialistId, now);
		}));
	}

	/**
	 * Completes triage and sends the case to a panel instead of one specialist (issue #5, "Panels"): the chair, who
	 * must hold the chosen specialty, is assigned as the specialist (accepts, writes and signs the consensus); the
	 * {@value CasePanel#MIN_MEMBERS}–{@value CasePanel#MAX_MEMBERS} other members, specialists of any specialty, get
	 * access to the case and write independent opinions. The review clock is the same as for one specialist.
	 * @throws InvalidInputException when the chair or a member is not a specialist, the chair does not hold the
	 *         specialty, or the number of members is wrong
	 */
	public OpinionRequestView assignPanel(Actor actor, UUID caseId, String specialtyCode, Urgency urgency, UUID chairId,
			java.util.Collection<UUID> memberIds) {
		return change(actor, caseId, null, "triage.assign-panel", forRole(Role.COORDINATOR, (r, now) -> {
			UserView chair = specialist(chairId, "Choose the panel's chair from the list.");
			if (specialtyCode == null || !specialtyCode.equals(chair.specialtyCode())) {
				throw new InvalidInputException("The chair does not hold the chosen specialty.");
			}
			java.util.Set<UUID> members = new java.util.LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
			members.remove(null);
			members.forEach(m -> specialist(m, "Every panel member must be a specialist."));
			r.assignPanel(actor.userId(), specialtyCode, urgency, chairId, members, now);
		}));
	}

	/** The panel of a case (no members for a single specialist), for everyone related to it. */
	@Transactional(readOnly = true)
	public CasePanel panel(Actor actor, UUID caseId) {
		OpinionRequest r = load(actor, caseId, "case.panel.read");
		return new CasePanel(r.specialistId(), r.specialistId() == null ? null : identity.displayName(r.specialistId()),
				r.panel().stream().map(m -> new CasePanel.Member(m.memberId(), identity.displayName(m.memberId()), m.impressionRecordedAt()))
					.toList());
	}

	/**
	 * The turnaround of every delivered opinion (review clock, business days excluding holds; on time against the
	 * review deadline), oldest delivery first. Figures and ids only, for the program's turnaround report.
	 * @throws ForbiddenActionException for anyone but a coordinator or an administrator
	 */
	@Transactional(readOnly = true)
	public List<CaseTurnaround> deliveredTurnarounds(Actor actor) {
		if (!actor.is(Role.COORDINATOR) && !actor.is(Role.ADMIN)) {
			throw new ForbiddenActionException("The turnaround report is for coordinators and administrators.");
		}
		List<UUID> ids = jdbc.sql("SELECT DISTINCT opinion_request_id FROM intake.status_change WHERE to_status = 'DELIVERED'")
			.query(UUID.class).list();
		Instant now = now();
		return ids.stream().map(id -> {
			List<StatusChange> timeline = timeline(id);
			CaseDeadline review = CaseClocks.review(timeline, program.calendar(), program.reviewBusinessDays(), now);
			Instant deliveredAt = timeline.stream().filter(c -> c.toStatus() == OpinionRequestStatus.DELIVERED).map(StatusChange::at)
				.findFirst().orElseThrow();
			return new CaseTurnaround(id, deliveredAt, review.businessDaysUsed(), review.stoppedOnTime());
		}).sorted(Comparator.comparing(CaseTurnaround::deliveredAt)).toList();
	}

	private UserView specialist(UUID id, String message) {
		return identity.findUser(id).filter(u -> u.role() == Role.SPECIALIST).orElseThrow(() -> new InvalidInputException(message));
	}

	public OpinionRequestView acceptAssignment(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "review.accept", forChair((r, now) -> r.accept(actor.userId(), now)));
	}

	public OpinionRequestView declineAssignment(Actor actor, UUID caseId, String why) {
		return change(actor, caseId, null, "review.decline",
				forChair((r, now) -> r.declineAssignment(actor.userId(), why, now)));
	}

	/** The specialist asked the patient a clarifying question: the review clock pauses. */
	public OpinionRequestView awaitPatient(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "review.ask-patient", forRole(Role.SPECIALIST, (r, now) -> r.askPatient(actor.userId(), now)));
	}

	/** The patient answered every open question: the case returns to review and the clock resumes. */
	public OpinionRequestView patientAnswered(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "review.patient-answered", forPatient((r, now) -> r.patientAnswered(actor.userId(), now)));
	}

	/** The assigned specialist saved an independent impression: from now on they see the first opinion. */
	public OpinionRequestView impressionRecorded(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "review.impression-recorded", forRole(Role.SPECIALIST, (r, now) -> r.recordImpression(actor.userId(), now)));
	}

	/**
	 * The opinion was signed. Without the program's quality check it is delivered at once; with it, a coordinator
	 * delivers it with {@link #deliver}.
	 */
	public OpinionRequestView opinionSigned(Actor actor, UUID caseId) {
		OpinionRequestView signed = change(actor, caseId, null, "review.sign",
				forChair((r, now) -> r.signOpinion(actor.userId(), now)));
		if (!program.qualityCheck()) {
			return change(actor, caseId, null, "opinion.deliver", forRole(Role.SPECIALIST, (r, now) -> r.deliver(actor.userId(), now)));
		}
		return signed;
	}

	public OpinionRequestView deliver(Actor actor, UUID caseId) {
		return change(actor, caseId, null, "opinion.deliver", forRole(Role.COORDINATOR, (r, now) -> r.deliver(actor.userId(), now)));
	}

	/**
	 * Reads a case and audits the read.
	 * @throws NotFoundException when it does not exist or the actor has no relation to it (audited)
	 */
	public OpinionRequestView read(Actor actor, UUID caseId, String action) {
		OpinionRequest request = load(actor, caseId, action);
		audit.success(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", caseId);
		return view(actor, request);
	}

	/**
	 * Checks that the actor may access the case, without auditing a success (the calling module audits its own action).
	 * Other modules call this before touching their own data of a case.
	 * @throws NotFoundException when it does not exist or the actor has no relation to it (audited as DENIED)
	 */
	@Transactional(readOnly = true)
	public OpinionRequestView requireAccess(Actor actor, UUID caseId, String action) {
		return view(actor, load(actor, caseId, action));
	}

	/**
	 * Records the patient's preferred language (BCP 47) and jurisdiction (ISO 3166-1/-2; blank for unknown) for the case.
	 * The patient or their referrer may do so until the opinion is delivered; a coordinator once the case is submitted.
	 * @throws InvalidInputException naming a malformed language tag or jurisdiction code
	 */
	public PatientLocale updatePatientLocale(Actor actor, UUID caseId, String preferredLanguage, String jurisdiction) {
		OpinionRequest request = load(actor, caseId, "case.update-locale");
		if (!(actor.is(Role.COORDINATOR) || CaseAccessPolicy.actsForPatient(actor, request))) {
			audit.failed(actor.userId(), actor.role().name(), "case.update-locale", caseId, "OpinionRequest", caseId);
			throw new ForbiddenActionException("Only the patient, their referring physician or a coordinator records this.");
		}
		PatientLocale given = audit.recordingFailures(actor.userId(), actor.role().name(), "case.update-locale", caseId, "OpinionRequest",
				() -> new PatientLocale(preferredLanguage == null || preferredLanguage.isBlank() ? null : LanguageTag.parse(preferredLanguage).tag(),
						jurisdiction == null || jurisdiction.isBlank() ? null : Jurisdiction.parse(jurisdiction).code()));
		jdbc.sql("""
				INSERT INTO intake.patient_locale (opinion_request_id, preferred_language, jurisdiction, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (opinion_request_id) DO UPDATE SET preferred_language = EXCLUDED.preferred_language,
				  jurisdiction = EXCLUDED.jurisdiction, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.params(caseId, given.preferredLanguage(), given.jurisdiction(), Timestamp.from(now()), actor.userId()).update();
		audit.success(actor.userId(), actor.role().name(), "case.update-locale", caseId, "OpinionRequest", caseId);
		return locale(request);
	}

	/**
	 * The patient's preferred language and jurisdiction, after the same access check as {@link #requireAccess} (the
	 * calling module audits its own action).
	 * @throws NotFoundException when the case does not exist or the actor has no relation to it (audited as DENIED)
	 */
	@Transactional(readOnly = true)
	public PatientLocale patientLocale(Actor actor, UUID caseId, String action) {
		return locale(load(actor, caseId, action));
	}

	private PatientLocale locale(OpinionRequest request) {
		var row = jdbc.sql("SELECT preferred_language, jurisdiction FROM intake.patient_locale WHERE opinion_request_id = ?")
			.param(request.id()).query((rs, n) -> new PatientLocale(rs.getString(1), rs.getString(2))).optional();
		String language = row.map(PatientLocale::preferredLanguage)
			.orElseGet(() -> identity.findUser(request.patientId()).map(UserView::preferredLanguage).orElse(null));
		return new PatientLocale(language, row.map(PatientLocale::jurisdiction).orElse(null));
	}

	/**
	 * How many open cases (assigned, in review or waiting for the patient) each specialist holds now; specialists with none are absent from
	 * the map. Counts only, no case data, for workload-aware matching.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Integer> openAssignmentCounts() {
		java.util.Map<UUID, Integer> counts = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT specialist_id, count(*) FROM intake.opinion_request
				WHERE specialist_id IS NOT NULL AND status IN ('ASSIGNED','IN_REVIEW','AWAITING_PATIENT') GROUP BY specialist_id""")
			.query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
		return counts;
	}

	/** The actor's own cases: a patient's, a referrer's or a specialist's assignments and panels, newest first; each listing is audited. */
	public List<OpinionRequestView> myCases(Actor actor) {
		String column = switch (actor.role()) {
			case PATIENT -> "patient_id";
			case REFERRING_PHYSICIAN -> "referrer_id";
			case SPECIALIST -> "specialist_id";
			default -> null;
		};
		if (column == null) {
			return List.of();
		}
		List<UUID> ids = jdbc.sql("SELECT id FROM intake.opinion_request WHERE " + column + " = ? OR id IN "
				+ "(SELECT opinion_request_id FROM intake.panel_member WHERE member_id = ?) ORDER BY created_at DESC")
			.params(actor.userId(), actor.userId()).query(UUID.class).list();
		return listed(actor, ids);
	}

	/**
	 * Who is related to a case, for the notification module's routing; identifiers only (see {@link CaseParties}), so
	 * it takes no actor and is not audited, like the events that name the same ids.
	 * @throws NotFoundException when the case does not exist
	 */
	@Transactional(readOnly = true)
	public CaseParties parties(UUID caseId) {
		OpinionRequest r = requests.findById(caseId).orElseThrow(NotFoundException::new);
		return new CaseParties(r.id(), r.status(), r.patientId(), r.referrerId(), r.coordinatorId(), r.specialistId(), r.consentToShare());
	}

	/**
	 * Every triage and review clock that runs now (neither paused nor stopped), with the share of its budget used, for
	 * escalations; identifiers and instants only (see {@link RunningClock}), so it takes no actor and is not audited.
	 */
	@Transactional(readOnly = true)
	public List<RunningClock> runningClocks() {
		Instant now = now();
		List<UUID> ids = jdbc.sql("""
				SELECT id FROM intake.opinion_request
				WHERE status IN ('SUBMITTED','IN_TRIAGE','ASSIGNED','IN_REVIEW','OPINION_SIGNED')""").query(UUID.class).list();
		List<RunningClock> running = new java.util.ArrayList<>();
		for (UUID id : ids) {
			OpinionRequest r = requests.findById(id).orElseThrow();
			List<StatusChange> timeline = timeline(id);
			runningClock(r, "triage", CaseClocks.triage(timeline, program.calendar(), program.triageBusinessDays(), now),
					CaseClocks.firstEntry(timeline, OpinionRequestStatus.SUBMITTED),
					CaseClocks.pauses(timeline, OpinionRequestStatus.AWAITING_RECORDS), now).ifPresent(running::add);
			runningClock(r, "review", CaseClocks.review(timeline, program.calendar(), program.reviewBusinessDays(), now),
					CaseClocks.firstEntry(timeline, OpinionRequestStatus.ASSIGNED),
					CaseClocks.pauses(timeline, OpinionRequestStatus.AWAITING_PATIENT), now).ifPresent(running::add);
		}
		return running;
	}

	private static java.util.Optional<RunningClock> runningClock(OpinionRequest r, String name, CaseDeadline deadline, Instant startedAt,
			List<org.consilium.shared.Pause> pauses, Instant now) {
		if (deadline == null || deadline.state() != org.consilium.shared.ClockState.RUNNING) {
			return java.util.Optional.empty();
		}
		java.time.Duration held = pauses.stream().filter(p -> !p.pausedAt().isBefore(startedAt) && p.resumedAt() != null)
			.map(p -> java.time.Duration.between(p.pausedAt(), p.resumedAt())).reduce(java.time.Duration.ZERO, java.time.Duration::plus);
		return java.util.Optional.of(RunningClock.of(r.id(), r.coordinatorId(), name, startedAt, held, deadline.dueAt(), now));
	}

	/** Cases a page of a list holds at most. */
	public static final int PAGE_SIZE = 50;

	/**
	 * The coordinators' queue, one page of {@value #PAGE_SIZE}: submitted cases, cases in triage or waiting for records,
	 * earliest triage deadline first. Each case shown is audited as listed.
	 * @throws ForbiddenActionException for anyone but a coordinator
	 */
	public CasePage triageQueue(Actor actor, int page) {
		if (!actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("The triage queue is for coordinators.");
		}
		List<UUID> ids = jdbc.sql("SELECT id FROM intake.opinion_request WHERE status IN ('SUBMITTED','IN_TRIAGE','AWAITING_RECORDS')")
			.query(UUID.class).list();
		List<OpinionRequestView> sorted = views(actor, ids).stream()
			.sorted(Comparator.comparing((OpinionRequestView v) -> v.triageClock() == null ? Instant.MAX : v.triageClock().dueAt()))
			.toList();
		return page(actor, sorted, page);
	}

	/**
	 * Cases a coordinator oversees after triage, one page of {@value #PAGE_SIZE}: open ones (assigned, in review,
	 * waiting, signed) first, then finished ones (delivered, closed, declined, withdrawn); newest first within each.
	 */
	public CasePage afterTriage(Actor actor, int page) {
		if (!actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("This list is for coordinators.");
		}
		List<UUID> ids = jdbc.sql("""
				SELECT id FROM intake.opinion_request
				WHERE status IN ('ASSIGNED','IN_REVIEW','AWAITING_PATIENT','OPINION_SIGNED','DELIVERED','CLOSED','DECLINED','WITHDRAWN')
				ORDER BY CASE WHEN status IN ('DELIVERED','CLOSED','DECLINED','WITHDRAWN') THEN 1 ELSE 0 END, created_at DESC
				OFFSET ? LIMIT ?""").params(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE + 1).query(UUID.class).list();
		List<OpinionRequestView> shown = audited(actor, views(actor, ids.stream().limit(PAGE_SIZE).toList()));
		return new CasePage(shown, Math.max(0, page), ids.size() > PAGE_SIZE);
	}

	private CasePage page(Actor actor, List<OpinionRequestView> all, int page) {
		int p = Math.max(0, page);
		List<OpinionRequestView> slice = all.stream().skip((long) p * PAGE_SIZE).limit(PAGE_SIZE).toList();
		return new CasePage(audited(actor, slice), p, all.size() > (p + 1) * PAGE_SIZE);
	}

	private List<OpinionRequestView> audited(Actor actor, List<OpinionRequestView> shown) {
		shown.forEach(v -> audit.success(actor.userId(), actor.role().name(), "case.list", v.id(), "OpinionRequest", v.id()));
		return shown;
	}

	private List<OpinionRequestView> views(Actor actor, List<UUID> ids) {
		return ids.stream().map(id -> requests.findById(id).orElseThrow()).filter(r -> CaseAccessPolicy.mayAccess(actor, r))
			.map(r -> view(actor, r)).toList();
	}

	private List<OpinionRequestView> listed(Actor actor, List<UUID> ids) {
		return audited(actor, views(actor, ids));
	}

	private OpinionRequest load(Actor actor, UUID caseId, String action) {
		OpinionRequest request = caseId == null ? null : requests.findById(caseId).orElse(null);
		if (request == null || !CaseAccessPolicy.mayAccess(actor, request)) {
			audit.denied(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", caseId);
			throw new NotFoundException();
		}
		return request;
	}

	private interface Step {
		void apply(Actor actor, OpinionRequest request, Instant now);
	}

	private Step forPatient(BiConsumer<OpinionRequest, Instant> change) {
		return (actor, request, now) -> {
			if (!CaseAccessPolicy.actsForPatient(actor, request)) {
				throw new ForbiddenActionException("Only the patient or their referring physician can do this.");
			}
			change.accept(request, now);
		};
	}

	private Step forRole(Role role, BiConsumer<OpinionRequest, Instant> change) {
		return (actor, request, now) -> {
			if (!actor.is(role)) {
				throw new ForbiddenActionException("Only the case's " + role.label().toLowerCase() + " can do this.");
			}
			change.accept(request, now);
		};
	}

	/** The assigned specialist only: a panel's chair, never one of its members. */
	private Step forChair(BiConsumer<OpinionRequest, Instant> change) {
		return (actor, request, now) -> {
			if (!actor.is(Role.SPECIALIST) || !actor.userId().equals(request.specialistId())) {
				throw new ForbiddenActionException("Only the case's assigned specialist (a panel's chair) can do this.");
			}
			change.accept(request, now);
		};
	}

	private OpinionRequestView change(Actor actor, UUID caseId, Integer expectedVersion, String action, Step step) {
		OpinionRequest request = load(actor, caseId, action);
		if (expectedVersion != null && !expectedVersion.equals(request.version())) {
			audit.failed(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", caseId);
			throw new EditConflictException();
		}
		audit.recordingFailures(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", () -> {
			step.apply(actor, request, now());
			return null;
		});
		OpinionRequest saved = save(request);
		audit.success(actor.userId(), actor.role().name(), action, caseId, "OpinionRequest", caseId);
		return view(actor, saved);
	}

	private OpinionRequest save(OpinionRequest request) {
		List<StatusChange> changes = request.drainPendingChanges();
		OpinionRequest saved;
		try {
			saved = requests.save(request);
		}
		catch (OptimisticLockingFailureException e) {
			throw new EditConflictException();
		}
		for (StatusChange c : changes) {
			jdbc.sql("""
					INSERT INTO intake.status_change (opinion_request_id, from_status, to_status, at, by_user, note)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(saved.id(), c.fromStatus() == null ? null : c.fromStatus().name(), c.toStatus().name(), Timestamp.from(c.at()),
						c.by(), c.note())
				.update();
		}
		return saved;
	}

	private List<StatusChange> timeline(UUID caseId) {
		return jdbc.sql("""
				SELECT from_status, to_status, at, by_user AS by, note FROM intake.status_change
				WHERE opinion_request_id = ? ORDER BY at, id""").param(caseId).query(StatusChange.class).list();
	}

	private OpinionRequestView view(Actor actor, OpinionRequest r) {
		boolean blinded = CaseAccessPolicy.blinded(actor, r);
		List<StatusChange> timeline = timeline(r.id());
		Instant now = now();
		return new OpinionRequestView(r.id(), r.version() == null ? 0 : r.version(), r.status(), r.patientId(),
				identity.displayName(r.patientId()), r.referrerId(), r.coordinatorId(), r.specialistId(),
				r.specialistId() == null ? null : identity.displayName(r.specialistId()), r.reason(), blinded,
				blinded ? null : r.firstDiagnosisText(), blinded ? null : r.firstDiagnosisSystem(), blinded ? null : r.firstDiagnosisCode(),
				blinded ? null : r.proposedTreatment(), r.firstPhysician(), r.firstInstitution(), r.firstOpinionDate(), r.symptomsAndHistory(),
				r.questions(), r.urgency(), r.consentToShare(), r.specialtyCode(), r.declineReason(), r.statusNote(), r.createdAt(), timeline,
				CaseClocks.triage(timeline, program.calendar(), program.triageBusinessDays(), now),
				CaseClocks.review(timeline, program.calendar(), program.reviewBusinessDays(), now));
	}

	private Instant now() {
		return clock.instant();
	}
}
