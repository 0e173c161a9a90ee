package org.consilium.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.consilium.shared.CodeSystem;

/**
 * Stores {@link WrittenOpinion}s in {@code review.written_opinion} and its child tables. Draft saves are guarded by the
 * version column: an update that does not match the expected version changes nothing and reports {@code false}.
 */
@Repository
class WrittenOpinionRepository {

	private final JdbcClient jdbc;

	private final ReportSectionsJson report;

	WrittenOpinionRepository(JdbcClient jdbc, ReportSectionsJson report) {
		this.jdbc = jdbc;
		this.report = report;
	}

	Optional<WrittenOpinion> findByCase(UUID caseId) {
		Optional<Row> row = jdbc.sql("""
				SELECT id, case_id, specialist_id, version, concordance, treatment_review, treatment_comment, further_work_up,
				       limitations, plain_summary, report::text AS report, created_at, updated_at, signed_at, signed_by
				FROM review.written_opinion WHERE case_id = ? AND voided_at IS NULL""").param(caseId).query(WrittenOpinionRepository::row).optional();
		return row.map(this::load);
	}

	/** Stores a new opinion with its rows; a second opinion for the same case fails on the unique case id. */
	void insert(WrittenOpinion opinion, UUID editSession) {
		OpinionContent c = opinion.content();
		jdbc.sql("""
				INSERT INTO review.written_opinion (id, case_id, specialist_id, version, concordance, treatment_review,
				  treatment_comment, further_work_up, limitations, plain_summary, report, created_at, updated_at, last_edit_session)
				VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""")
			.params(opinion.id(), opinion.caseId(), opinion.specialistId(), name(c.concordance()), name(c.treatmentReview()),
					c.treatmentComment(), c.furtherWorkUp(), c.limitations(), c.plainSummary(), report.write(c.report()), ts(opinion.createdAt()),
					ts(opinion.updatedAt()), editSession)
			.update();
		insertRows(opinion.id(), c);
	}

