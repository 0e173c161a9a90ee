package org.consilium.matching;

import java.util.List;

import org.consilium.shared.UserId;

/**
 * A specialist as matching ranked them for one case.
 *
 * @param rank      1-based position in the full ranking (eligible specialists first)
 * @param score     sum of the reasons' points; meaningful only among eligible specialists
 * @param openCases cases now assigned to them and not yet signed
 */
public record RankedSpecialist(UserId specialistId, String displayName, int rank, boolean eligible, int score, List<Reason> reasons,
		int openCases, int weeklyCapacity) {

	public RankedSpecialist {
		reasons = List.copyOf(reasons);
	}
}
