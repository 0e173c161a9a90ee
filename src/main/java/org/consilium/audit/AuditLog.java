package org.consilium.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.UserId;

/**
 * Writes and reads the audit trail. Successful actions are recorded inside the caller's transaction, so a rolled
 * back write leaves no claim of success; denials and failures are recorded in a transaction of their own, so they
 * survive the rollback of the request that caused them.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records a successful read or write, in the caller's transaction.
	 * @param actor who acted ({@link Actor#SYSTEM} for background work)
	 * @param action what they did
	 * @param caseId the case it concerns, or null for an action outside any case (a directory profile, a sign-in)
	 * @param recordType the kind of record touched (an aggregate's name, e.g. {@code WrittenOpinion})
	 * @param recordId the record touched, or null
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void success(Actor actor, AuditAction action, CaseId caseId, String recordType, UUID recordId) {
		insert(actor, action, caseId, recordType, recordId, AuditOutcome.SUCCESS);
	}

	/** Records a success in a transaction of its own, for what happens outside any (a session the container ended). */
	public void successOnItsOwn(Actor actor, AuditAction action, CaseId caseId, String recordType, UUID recordId) {
		ownTransaction.executeWithoutResult(s -> insert(actor, action, caseId, recordType, recordId, AuditOutcome.SUCCESS));
	}

	/** Records an access the policy refused; committed even when the caller's transaction rolls back. */
	public void denied(Actor actor, AuditAction action, CaseId caseId, String recordType, UUID recordId) {
		ownTransaction.executeWithoutResult(s -> insert(actor, action, caseId, recordType, recordId, AuditOutcome.DENIED));
	}

	/** Records an attempted action that failed (bad input, conflict); committed on its own. */
	public void failed(Actor actor, AuditAction action, CaseId caseId, String recordType, UUID recordId) {
		ownTransaction.executeWithoutResult(s -> insert(actor, action, caseId, recordType, recordId, AuditOutcome.FAILED));
	}

	/**
	 * Runs {@code work}; when it throws a {@link ConsiliumProblem} (a failure the user can act on), records it as FAILED in
	 * a transaction of its own and rethrows it.
	 */
	public <T> T recordingFailures(Actor actor, AuditAction action, CaseId caseId, String recordType, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (ConsiliumProblem e) {
			failed(actor, action, caseId, recordType, null);
			throw e;
		}
	}

	/** The trail of one case, newest first, for the patient's access log; {@code limit} rows from {@code offset}. */
	@Transactional(readOnly = true)
	public List<AuditEntry> forCase(CaseId caseId, int offset, int limit) {
		return jdbc.sql("""
				SELECT id, occurred_at, actor_id, actor_role, action, case_id, record_type, record_id, outcome
				FROM audit.audit_event WHERE case_id = ? ORDER BY occurred_at DESC, id DESC OFFSET ? LIMIT ?""")
			.params(caseId.value(), offset, limit).query(AuditEntry.class).list();
	}

	/** How many entries the case's trail holds, for paging the patient's access log. */
	@Transactional(readOnly = true)
	public long countForCase(CaseId caseId) {
		return jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE case_id = ?").param(caseId.value()).query(Long.class).single();
	}

	/**
	 * The trail of one case grouped for the patient's access log: one line per person, day (in {@code zone}), kind of
	 * access and outcome, with how many times, latest first; {@code limit} lines from {@code offset}.
	 * @param who only this person's lines, or null for everyone's
	 */
	@Transactional(readOnly = true)
	public List<AccessSummary> summaryForCase(CaseId caseId, ZoneId zone, UserId who, int offset, int limit) {
		return jdbc.sql("""
				SELECT actor_id, actor_role, (occurred_at AT TIME ZONE :zone)::date AS day, action, outcome,
				       count(*) AS count, max(occurred_at) AS last
				FROM audit.audit_event
				WHERE case_id = :case AND (CAST(:who AS uuid) IS NULL OR actor_id = CAST(:who AS uuid))
				GROUP BY actor_id, actor_role, day, action, outcome
				ORDER BY last DESC, action OFFSET :offset LIMIT :limit""")
			.param("zone", zone.getId()).param("case", caseId.value()).param("who", UserId.valueOrNull(who))
			.param("offset", offset).param("limit", limit)
			.query((rs, n) -> new AccessSummary(UserId.ofNullable((UUID) rs.getObject("actor_id")), rs.getString("actor_role"),
					rs.getObject("day", LocalDate.class), rs.getString("action"), AuditOutcome.valueOf(rs.getString("outcome")),
					rs.getLong("count"), rs.getTimestamp("last").toInstant()))
			.list();
	}

	/** How many lines {@link #summaryForCase} has in all, for paging. */
	@Transactional(readOnly = true)
	public long countSummaryForCase(CaseId caseId, ZoneId zone, UserId who) {
		return jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM audit.audit_event
				  WHERE case_id = :case AND (CAST(:who AS uuid) IS NULL OR actor_id = CAST(:who AS uuid))
				  GROUP BY actor_id, actor_role, (occurred_at AT TIME ZONE :zone)::date, action, outcome) lines""")
			.param("zone", zone.getId()).param("case", caseId.value()).param("who", UserId.valueOrNull(who))
			.query(Long.class).single();
	}

	/**
	 * The accounts that accessed the case and were let in at least once, for the access log's filter by person (someone
	 * only ever refused has no relation to the case and is not named to the patient).
	 */
	@Transactional(readOnly = true)
	public List<UserId> accessorsOfCase(CaseId caseId) {
		return jdbc.sql("""
				SELECT DISTINCT actor_id FROM audit.audit_event
				WHERE case_id = ? AND actor_id IS NOT NULL AND outcome <> 'DENIED'""")
			.param(caseId.value()).query(UUID.class).list().stream().map(UserId::new).toList();
	}

	private void insert(Actor actor, AuditAction action, CaseId caseId, String recordType, UUID recordId, AuditOutcome outcome) {
		jdbc.sql("""
				INSERT INTO audit.audit_event (occurred_at, actor_id, actor_role, action, case_id, record_type, record_id, outcome)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), UserId.valueOrNull(actor.id()), actor.auditRole(), action.code(), CaseId.valueOrNull(caseId),
					recordType, recordId, outcome.name())
			.update();
	}
}