	/** Saves a draft's content if it is still at {@code expectedVersion} and unsigned; false changes nothing. */
	boolean updateDraft(WrittenOpinion opinion, int expectedVersion, UUID editSession) {
		OpinionContent c = opinion.content();
		int updated = jdbc.sql("""
				UPDATE review.written_opinion SET version = version + 1, concordance = ?, treatment_review = ?,
				  treatment_comment = ?, further_work_up = ?, limitations = ?, plain_summary = ?, report = CAST(? AS jsonb), updated_at = ?,
				  last_edit_session = ?
				WHERE id = ? AND version = ? AND signed_at IS NULL""")
			.params(name(c.concordance()), name(c.treatmentReview()), c.treatmentComment(), c.furtherWorkUp(), c.limitations(),
					c.plainSummary(), report.write(c.report()), ts(opinion.updatedAt()), editSession, opinion.id(), expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		for (String table : List.of("opinion_diagnosis", "opinion_treatment_option", "opinion_answer")) {
			jdbc.sql("DELETE FROM review." + table + " WHERE written_opinion_id = ?").param(opinion.id()).update();
		}
		insertRows(opinion.id(), c);
		return true;
	}

	/** The editing form that saved the draft last, or null. */
	UUID lastEditSession(UUID opinionId) {
		return jdbc.sql("SELECT last_edit_session FROM review.written_opinion WHERE id = ?").param(opinionId).query(UUID.class).optional()
			.orElse(null);
	}

	/**
	 * Voids the specialist's unsigned drafts with a reason (kept, never deleted; the case can get a new draft).
	 * @return the cases whose draft was voided
	 */
	List<UUID> voidDrafts(UUID specialist, UUID by, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE review.written_opinion SET voided_at = ?, voided_by = ?, void_reason = ?, updated_at = ?
				WHERE specialist_id = ? AND signed_at IS NULL AND voided_at IS NULL RETURNING case_id""")
			.params(ts(now), by, reason, ts(now), specialist).query(UUID.class).list();
	}

	/** Records the signature if the opinion is still at {@code expectedVersion} and unsigned; false changes nothing. */
	boolean markSigned(WrittenOpinion opinion, int expectedVersion) {
		return jdbc.sql("""
				UPDATE review.written_opinion SET version = version + 1, signed_at = ?, signed_by = ?, updated_at = ?
				WHERE id = ? AND version = ? AND signed_at IS NULL""")
			.params(ts(opinion.signedAt()), opinion.signedBy(), ts(opinion.updatedAt()), opinion.id(), expectedVersion)
			.update() == 1;
	}

	private void insertRows(UUID opinionId, OpinionContent c) {
		for (int i = 0; i < c.diagnoses().size(); i++) {
			Diagnosis d = c.diagnoses().get(i);
			jdbc.sql("INSERT INTO review.opinion_diagnosis (written_opinion_id, position, text, code_system, code) VALUES (?, ?, ?, ?, ?)")
				.params(opinionId, i, d.text(), d.system() == null ? null : d.system().uri(), d.code()).update();
		}
		for (int i = 0; i < c.options().size(); i++) {
			TreatmentOption o = c.options().get(i);
			jdbc.sql("""
					INSERT INTO review.opinion_treatment_option (written_opinion_id, position, name, invasiveness, expected_benefit,
					  risks, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(opinionId, i, o.name(), name(o.invasiveness()), o.expectedBenefit(), o.risks(), o.evidence()).update();
		}
		for (int i = 0; i < c.answers().size(); i++) {
			jdbc.sql("INSERT INTO review.opinion_answer (written_opinion_id, position, answer) VALUES (?, ?, ?)")
				.params(opinionId, i, c.answers().get(i)).update();
		}
	}

	private WrittenOpinion load(Row r) {
		List<Diagnosis> diagnoses = jdbc.sql("""
				SELECT text, code_system, code FROM review.opinion_diagnosis WHERE written_opinion_id = ? ORDER BY position""")
			.param(r.id())
			.query((rs, n) -> new Diagnosis(rs.getString("text"),
					CodeSystem.ofUri(rs.getString("code_system")).orElse(null), rs.getString("code")))
			.list();
		List<TreatmentOption> options = jdbc.sql("""
				SELECT name, invasiveness, expected_benefit, risks, evidence FROM review.opinion_treatment_option
				WHERE written_opinion_id = ? ORDER BY position""")
			.param(r.id())
			.query((rs, n) -> new TreatmentOption(rs.getString("name"), Invasiveness.valueOf(rs.getString("invasiveness")),
					rs.getString("expected_benefit"), rs.getString("risks"), rs.getString("evidence")))
			.list();
		// Answers are stored by position, blanks included, so position i stays question i.
		List<String> answers = jdbc.sql("SELECT answer FROM review.opinion_answer WHERE written_opinion_id = ? ORDER BY position")
			.param(r.id()).query(String.class).list();
		OpinionContent content = new OpinionContent(r.concordance() == null ? null : Concordance.valueOf(r.concordance()), diagnoses,
				r.treatmentReview() == null ? null : TreatmentReview.valueOf(r.treatmentReview()), r.treatmentComment(), options,
				r.furtherWorkUp(), answers, r.limitations(), r.plainSummary(), report.read(r.report()));
		return new WrittenOpinion(r.id(), r.caseId(), r.specialistId(), r.version(), content, r.createdAt(), r.updatedAt(),
				r.signedAt(), r.signedBy());
	}

	private record Row(UUID id, UUID caseId, UUID specialistId, int version, String concordance, String treatmentReview,
			String treatmentComment, String furtherWorkUp, String limitations, String plainSummary, String report, Instant createdAt,
			Instant updatedAt, Instant signedAt, UUID signedBy) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("specialist_id", UUID.class),
				rs.getInt("version"), rs.getString("concordance"), rs.getString("treatment_review"), rs.getString("treatment_comment"),
				rs.getString("further_work_up"), rs.getString("limitations"), rs.getString("plain_summary"), rs.getString("report"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "signed_at"), rs.getObject("signed_by", UUID.class));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
