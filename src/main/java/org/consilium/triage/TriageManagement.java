package org.consilium.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.records.DocumentKind;
import org.consilium.records.DocumentWithdrawals;
import org.consilium.audit.AuditLog;
import org.consilium.identity.IdentityManagement;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseLifecycle;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * Completeness and the clock (issue #5): the completeness checklist per specialty, urgent findings and the turnaround
 * report. Every case-scoped method first asks {@link CaseAccess#requireAccess}: a case the actor has no relation
 * to throws {@link NotFoundException} (404, audited as DENIED). Then a role that cannot act gets
 * {@link ForbiddenActionException} (403), a case in the wrong state {@link IllegalTransitionException} (409), bad input
 * {@link InvalidInputException} (422) and nothing changes. Successes are audited in the transaction, failures on their
 * own.
 */
@Service
@Transactional
public class TriageManagement {

	/** States in which the checklist is still worked on (before triage completes). */
	static final Set<OpinionRequestStatus> BEFORE_ASSIGNMENT = EnumSet.of(OpinionRequestStatus.SUBMITTED, OpinionRequestStatus.IN_TRIAGE,
			OpinionRequestStatus.AWAITING_RECORDS);

	/** Longest urgent finding text, in characters: a short note, the details stay in the review. */
	public static final int MAX_FINDING = 2_000;

	private final CaseAccess access;

	private final CaseLifecycle lifecycle;

	private final CaseQueries queries;

	private final IdentityManagement identity;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ChecklistSettings checklists;

	private final DocumentWithdrawals withdrawals;

	private final ProgramSettings program;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TriageManagement(CaseAccess access, CaseLifecycle lifecycle, CaseQueries queries, IdentityManagement identity, JdbcClient jdbc, AuditLog audit, ChecklistSettings checklists,
			ProgramSettings program, ApplicationEventPublisher events, Clock clock, DocumentWithdrawals withdrawals) {
		this.withdrawals = withdrawals;
		this.access = access;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.identity = identity;
		this.jdbc = jdbc;
		this.audit = audit;
		this.checklists = checklists;
		this.program = program;
		this.events = events;
		this.clock = clock;
	}

	// ---- completeness checklist ----

	/**
	 * The case's checklist, for everyone related to it: the items of the case's specialty once triage named one,
	 * before that of the specialty the coordinator chose for the checklist, else the default list. Audited.
	 */
	public Checklist checklist(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.TRIAGE_CHECKLIST_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		Checklist checklist = load(c);
		audit.success(actor, action, caseId, "Checklist", caseId.value());
		return checklist;
	}

	/**
	 * The coordinator records which items are in the records: the ticked ones become PRESENT, an unticked PRESENT one
	 * becomes MISSING again, a REQUESTED one stays requested until ticked. {@code specialtyCode} (NUCC, optional) is the
	 * specialty whose list applies until triage assigns one.
	 * @throws ForbiddenActionException for anyone but a coordinator
	 * @throws IllegalTransitionException once triage is complete
	 * @throws InvalidInputException for an unknown specialty or an item not on the list
	 */
	public Checklist recordPresent(Actor actor, CaseId caseId, String specialtyCode, Collection<String> present) {
		AuditAction action = AuditAction.TRIAGE_CHECKLIST_UPDATE;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		requireCoordinator(actor);
		return audit.recordingFailures(actor, action, caseId, "Checklist", () -> {
			requireBeforeAssignment(c);
			chooseSpecialty(actor, c, specialtyCode);
			Checklist current = load(c);
			Set<String> ticked = known(current, present);
			for (Checklist.Item item : current.items()) {
				ChecklistItemState next = ticked.contains(item.item()) ? ChecklistItemState.PRESENT
						: item.state() == ChecklistItemState.PRESENT ? ChecklistItemState.MISSING : item.state();
				if (next != item.state()) {
					store(actor, caseId, item.item(), next);
				}
			}
			audit.success(actor, action, caseId, "Checklist", caseId.value());
			return load(c);
		});
	}

	/**
	 * The coordinator asks the patient for missing items with the request-records step
	 * ({@link CaseLifecycle#requestRecords}): the case waits for records, the triage clock pauses, the patient reads
	 * the items in the message and on their case page. The items become REQUESTED.
	 * @throws InvalidInputException without items, or for an item not on the list or already present
	 * @throws IllegalTransitionException unless the case is in triage
	 */
	public Checklist requestFromPatient(Actor actor, CaseId caseId, Collection<String> items, String note) {
		AuditAction action = AuditAction.TRIAGE_CHECKLIST_REQUEST;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		requireCoordinator(actor);
		return audit.recordingFailures(actor, action, caseId, "Checklist", () -> {
			Checklist current = load(c);
			Set<String> asked = known(current, items);
			if (asked.isEmpty()) {
				throw new InvalidInputException("Choose the missing items to ask the patient for.");
			}
			Map<String, Checklist.Item> byName = current.items().stream().collect(Collectors.toMap(Checklist.Item::item, Function.identity()));
			if (asked.stream().anyMatch(i -> byName.get(i).state() == ChecklistItemState.PRESENT)) {
				throw new InvalidInputException("An item ticked as present cannot be requested; untick it first.");
			}
			String extra = note == null ? "" : note.strip();
			AccessibleCase waiting = lifecycle.requestRecords(c, "Please add: " + String.join("; ", asked) + "." + (extra.isEmpty() ? "" : " " + extra));
			asked.forEach(i -> store(actor, caseId, i, ChecklistItemState.REQUESTED));
			audit.success(actor, action, caseId, "Checklist", caseId.value());
			return load(waiting);
		});
	}

	// ---- urgent findings ----

	/**
	 * A specialist of the case (assigned, a panel's chair or member) marks an urgent finding: something in the records
	 * that needs care within days. Whatever the state of the review, the coordinators see it at once at the top of the
	 * queue and the case, and the patient is told to contact their physician. Publishes {@link UrgentFindingMarked}.
	 * @throws ForbiddenActionException for anyone but a specialist of the case
	 * @throws InvalidInputException for an empty text or one over {@value #MAX_FINDING} characters
	 */
	public UrgentFinding markUrgentFinding(Actor actor, CaseId caseId, String finding) {
		AuditAction action = AuditAction.TRIAGE_URGENT_FINDING_MARK;
		access.requireAccess(actor, caseId, action);
		if (!actor.is(Role.SPECIALIST)) {
			throw new ForbiddenActionException("Only a specialist of the case can mark an urgent finding.");
		}
		return audit.recordingFailures(actor, action, caseId, "UrgentFinding", () -> {
			String text = finding == null ? "" : finding.strip();
			if (text.isEmpty()) {
				throw new InvalidInputException("Describe the urgent finding in a few words.");
			}
			if (text.length() > MAX_FINDING) {
				throw new InvalidInputException("Keep the urgent finding under " + MAX_FINDING + " characters.");
			}
			UUID id = UUID.randomUUID();
			Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
			jdbc.sql("INSERT INTO triage.urgent_finding (id, case_id, marked_by, marked_at, finding) VALUES (?, ?, ?, ?, ?)")
				.params(id, caseId.value(), actor.id().value(), Timestamp.from(now), text).update();
			audit.success(actor, action, caseId, "UrgentFinding", id);
			events.publishEvent(new UrgentFindingMarked(id, caseId, now));
			return new UrgentFinding(id, caseId, actor.id(), actor.displayName(), now, text, null, null);
		});
	}

	/**
	 * The case's urgent findings, newest first, for everyone related to it. The patient reads them without the text: a
	 * specialist's short clinical note, possibly alarming out of context, is better explained by their own physician,
	 * whom the page tells them to contact; the referring physician, a clinician acting for the patient, reads the text.
	 * Audited when any.
	 */
	public List<UrgentFinding> urgentFindings(Actor actor, CaseId caseId) {
		AuditAction action = AuditAction.TRIAGE_URGENT_FINDING_READ;
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		boolean withText = !actor.id().equals(c.patientId());
		List<UrgentFinding> list = findings("WHERE f.case_id = ?", caseId.value()).stream().map(f -> withText ? f
				: new UrgentFinding(f.id(), f.caseId(), f.markedBy(), f.markedByName(), f.markedAt(), null, f.acknowledgedBy(), f.acknowledgedAt()))
			.toList();
		if (!list.isEmpty()) {
			audit.success(actor, action, caseId, "UrgentFinding", null);
		}
		return list;
	}

	/**
	 * Unacknowledged urgent findings of every case, oldest first, for the top of the coordinators' queue. Each is
	 * audited as listed.
	 * @throws ForbiddenActionException for anyone but a coordinator
	 */
	public List<UrgentFinding> openUrgentFindings(Actor actor) {
		requireCoordinator(actor);
		List<UrgentFinding> open = findings("WHERE f.acknowledged_at IS NULL", null);
		open.forEach(f -> audit.success(actor, AuditAction.TRIAGE_URGENT_FINDING_LIST, f.caseId(), "UrgentFinding", f.id()));
		return open.stream().sorted(java.util.Comparator.comparing(UrgentFinding::markedAt)).toList();
	}

	/**
	 * A coordinator confirms they acted on an urgent finding (informed the patient's physician); it leaves the top of
	 * the queue but stays on the case.
	 * @throws NotFoundException when the finding is not one of this case's
	 * @throws IllegalTransitionException when already acknowledged
	 */
	public UrgentFinding acknowledge(Actor actor, CaseId caseId, UUID findingId) {
		AuditAction action = AuditAction.TRIAGE_URGENT_FINDING_ACKNOWLEDGE;
		access.requireAccess(actor, caseId, action);
		requireCoordinator(actor);
		return audit.recordingFailures(actor, action, caseId, "UrgentFinding", () -> {
			UrgentFinding f = findings("WHERE f.case_id = ?", caseId.value()).stream().filter(x -> x.id().equals(findingId)).findFirst()
				.orElseThrow(NotFoundException::new);
			int updated = jdbc.sql("UPDATE triage.urgent_finding SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")
				.params(actor.id().value(), Timestamp.from(clock.instant()), findingId).update();
			if (updated == 0) {
				throw new IllegalTransitionException("This urgent finding is already acknowledged.");
			}
			audit.success(actor, action, caseId, "UrgentFinding", f.id());
			return findings("WHERE f.id = ?", findingId).get(0);
		});
	}

	// ---- turnaround ----

	/**
	 * Turnaround per month of delivery (see {@link TurnaroundReport}), for coordinators and administrators.
	 * @throws ForbiddenActionException for anyone else
	 */
	@Transactional(readOnly = true)
	public TurnaroundReport turnaround(Actor actor) {
		return TurnaroundReport.of(queries.deliveredTurnarounds(actor), program.zone());
	}

	// ---- internals ----

	private Checklist load(AccessibleCase c) {
		String specialty = c.specialtyCode() != null ? c.specialtyCode()
				: jdbc.sql("SELECT specialty_code FROM triage.checklist WHERE case_id = ?").param(c.id().value()).query(String.class).optional().orElse(null);
		Map<String, Checklist.Item> recorded = jdbc.sql("SELECT item, state, recorded_by, recorded_at FROM triage.checklist_item WHERE case_id = ?")
			.param(c.id().value())
			.query((rs, n) -> new Checklist.Item(rs.getString("item"), ChecklistItemState.valueOf(rs.getString("state")),
					UserId.ofNullable(rs.getObject("recorded_by", UUID.class)), identity.displayName(UserId.ofNullable(rs.getObject("recorded_by", UUID.class))),
					rs.getTimestamp("recorded_at").toInstant()))
			.list().stream().collect(Collectors.toMap(Checklist.Item::item, Function.identity()));
		Map<DocumentKind, Instant> uploaded = withdrawals.documentKinds(c);
		List<Checklist.Item> items = checklists.itemsFor(specialty).stream()
			.map(i -> tickedByUpload(i, recorded.get(i), uploaded)
				.orElseGet(() -> recorded.getOrDefault(i, new Checklist.Item(i, ChecklistItemState.MISSING, null, null, null))))
			.toList();
		return new Checklist(c.id(), specialty, items);
	}

	/**
	 * An item ticks itself from a labelled upload whose kind provides it ({@link DocumentKind#satisfies}): when nobody
	 * recorded it, when it was requested from the patient, or when a coordinator unticked it before that upload. A
	 * coordinator's untick after the upload stands.
	 */
	private static java.util.Optional<Checklist.Item> tickedByUpload(String item, Checklist.Item recorded, Map<DocumentKind, Instant> uploaded) {
		Map.Entry<DocumentKind, Instant> latest = uploaded.entrySet().stream().filter(e -> e.getKey().satisfies(item))
			.max(Map.Entry.comparingByValue()).orElse(null);
		if (latest == null) {
			return java.util.Optional.empty();
		}
		boolean overrides = recorded == null || recorded.state() == ChecklistItemState.REQUESTED
				|| recorded.state() == ChecklistItemState.MISSING && recorded.recordedAt().isBefore(latest.getValue());
		return overrides ? java.util.Optional.of(new Checklist.Item(item, ChecklistItemState.PRESENT, null, null, latest.getValue(), latest.getKey().label()))
				: java.util.Optional.empty();
	}

	private void chooseSpecialty(Actor actor, AccessibleCase c, String specialtyCode) {
		if (specialtyCode == null || specialtyCode.isBlank()) {
			return;
		}
		if (identity.specialty(specialtyCode.strip()).isEmpty()) {
			throw new InvalidInputException("Choose the specialty from the list.");
		}
		jdbc.sql("""
				INSERT INTO triage.checklist (case_id, specialty_code, chosen_by, chosen_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (case_id) DO UPDATE SET specialty_code = excluded.specialty_code, chosen_by = excluded.chosen_by,
				  chosen_at = excluded.chosen_at""")
			.params(c.id().value(), specialtyCode.strip(), actor.id().value(), Timestamp.from(clock.instant())).update();
	}

	private static Set<String> known(Checklist checklist, Collection<String> chosen) {
		Set<String> names = checklist.items().stream().map(Checklist.Item::item).collect(Collectors.toSet());
		Set<String> picked = new LinkedHashSet<>();
		for (String item : chosen == null ? List.<String>of() : chosen) {
			if (!names.contains(item)) {
				throw new InvalidInputException("\"" + item + "\" is not on this case's checklist.");
			}
			picked.add(item);
		}
		return picked;
	}

	private void store(Actor actor, CaseId caseId, String item, ChecklistItemState state) {
		jdbc.sql("""
				INSERT INTO triage.checklist_item (case_id, item, state, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (case_id, item) DO UPDATE SET state = excluded.state, recorded_by = excluded.recorded_by,
				  recorded_at = excluded.recorded_at""")
			.params(caseId.value(), item, state.name(), actor.id().value(), Timestamp.from(clock.instant())).update();
	}

	private List<UrgentFinding> findings(String where, UUID param) {
		var sql = jdbc.sql("SELECT f.id, f.case_id, f.marked_by, f.marked_at, f.finding, f.acknowledged_by, f.acknowledged_at "
				+ "FROM triage.urgent_finding f " + where + " ORDER BY f.marked_at DESC, f.id");
		return (param == null ? sql : sql.param(param))
			.query((rs, n) -> new UrgentFinding(rs.getObject("id", UUID.class), CaseId.ofNullable(rs.getObject("case_id", UUID.class)),
					UserId.ofNullable(rs.getObject("marked_by", UUID.class)), identity.displayName(UserId.ofNullable(rs.getObject("marked_by", UUID.class))),
					rs.getTimestamp("marked_at").toInstant(), rs.getString("finding"), UserId.ofNullable(rs.getObject("acknowledged_by", UUID.class)),
					rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant()))
			.list();
	}

	private static void requireCoordinator(Actor actor) {
		if (!actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("Only a coordinator can do this.");
		}
	}

	private static void requireBeforeAssignment(AccessibleCase c) {
		if (!BEFORE_ASSIGNMENT.contains(c.status())) {
			throw new IllegalTransitionException("The checklist is closed once triage is complete.");
		}
	}
}
