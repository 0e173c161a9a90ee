package org.consilium.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ClockState;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Pause;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The read side of the case: one case as a user may see it, the lists (the actor's cases, the coordinators' queue and
 * the cases after triage), the clocks and the turnaround figures. Reads of a case are audited; the figures for
 * escalations, workload and routing are identifiers and instants only and are not.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

	/** Cases a page of a list holds at most. */
	public static final int PAGE_SIZE = 50;

	private final CaseStore store;

	private final CaseAccess access;

	private final OpinionRequestRepository requests;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final IdentityManagement identity;

	private final ProgramSettings program;

	private final Clock clock;

	CaseQueries(CaseStore store, CaseAccess access, OpinionRequestRepository requests, JdbcClient jdbc, AuditLog audit,
			IdentityManagement identity, ProgramSettings program, Clock clock) {
		this.store = store;
		this.access = access;
		this.requests = requests;
		this.jdbc = jdbc;
		this.audit = audit;
		this.identity = identity;
		this.program = program;
		this.clock = clock;
	}

	/**
	 * Reads a case with its timeline and clocks, and audits the read under {@code action}.
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) when it does not exist or the actor has no
	 *         relation to it (audited as DENIED)
	 */
	@Transactional
	public OpinionRequestView read(Actor actor, CaseId caseId, AuditAction action) {
		OpinionRequest request = access.load(actor, caseId, action);
		audit.success(actor, action, caseId, "OpinionRequest", caseId.value());
		return view(actor, request);
	}

	/**
	 * The full view of a case the caller has just accessed and audited under its own action (e.g. the answer of an API
	 * call that made a transition); reads the case only if this request has not.
	 */
	public OpinionRequestView view(AccessibleCase c) {
		return view(c.actor(), access.load(c.actor(), c.id(), AuditAction.CASE_READ));
	}

	/** The panel of a case (no members for a single specialist), for everyone related to it; audited as a read. */
	@Transactional
	public CasePanel panel(Actor actor, CaseId caseId) {
		OpinionRequest r = access.load(actor, caseId, AuditAction.CASE_PANEL_READ);
		return new CasePanel(UserId.ofNullable(r.specialistId()), r.specialistId() == null ? null : identity.displayName(UserId.ofNullable(r.specialistId())),
				r.panel().stream().map(m -> new CasePanel.Member(UserId.ofNullable(m.memberId()), identity.displayName(UserId.ofNullable(m.memberId())), m.impressionRecordedAt()))
					.toList());
	}

	/**
	 * The patient's preferred language (BCP 47; the patient account's unless recorded for the case) and jurisdiction
	 * (ISO 3166-1/-2 or null), after the access check (the calling module audits its own action).
	 * @throws NotFoundException when the case does not exist or the actor has no relation to it (audited as DENIED)
	 */
	public PatientLocale patientLocale(Actor actor, CaseId caseId, AuditAction action) {
		OpinionRequest request = access.load(actor, caseId, action);
		var row = jdbc.sql("SELECT preferred_language, jurisdiction FROM intake.patient_locale WHERE opinion_request_id = ?")
			.param(request.id()).query((rs, n) -> new PatientLocale(rs.getString(1), rs.getString(2))).optional();
		String language = row.map(PatientLocale::preferredLanguage)
			.orElseGet(() -> identity.findUser(UserId.ofNullable(request.patientId())).map(UserView::preferredLanguage).orElse(null));
		return new PatientLocale(language, row.map(PatientLocale::jurisdiction).orElse(null));
	}

	/** The actor's own cases: a patient's, a referrer's or a specialist's assignments and panels, newest first; each listing is audited. */
	@Transactional
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
			.params(actor.id().value(), actor.id().value()).query(UUID.class).list();
		return audited(actor, views(actor, ids));
	}

	/**
	 * The cases a specialist holds as the assigned specialist (a panel's chair) and has not signed: ASSIGNED, IN_REVIEW
	 * or AWAITING_PATIENT. Ids only, not audited: for moving them when the specialist leaves.
	 */
	@Transactional(readOnly = true)
	public List<CaseId> openCasesOfSpecialist(UserId specialist) {
		return jdbc.sql("SELECT id FROM intake.opinion_request WHERE specialist_id = ? AND status IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_PATIENT') ORDER BY created_at")
			.param(specialist.value()).query(UUID.class).list().stream().map(CaseId::new).toList();
	}

	/** The cases in review (ASSIGNED, IN_REVIEW, AWAITING_PATIENT) on whose panel {@code specialist} is a member. */
	public List<CaseId> openPanelMembershipsOf(UserId specialist) {
		return jdbc.sql("SELECT r.id FROM intake.opinion_request r JOIN intake.panel_member m ON m.opinion_request_id = r.id "
				+ "WHERE m.member_id = ? AND r.status IN ('ASSIGNED', 'IN_REVIEW', 'AWAITING_PATIENT') ORDER BY r.created_at")
			.param(specialist.value()).query(UUID.class).list().stream().map(CaseId::new).toList();
	}

	/** The delivered or closed cases {@code specialist} signed as the assigned specialist (follow-up questions go to them). */
	public List<CaseId> answeredCasesOfSpecialist(UserId specialist) {
		return jdbc.sql("SELECT id FROM intake.opinion_request WHERE specialist_id = ? AND status IN ('DELIVERED', 'CLOSED') ORDER BY created_at")
			.param(specialist.value()).query(UUID.class).list().stream().map(CaseId::new).toList();
	}

	/**
	 * The coordinators' queue, one page of {@value #PAGE_SIZE}: submitted cases, cases in triage or waiting for records,
	 * earliest triage deadline first. Each case shown is audited as listed.
	 * @throws ForbiddenActionException for anyone but a coordinator
	 * @throws org.consilium.shared.PageOutOfRangeException (422) for a negative page, one over
	 *         {@value org.consilium.shared.Pages#MAX_PAGE} or one past the end
	 */
	@Transactional
	public CasePage triageQueue(Actor actor, int page) {
		if (!actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("The triage queue is for coordinators.");
		}
		long offset = org.consilium.shared.Pages.offset(page, PAGE_SIZE);
		List<UUID> ids = jdbc.sql("SELECT id FROM intake.opinion_request WHERE status IN ('SUBMITTED','IN_TRIAGE','AWAITING_RECORDS')")
			.query(UUID.class).list();
		List<OpinionRequestView> sorted = views(actor, ids).stream()
			.sorted(Comparator.comparing((OpinionRequestView v) -> v.triageClock() == null ? Instant.MAX : v.triageClock().dueAt()))
			.toList();
		List<OpinionRequestView> slice = sorted.stream().skip(offset).limit(PAGE_SIZE).toList();
		org.consilium.shared.Pages.requireWithinList(page, slice.size());
		return new CasePage(audited(actor, slice), page, sorted.size() > offset + PAGE_SIZE);
	}

	/**
	 * Cases a coordinator oversees after triage, one page of {@value #PAGE_SIZE}: open ones (assigned, in review,
	 * waiting, signed) first, then finished ones (delivered, closed, declined, withdrawn); newest first within each.
	 * @throws ForbiddenActionException for anyone but a coordinator
	 * @throws org.consilium.shared.PageOutOfRangeException (422) for a negative page, one over
	 *         {@value org.consilium.shared.Pages#MAX_PAGE} or one past the end
	 */
	@Transactional
	public CasePage afterTriage(Actor actor, int page) {
		if (!actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("This list is for coordinators.");
		}
		List<UUID> ids = jdbc.sql("""
				SELECT id FROM intake.opinion_request
				WHERE status IN ('ASSIGNED','IN_REVIEW','AWAITING_PATIENT','OPINION_SIGNED','DELIVERED','CLOSED','DECLINED','WITHDRAWN')
				ORDER BY CASE WHEN status IN ('DELIVERED','CLOSED','DECLINED','WITHDRAWN') THEN 1 ELSE 0 END, created_at DESC
				OFFSET ? LIMIT ?""").params(org.consilium.shared.Pages.offset(page, PAGE_SIZE), PAGE_SIZE + 1).query(UUID.class).list();
		org.consilium.shared.Pages.requireWithinList(page, ids.size());
		List<OpinionRequestView> shown = audited(actor, views(actor, ids.stream().limit(PAGE_SIZE).toList()));
		return new CasePage(shown, page, ids.size() > PAGE_SIZE);
	}

	/**
	 * The turnaround of every delivered opinion (review clock, business days excluding holds; on time against the
	 * review deadline), oldest delivery first. Figures and ids only, for the program's turnaround report.
	 * @throws ForbiddenActionException for anyone but a coordinator or an administrator
	 */
	public List<CaseTurnaround> deliveredTurnarounds(Actor actor) {
		if (!actor.is(Role.COORDINATOR) && !actor.is(Role.ADMIN)) {
			throw new ForbiddenActionException("The turnaround report is for coordinators and administrators.");
		}
		List<UUID> ids = jdbc.sql("SELECT DISTINCT opinion_request_id FROM intake.status_change WHERE to_status = 'DELIVERED'")
			.query(UUID.class).list();
		Instant now = clock.instant();
		return ids.stream().map(id -> {
			List<StatusChange> timeline = store.timeline(id);
			CaseDeadline review = CaseClocks.review(timeline, program.calendar(), program.reviewBusinessDays(), now);
			Instant deliveredAt = timeline.stream().filter(c -> c.toStatus() == OpinionRequestStatus.DELIVERED).map(StatusChange::at)
				.findFirst().orElseThrow();
			return new CaseTurnaround(new CaseId(id), deliveredAt, review.businessDaysUsed(), review.stoppedOnTime());
		}).sorted(Comparator.comparing(CaseTurnaround::deliveredAt)).toList();
	}

	/**
	 * How many open cases (assigned, in review or waiting for the patient) each specialist holds now; specialists with
	 * none are absent from the map. Counts only, no case data, for workload-aware matching.
	 */
	public Map<UserId, Integer> openAssignmentCounts() {
		Map<UserId, Integer> counts = new HashMap<>();
		jdbc.sql("""
				SELECT specialist_id, count(*) FROM intake.opinion_request
				WHERE specialist_id IS NOT NULL AND status IN ('ASSIGNED','IN_REVIEW','AWAITING_PATIENT') GROUP BY specialist_id""")
			.query((rs, n) -> counts.put(UserId.ofNullable(rs.getObject(1, UUID.class)), rs.getInt(2))).list();
		return counts;
	}

	/**
	 * Every triage and review clock that runs now (neither paused nor stopped), with the share of its budget used, for
	 * escalations; identifiers and instants only (see {@link RunningClock}), so it takes no actor and is not audited.
	 */
	public List<RunningClock> runningClocks() {
		Instant now = clock.instant();
		List<UUID> ids = jdbc.sql("""
				SELECT id FROM intake.opinion_request
				WHERE status IN ('SUBMITTED','IN_TRIAGE','ASSIGNED','IN_REVIEW','OPINION_SIGNED')""").query(UUID.class).list();
		List<RunningClock> running = new ArrayList<>();
		for (OpinionRequest r : requests.findAllById(ids)) {
			List<StatusChange> timeline = store.timeline(r.id());
			runningClock(r, "triage", CaseClocks.triage(timeline, program.calendar(), program.triageBusinessDays(), now),
					CaseClocks.firstEntry(timeline, OpinionRequestStatus.SUBMITTED),
					CaseClocks.pauses(timeline, OpinionRequestStatus.AWAITING_RECORDS), now).ifPresent(running::add);
			runningClock(r, "review", CaseClocks.review(timeline, program.calendar(), program.reviewBusinessDays(), now),
					CaseClocks.firstEntry(timeline, OpinionRequestStatus.ASSIGNED),
					CaseClocks.pauses(timeline, OpinionRequestStatus.AWAITING_PATIENT), now).ifPresent(running::add);
		}
		return running;
	}

	private static Optional<RunningClock> runningClock(OpinionRequest r, String name, CaseDeadline deadline, Instant startedAt,
			List<Pause> pauses, Instant now) {
		if (deadline == null || deadline.state() != ClockState.RUNNING) {
			return Optional.empty();
		}
		Duration held = pauses.stream().filter(p -> !p.pausedAt().isBefore(startedAt) && p.resumedAt() != null)
			.map(p -> Duration.between(p.pausedAt(), p.resumedAt())).reduce(Duration.ZERO, Duration::plus);
		return Optional.of(RunningClock.of(new CaseId(r.id()), UserId.ofNullable(r.coordinatorId()), name, startedAt, held, deadline.dueAt(), now));
	}

	private List<OpinionRequestView> audited(Actor actor, List<OpinionRequestView> shown) {
		shown.forEach(v -> audit.success(actor, AuditAction.CASE_LIST, v.id(), "OpinionRequest", v.id().value()));
		return shown;
	}

	/** The cases of {@code ids} the actor may see, in the order of {@code ids}, read in one query. */
	private List<OpinionRequestView> views(Actor actor, List<UUID> ids) {
		Map<UUID, OpinionRequest> byId = new HashMap<>();
		requests.findAllById(ids).forEach(r -> byId.put(r.id(), r));
		return ids.stream().map(byId::get).filter(r -> r != null && CaseAccessPolicy.mayAccess(actor, r)).map(r -> view(actor, r)).toList();
	}

	OpinionRequestView view(Actor actor, OpinionRequest r) {
		boolean blinded = CaseAccessPolicy.blinded(actor, r);
		List<StatusChange> timeline = store.timeline(r.id());
		Instant now = clock.instant();
		return new OpinionRequestView(new CaseId(r.id()), r.version() == null ? 0 : r.version(), r.status(), UserId.ofNullable(r.patientId()),
				r.patientId() == null ? "(invited, not yet accepted)" : identity.displayName(UserId.ofNullable(r.patientId())), UserId.ofNullable(r.referrerId()), UserId.ofNullable(r.coordinatorId()), UserId.ofNullable(r.specialistId()),
				r.specialistId() == null ? null : identity.displayName(UserId.ofNullable(r.specialistId())), r.reason(), blinded,
				blinded ? null : r.firstDiagnosisText(), blinded ? null : r.firstDiagnosisSystem(), blinded ? null : r.firstDiagnosisCode(),
				blinded ? null : r.proposedTreatment(), r.firstPhysician(), r.firstInstitution(), r.firstOpinionDate(), r.symptomsAndHistory(),
				r.questions(), r.urgency(), r.consentToShare(), r.specialtyCode(), r.declineReason(), r.statusNote(), r.createdAt(), timeline,
				CaseClocks.triage(timeline, program.calendar(), program.triageBusinessDays(), now),
				CaseClocks.review(timeline, program.calendar(), program.reviewBusinessDays(), now), r.patient());
	}
}
