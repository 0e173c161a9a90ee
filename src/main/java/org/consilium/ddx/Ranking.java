package org.consilium.ddx;

import java.util.List;
import java.util.Optional;

/** All candidates for one query, best first. */
public record Ranking(List<RankedDisease> diseases) {

	public Ranking {
		diseases = List.copyOf(diseases);
	}

	public Optional<RankedDisease> find(String diseaseId) {
		return diseases.stream().filter(d -> d.diseaseId().equals(diseaseId)).findFirst();
	}

	/** The 1-based rank of the disease, or 0 when it is not a candidate. */
	public int rankOf(String diseaseId) {
		return find(diseaseId).map(RankedDisease::rank).orElse(0);
	}

	public List<RankedDisease> top(int n) {
		return diseases.subList(0, Math.min(n, diseases.size()));
	}
}
