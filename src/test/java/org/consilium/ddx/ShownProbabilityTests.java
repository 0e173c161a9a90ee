package org.consilium.ddx;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

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
		assertThatIllegalArgumentException().isThrownBy(() -> new ShownProbability.Rank(Double.NaN, 0, 0, 0, 0)).withMessageContaining("finite");
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

	/** The shipped model on random rankings: large and small, with ties, steep and flat. */
	@Test
	void theFittedProbabilityNeverRisesWithTheRankAndSumsToOne() {
		Random random = new Random(13);
		for (int trial = 0; trial < 300; trial++) {
			int n = 1 + random.nextInt(trial % 3 == 0 ? 12 : 3000);
			double spread = random.nextDouble() * 8;
			double[] scores = new double[n];
			for (int d = 0; d < n; d++) {
				scores[d] = random.nextInt(4) == 0 ? 1.0 : random.nextGaussian() * spread;
			}
			int[] order = descending(scores);
			double[] p = ShownProbability.FITTED.probabilities(scores, order);
			for (int r = 1; r < n; r++) {
				assertThat(p[order[r]]).as("trial %d, rank %d of %d", trial, r + 1, n).isLessThanOrEqualTo(p[order[r - 1]] + 1e-15);
			}
			assertThat(Arrays.stream(p).sum()).as("trial %d", trial).isCloseTo(1.0, within(1e-9));
			assertThat(Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
		}
	}

	/** Rank 1 by the logistic of its gap to rank 2; the rest spread by the base, each at most rank 1's. */
	@Test
	void theFirstRankShowsTheLogisticOfItsLeadAndTheOthersShareTheRest() {
		ShownProbability shown = new ShownProbability(1.0, List.of(), List.of(new ShownProbability.Rank(-1.0, 0, 2.0, 0, 0)));
		double[] scores = { 0.0, 1.5, 0.5, 0.5 };
		double[] p = shown.probabilities(scores, new int[] { 1, 2, 3, 0 });
		double top = 1 / (1 + Math.exp(-(-1.0 + 2.0 * 1.0)));
		assertThat(p[1]).isCloseTo(top, within(1e-12));
		double z = Math.exp(0.5) * 2 + 1;
		assertThat(p[2]).isCloseTo((1 - top) * Math.exp(0.5) / z, within(1e-12));
		assertThat(p[0]).isCloseTo((1 - top) / z, within(1e-12));

		double[] wider = shown.probabilities(new double[] { 0.0, 2.5, 0.5, 0.5 }, new int[] { 1, 2, 3, 0 });
		assertThat(wider[1]).as("a wider lead shows more").isGreaterThan(p[1]);
	}

	@Test
	void aLaterRankFittedAboveAnEarlierOneIsHeldDownToIt() {
		ShownProbability shown = new ShownProbability(1.0, List.of(), List.of(new ShownProbability.Rank(-2.0, 0, 0, 0, 0), new ShownProbability.Rank(1.0, 0, 0, 0, 0)));
		double[] scores = new double[12];
		int[] order = new int[12];
		for (int d = 0; d < 12; d++) {
			scores[d] = -d;
			order[d] = d;
		}
		double[] p = shown.probabilities(scores, order);
		double first = 1 / (1 + Math.exp(2.0));
		assertThat(p[0]).isCloseTo(first, within(1e-12));
		assertThat(p[1]).isCloseTo(first, within(1e-12));
		assertThat(Arrays.stream(p, 2, 12).sum()).isCloseTo(1 - 2 * first, within(1e-12));
	}

	@Test
	void ranksFittedAboveOneInTotalAreScaledDownInProportion() {
		ShownProbability shown = new ShownProbability(1.0, List.of(), List.of(new ShownProbability.Rank(3.0, 0, 0, 0, 0), new ShownProbability.Rank(2.0, 0, 0, 0, 0)));
		double[] p = shown.probabilities(new double[] { 3.0, 2.0, 1.0 }, new int[] { 0, 1, 2 });
		double a = 1 / (1 + Math.exp(-3.0));
		double b = 1 / (1 + Math.exp(-2.0));
		assertThat(p[0]).isCloseTo(a / (a + b), within(1e-12));
		assertThat(p[1]).isCloseTo(b / (a + b), within(1e-12));
		assertThat(p[2]).isZero();
	}

	@Test
	void waterFillingCapsTheLeadingSharesAndKeepsTheMass() {
		double[] filled = ShownProbability.waterFill(new double[] { 8, 1, 1 }, 0.5, 0.2);
		assertThat(filled[0]).isCloseTo(0.2, within(1e-12));
		assertThat(filled[1]).isCloseTo(0.15, within(1e-12));
		assertThat(filled[2]).isCloseTo(0.15, within(1e-12));
		assertThat(ShownProbability.waterFill(new double[] { 8, 1, 1 }, 0.3, 0.2)).containsExactly(new double[] { 0.2, 0.05, 0.05 }, within(1e-12));
	}

	private static int[] descending(double[] scores) {
		return java.util.stream.IntStream.range(0, scores.length).boxed()
			.sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b)).mapToInt(Integer::intValue).toArray();
	}
}
