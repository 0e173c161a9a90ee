package org.consilium.phenotype;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.consilium.ddx.SubmittedDiagnosisCheck;

/**
 * When the differential diagnosis flags the first opinion's diagnosis ({@code consilium.ddx.flag.*}): its best rank is
 * greater than {@code rank-above} (default 10), its post-test probability is below {@code max-probability} (default
 * 0.01) and the top candidate's is above {@code top-probability} (default 0.05: since the shown probability is calibrated,
 * ECE 4.7 points, the top candidate shows 13 % on average). Product choices, not published
 * figures; see {@link SubmittedDiagnosisCheck.Thresholds}.
 */
@ConfigurationProperties("consilium.ddx.flag")
public record DifferentialFlagSettings(@DefaultValue("10") int rankAbove, @DefaultValue("0.01") double maxProbability,
		@DefaultValue("0.05") double topProbability) {

	SubmittedDiagnosisCheck.Thresholds thresholds() {
		return new SubmittedDiagnosisCheck.Thresholds(rankAbove, maxProbability, topProbability);
	}
}
