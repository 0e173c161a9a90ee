package org.consilium.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import org.consilium.intake.CaseQueries;
import org.consilium.intake.RunningClock;
import org.consilium.shared.CaseId;

/**
 * Escalates case clocks to the case's coordinator (the one who claimed it, or every coordinator while unclaimed) when a
 * running clock has used 50 %, 80 % and 100 % of its budget ({@link RunningClock#usedFraction()}). Each threshold of
 * each clock of each case is written once (primary key case + clock + threshold), however often the scan runs and on
 * however many instances; a scan that finds several thresholds crossed at once writes each of them.
 */
@Component
class EscalationScan {

	/** The thresholds, in percent of the clock's budget. */
	static final List<Integer> THRESHOLDS = List.of(50, 80, 100);

	private final CaseQueries queries;

	private final Notices notices;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	EscalationScan(CaseQueries queries, Notices notices, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.queries = queries;
		this.notices = notices;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${consilium.notification.escalation-interval:5m}",
			initialDelayString = "${consilium.notification.escalation-interval:5m}")
	void scheduled() {
		transaction.executeWithoutResult(status -> scan());
	}

	/** Writes the escalations crossed since the last scan; returns how many. */
	@Transactional
	public int scan() {
		int written = 0;
		for (RunningClock running : queries.runningClocks()) {
			for (int threshold : THRESHOLDS) {
				if (running.usedFraction() * 100 < threshold) {
					break;
				}
				int inserted = jdbc.sql("""
						INSERT INTO notification.escalation (case_id, clock, threshold_percent, reached_at) VALUES (?, ?, ?, ?)
						ON CONFLICT DO NOTHING""")
					.params(CaseId.valueOrNull(running.caseId()), running.clock(), threshold, Timestamp.from(clock.instant())).update();
				if (inserted == 1) {
					notices.notify(NoticeKind.escalation(running.clock(), threshold), running.caseId(),
							"escalation:" + running.caseId() + ":" + running.clock() + ":" + threshold,
							notices.coordinators(running.coordinatorId()));
					written++;
				}
			}
		}
		return written;
	}
}
