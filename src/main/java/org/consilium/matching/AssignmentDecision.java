package org.consilium.matching;

import java.time.Instant;
import java.util.UUID;

/**
 * How a specialist came to be assigned: their rank and score when chosen, and the coordinator's reason when the choice
 * overrode matching (someone outside the top {@value SpecialistRanking#TOP} or an ineligible specialist); null otherwise.
 */
public record AssignmentDecision(UUID caseId, UUID specialistId, String specialtyCode, int rank, boolean eligible, int score,
		String overrideReason, UUID decidedBy, Instant decidedAt) {

	public boolean overridden() {
		return overrideReason != null;
	}
}
