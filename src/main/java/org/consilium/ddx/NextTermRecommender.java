package org.consilium.ddx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "What to check next" for {@link DifferentialDiagnosis#recommend}: the unrecorded HPO terms that the leading
 * {@value DifferentialDiagnosis#RECOMMENDATION_CANDIDATES} candidates' shown probabilities (renormalised over them) say
 * the patient likely has and that would, if confirmed, speak for those candidates against the rest: ordered by the
 * expected support, P(present) &middot; max(0, ln(P(present) / background frequency of the term)), the chance of a
 * "present" answer times the weight of evidence (Good 1950) it would carry for the leading candidates over all
 * candidates. Each also carries the expected information gain of the question over the leading candidates (the
 * expected reduction of the Shannon entropy of their probabilities once the answer is known, as in sequential diagnosis:
 * Gorry GA, Barnett GO. Experience with a model of sequential diagnosis. Comput Biomed Res 1968), which ordered them
 * before; in the benchmark's simulation ({@code bench/ddx.sh recommend}) most of those questions went unanswered by the
 * published cases and gained 0.3 points of top-10, the expected support 0.9. A term's chance of being present in a candidate is the
 * candidate's annotated frequency of the term (or of a more specific term it reaches), for a candidate not annotated
 * with it the term's background frequency over all candidates, both kept within 0.001..0.999. Terms asked are the
 * leading candidates' own annotations, less those already recorded, those implied present (ancestors of an observed
 * term) and those implied absent (descendants of an excluded term).
 * <p>
 * Reads the query and the annotations only, never anything about the patient beyond the query. Immutable and
 * thread-safe.
 */
final class NextTermRecommender {

	private final HpoData data;

	NextTermRecommender(HpoData data) {
		this.data = data;
	}

	/**
	 * @param leftOutDisease a disease whose lines citing the references do not count (for a ranking made by
	 *        {@link DifferentialDiagnosis#rankLeavingOut}), or null
	 * @throws IllegalArgumentException when a term id of the query is unknown
	 */
	List<TermRecommendation> recommend(PhenotypeQuery query, Ranking ranking, int count, String leftOutDisease, Set<String> references) {
		List<RankedDisease> leading = ranking.top(DifferentialDiagnosis.RECOMMENDATION_CANDIDATES);
		int k = leading.size();
		if (k < 2 || count <= 0) {
			return List.of();
		}
		DiseaseProfile[] profiles = new DiseaseProfile[k];
		double[] prior = new double[k];
		double total = 0;
		for (int i = 0; i < k; i++) {
			String id = leading.get(i).diseaseId();
			DiseaseProfile full = data.diseases[data.diseaseIndexOf(id)];
			profiles[i] = id.equals(leftOutDisease) ? full.withoutReferences(references, data.ancestorsSorted, new float[data.termIds.length]) : full;
			prior[i] = leading.get(i).postTestProbability();
			total += prior[i];
		}
		for (int i = 0; i < k; i++) {
			prior[i] = total > 0 ? prior[i] / total : 1.0 / k;
		}
		double entropy = entropyBits(prior);
		boolean[] settled = new boolean[data.termIds.length];
		for (int h : resolve(query.observedHpoIds())) {
			for (int a : data.ancestorsSorted[h]) {
				settled[a] = true;
			}
		}
		int[] excluded = resolve(query.excludedHpoIds());
		Set<Integer> asked = new TreeSet<>();
		for (DiseaseProfile profile : profiles) {
			for (int t : profile.annotatedTerms) {
				if (!settled[t] && !impliedAbsent(t, excluded)) {
					asked.add(t);
				}
			}
		}
		List<TermRecommendation> all = new ArrayList<>(asked.size());
		double[] present = new double[k];
		double[] frequency = new double[k];
		double[] absent = new double[k];
		for (int t : asked) {
			double pPresent = 0;
			for (int i = 0; i < k; i++) {
				float f = profiles[i].frequencyOf(t);
				frequency[i] = Math.min(Math.max(f >= 0 ? f : data.backgroundFrequency[t], 0.001), 0.999);
				pPresent += prior[i] * frequency[i];
			}
			for (int i = 0; i < k; i++) {
				present[i] = prior[i] * frequency[i] / pPresent;
				absent[i] = prior[i] * (1 - frequency[i]) / (1 - pPresent);
			}
			double gain = entropy - pPresent * entropyBits(present) - (1 - pPresent) * entropyBits(absent);
			double support = pPresent * Math.max(0, Math.log(pPresent / Math.max(data.backgroundFrequency[t], 0.001)));
			List<Integer> up = new ArrayList<>();
			List<Integer> down = new ArrayList<>();
			for (int i = 0; i < k; i++) {
				(present[i] > prior[i] ? up : down).add(i);
			}
			up.sort(Comparator.comparingDouble(i -> prior[i] - present[i]));
			down.sort(Comparator.comparingDouble(i -> prior[i] - absent[i]));
			all.add(new TermRecommendation(data.termIds[t], data.termLabels[t], gain, support, pPresent, up.stream().map(i -> profiles[i].id).toList(),
					down.stream().map(i -> profiles[i].id).toList()));
		}
		all.sort(Comparator.comparingDouble(TermRecommendation::expectedSupportNats).reversed().thenComparing(TermRecommendation::hpoId));
		return List.copyOf(all.subList(0, Math.min(count, all.size())));
	}

	private boolean impliedAbsent(int term, int[] excluded) {
		for (int x : excluded) {
			if (Arrays.binarySearch(data.ancestorsSorted[term], x) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static double entropyBits(double[] p) {
		double h = 0;
		for (double v : p) {
			if (v > 0) {
				h -= v * Math.log(v);
			}
		}
		return h / Math.log(2);
	}

	private int[] resolve(List<String> hpoIds) {
		Set<Integer> terms = new LinkedHashSet<>();
		for (String id : hpoIds) {
			terms.add(data.termIndexOf(id));
		}
		return terms.stream().mapToInt(Integer::intValue).toArray();
	}
}
