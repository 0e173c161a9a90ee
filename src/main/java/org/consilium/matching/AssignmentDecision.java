package org.consilium.matching;

import java.time.Instant;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * How a specialist came to be assigned: their rank and score when chosen, and the coordinator's reason when the choice
 * overrode matching (someone outside the top {@value SpecialistRanking#TOP} or an ineligible specialist); null otherwise.
 */
public record AssignmentDecision(CaseId caseId, UserId specialistId, String specialtyCode, int rank, boolean eligible, int score,
		String overrideReason, UserId decidedBy, Instant decidedAt) {

	public boolean overridden() {
		return overrideReason != null;
	}
}
