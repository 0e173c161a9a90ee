package org.consilium.ddx;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ShownProbabilityTests {

	@Test
	void refusesOffsetsThatRiseWithTheRankOrAreNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ShownProbability(1.0, List.of(0.5, 1.0))).withMessageContaining("never rise");
		assertThatIllegalArgumentException().isThrownBy(() -> new ShownProbability(1.0, List.of(-0.1))).withMessageContaining("at least 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new ShownProbability(0.0, List.of())).withMessageContaining("scale");
	}

	@Test
	void aRankOffsetLiftsTheFirstRankAboveItsTieWithoutReorderingAnything() {
		ShownProbability shown = new ShownProbability(1.0, List.of(1.0));
		double[] p = shown.probabilities(new double[] { 2.0, 2.0, 0.0 }, new int[] { 0, 1, 2 });
		double z = Math.exp(3.0) + Math.exp(2.0) + 1.0;
		assertThat(p[0]).isCloseTo(Math.exp(3.0) / z, within(1e-12));
		assertThat(p[1]).isCloseTo(Math.exp(2.0) / z, within(1e-12));
		assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
	}
}
