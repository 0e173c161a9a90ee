package org.consilium.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.consilium.intake.AccessibleCase;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * What the review's use cases share: the statuses in which a case is under review, and the specialists' impressions
 * (the blinded-first gate of both the written opinion and a panel member's opinion).
 */
@Component
class ReviewSteps {

	static final Set<OpinionRequestStatus> REVIEWING = EnumSet.of(OpinionRequestStatus.IN_REVIEW, OpinionRequestStatus.AWAITING_PATIENT);

	private final JdbcClient jdbc;

	ReviewSteps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws IllegalTransitionException (409) unless the case is in review or waiting for the patient */
	static void requireReviewing(AccessibleCase c) {
		if (!REVIEWING.contains(c.status())) {
			throw new IllegalTransitionException("This is possible only while the case is in review (it is "
					+ c.status().label().toLowerCase(java.util.Locale.ROOT) + ").");
		}
	}

	/** The specialist's (chair's or panel member's) impression of the case, if recorded. */
	Optional<Impression> findImpression(UUID caseId, UUID specialistId) {
		return jdbc.sql("""
				SELECT id, case_id, specialist_id, recorded_at, impression, working_diagnosis_text, working_diagnosis_system,
				       working_diagnosis_code
				FROM review.impression WHERE case_id = ? AND specialist_id = ?""").params(caseId, specialistId)
			.query(ReviewSteps::impressionRow).optional();
	}

	static Impression impressionRow(ResultSet rs, int n) throws SQLException {
		String dxText = rs.getString("working_diagnosis_text");
		Diagnosis dx = dxText == null ? null
				: new Diagnosis(dxText, CodeSystem.ofUri(rs.getString("working_diagnosis_system")).orElse(null),
						rs.getString("working_diagnosis_code"));
		return new Impression(rs.getObject("id", UUID.class), CaseId.ofNullable(rs.getObject("case_id", UUID.class)),
				UserId.ofNullable(rs.getObject("specialist_id", UUID.class)), WrittenOpinionRepository.instant(rs, "recorded_at"),
				rs.getString("impression"), dx);
	}

	/** The id of the panel member's own opinion of the case, if saved. */
	Optional<UUID> findPanelOpinion(UUID caseId, UUID memberId) {
		return jdbc.sql("SELECT id FROM review.panel_opinion WHERE case_id = ? AND member_id = ?").params(caseId, memberId)
			.query(UUID.class).optional();
	}

	/**
	 * The assigned specialist, who is a panel's chair: only they write, sign and ask the patient.
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, 403) for anyone else
	 */
	static void requireChair(AccessibleCase c) {
		if (!c.actor().is(Role.SPECIALIST) || !c.chairedByActor()) {
			throw new ForbiddenActionException("Only the case's assigned specialist (a panel's chair) can do this.");
		}
	}
}
