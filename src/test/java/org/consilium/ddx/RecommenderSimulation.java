package org.consilium.ddx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.consilium.ddx.DdxBenchmark.Case;
import org.consilium.ddx.DdxBenchmark.Tally;

/**
 * {@code bench/ddx.sh recommend}: a seeded simulation of {@link DifferentialDiagnosis#recommend}. Per case, half of the
 * observed and half of the excluded terms (rounded down, chosen with the seed) are hidden; three ways of asking five
 * questions are answered from the hidden terms (present when a hidden observed term is the term or more specific,
 * absent when a hidden excluded term is the term or more general, else not stated, which changes nothing):
 * <ul>
 * <li>the recommender, asking one term at a time and re-ranking after each answer;</li>
 * <li>the five unrecorded annotations of the ten leading candidates with the highest probability-weighted frequency,
 * asked at once;</li>
 * <li>five of those annotations at random.</li>
 * </ul>
 * Everything ranks under leave-publication-out (the gold's lines citing the case's publications count nowhere, not in
 * the questions either). Prints the gold's median rank and top-1/top-10 before and after each way, the CPU time per
 * question, and as its last line one JSON object.
 */
final class RecommenderSimulation {

	static final int QUESTIONS = 5;

	private RecommenderSimulation() {
	}

	static void run(HpoData data, List<Case> cases, long seed, long startNanos) {
		DifferentialDiagnosis engine = new DifferentialDiagnosis(data);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		String[] names = { "before", "recommender", "frequency", "random" };
		Tally[] tallies = { new Tally(), new Tally(), new Tally(), new Tally() };
		List<List<Double>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		List<Long> questionNanos = new ArrayList<>();
		int[] answers = new int[3]; // recommender's answers: present, absent, not stated
		int[] frequencyAnswers = new int[3];
		Tally oracle = new Tally();
		for (Case c : cases) {
			Random random = new Random(seed * 31 + (c.cohort() + "/" + c.file()).hashCode());
			List<String> observed = new ArrayList<>(c.observed());
			List<String> excluded = new ArrayList<>(c.excluded());
			Collections.shuffle(observed, random);
			Collections.shuffle(excluded, random);
			int keepObserved = observed.size() - observed.size() / 2;
			int keepExcluded = excluded.size() - excluded.size() / 2;
			Hidden hidden = new Hidden(data, observed.subList(keepObserved, observed.size()), excluded.subList(keepExcluded, excluded.size()));
			PhenotypeQuery visible = new PhenotypeQuery(observed.subList(0, keepObserved), excluded.subList(0, keepExcluded));
			boolean emptied = data.diseases[data.diseaseIndexOf(c.gold())].withoutReferences(c.pmids(), data.ancestorsSorted, new float[data.termIds.length]).closureTerms.length == 0;

			Ranking before = engine.rankLeavingOut(visible, c.gold(), c.pmids());
			double[] r = new double[4];
			r[0] = rank(data, before, c, emptied);

			PhenotypeQuery asked = visible;
			Ranking current = before;
			Set<String> notStated = new HashSet<>();
			for (int q = 0; q < QUESTIONS; q++) {
				long cpu = threads.getCurrentThreadCpuTime();
				List<TermRecommendation> next = engine.recommend(asked, current, QUESTIONS + notStated.size(), c.gold(), c.pmids());
				questionNanos.add(threads.getCurrentThreadCpuTime() - cpu);
				TermRecommendation term = next.stream().filter(t -> !notStated.contains(t.hpoId())).findFirst().orElse(null);
				if (term == null) {
					break;
				}
				int answer = hidden.answer(term.hpoId());
				answers[answer]++;
				if (answer == Hidden.NOT_STATED) {
					notStated.add(term.hpoId());
					continue;
				}
				asked = with(asked, term.hpoId(), answer == Hidden.PRESENT);
				current = engine.rankLeavingOut(asked, c.gold(), c.pmids());
			}
			r[1] = rank(data, current, c, emptied);

			List<TermRecommendation> askable = frequent(data, visible, before, c);
			r[2] = rank(data, engine.rankLeavingOut(answered(visible, askable.subList(0, Math.min(QUESTIONS, askable.size())), hidden), c.gold(), c.pmids()), c, emptied);
			for (TermRecommendation t : askable.subList(0, Math.min(QUESTIONS, askable.size()))) {
				frequencyAnswers[hidden.answer(t.hpoId())]++;
			}
			PhenotypeQuery all = visible;
			for (String h : hidden.observed().subList(0, Math.min(QUESTIONS, hidden.observed().size()))) {
				all = with(all, h, true);
			}
			oracle.add(rank(data, engine.rankLeavingOut(all, c.gold(), c.pmids()), c, emptied));
			Collections.shuffle(askable, random);
			r[3] = rank(data, engine.rankLeavingOut(answered(visible, askable.subList(0, Math.min(QUESTIONS, askable.size())), hidden), c.gold(), c.pmids()), c, emptied);
			for (int i = 0; i < 4; i++) {
				tallies[i].add(r[i]);
				ranks.get(i).add(r[i]);
			}
		}
		long[] sorted = questionNanos.stream().mapToLong(Long::longValue).sorted().toArray();
		double medianMs = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
		System.out.printf("%d cases, %d questions asked by the recommender: %d answered present, %d absent, %d not stated%n", cases.size(), questionNanos.size(), answers[0],
				answers[1], answers[2]);
		System.out.printf("frequency heuristic's answers: %d present, %d absent, %d not stated; for comparison, up to five hidden observed terms themselves (an oracle): lpo %s%n",
				frequencyAnswers[0], frequencyAnswers[1], frequencyAnswers[2], oracle.json());
		StringBuilder json = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			double median = median(ranks.get(i));
			System.out.printf(Locale.ROOT, "%s: median gold rank %.1f, lpo %s%n", names[i], median, tallies[i].json());
			json.append(String.format(Locale.ROOT, ",\"%s\":{\"median_rank\":%.1f,\"top1\":%.4f,\"top10\":%.4f}", names[i], median, tallies[i].share(tallies[i].top1),
					tallies[i].share(tallies[i].top10)));
		}
		double gain = tallies[1].share(tallies[1].top10) - tallies[0].share(tallies[0].top10);
		double frequencyGain = tallies[2].share(tallies[2].top10) - tallies[0].share(tallies[0].top10);
		double runtime = (System.nanoTime() - startNanos) / 1e9;
		System.out.printf(Locale.ROOT, "top-10 gain: recommender %.1f points, frequency heuristic %.1f points, random %.1f points; recommender CPU median %.1f ms per question; runtime %.0f s%n",
				100 * gain, 100 * frequencyGain, 100 * (tallies[3].share(tallies[3].top10) - tallies[0].share(tallies[0].top10)), medianMs, runtime);
		System.out.printf(Locale.ROOT, "{\"cases\":%d,\"questions\":%d%s,\"top10_gain\":%.4f,\"frequency_top10_gain\":%.4f,\"median_ms_per_question\":%.2f,\"runtime_s\":%.0f}%n", cases.size(),
				QUESTIONS, json, gain, frequencyGain, medianMs, runtime);
	}

	/**
	 * The unrecorded annotations of the ten leading candidates, most frequent first: by their frequency in each
	 * candidate (the term's background frequency where a candidate does not reach it) weighted by the candidates' shown
	 * probabilities renormalised over the ten; less the terms implied present (ancestors of an observed term) or absent
	 * (descendants of an excluded term). Independent of the recommender, so that changing it leaves this baseline alone.
	 */
	static List<TermRecommendation> frequent(HpoData data, PhenotypeQuery query, Ranking ranking, Case c) {
		List<RankedDisease> leading = ranking.top(DifferentialDiagnosis.RECOMMENDATION_CANDIDATES);
		int k = leading.size();
		DiseaseProfile[] profiles = new DiseaseProfile[k];
		double[] prior = new double[k];
		double total = 0;
		for (int i = 0; i < k; i++) {
			String id = leading.get(i).diseaseId();
			DiseaseProfile full = data.diseases[data.diseaseIndexOf(id)];
			profiles[i] = id.equals(c.gold()) ? full.withoutReferences(c.pmids(), data.ancestorsSorted, new float[data.termIds.length]) : full;
			prior[i] = leading.get(i).postTestProbability();
			total += prior[i];
		}
		boolean[] settled = new boolean[data.termIds.length];
		for (String h : query.observedHpoIds()) {
			for (int a : data.ancestorsSorted[data.termIndexOf(h)]) {
				settled[a] = true;
			}
		}
		java.util.Set<Integer> terms = new java.util.TreeSet<>();
		for (DiseaseProfile profile : profiles) {
			for (int t : profile.annotatedTerms) {
				boolean absent = query.excludedHpoIds().stream().anyMatch(x -> Arrays.binarySearch(data.ancestorsSorted[t], data.termIndexOf(x)) >= 0);
				if (!settled[t] && !absent) {
					terms.add(t);
				}
			}
		}
		List<TermRecommendation> out = new ArrayList<>();
		for (int t : terms) {
			double p = 0;
			for (int i = 0; i < k; i++) {
				float f = profiles[i].frequencyOf(t);
				p += (total > 0 ? prior[i] / total : 1.0 / k) * Math.min(Math.max(f >= 0 ? f : data.backgroundFrequency[t], 0.001), 0.999);
			}
			out.add(new TermRecommendation(data.termIds[t], data.termLabels[t], 0, 0, p, List.of(), List.of()));
		}
		out.sort(java.util.Comparator.comparingDouble(TermRecommendation::probabilityPresent).reversed().thenComparing(TermRecommendation::hpoId));
		return out;
	}

	private static double rank(HpoData data, Ranking ranking, Case c, boolean emptied) {
		return emptied ? data.candidateCount() : DdxBenchmark.goldRank(ranking, c.gold(), RankedDisease::score);
	}

	private static PhenotypeQuery with(PhenotypeQuery query, String hpoId, boolean present) {
		List<String> observed = new ArrayList<>(query.observedHpoIds());
		List<String> excluded = new ArrayList<>(query.excludedHpoIds());
		(present ? observed : excluded).add(hpoId);
		return new PhenotypeQuery(observed, excluded);
	}

	private static PhenotypeQuery answered(PhenotypeQuery query, List<TermRecommendation> terms, Hidden hidden) {
		PhenotypeQuery q = query;
		for (TermRecommendation t : terms) {
			int answer = hidden.answer(t.hpoId());
			if (answer != Hidden.NOT_STATED) {
				q = with(q, t.hpoId(), answer == Hidden.PRESENT);
			}
		}
		return q;
	}

	private static double median(List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

	/** The hidden terms, answering a question about a term. */
	private record Hidden(HpoData data, List<String> observed, List<String> excluded) {

		static final int PRESENT = 0;

		static final int ABSENT = 1;

		static final int NOT_STATED = 2;

		int answer(String hpoId) {
			int t = data.termIndexOf(hpoId);
			for (String h : observed) {
				if (Arrays.binarySearch(data.ancestorsSorted[data.termIndexOf(h)], t) >= 0) {
					return PRESENT;
				}
			}
			for (String x : excluded) {
				if (Arrays.binarySearch(data.ancestorsSorted[t], data.termIndexOf(x)) >= 0) {
					return ABSENT;
				}
			}
			return NOT_STATED;
		}
	}
}
