package org.consilium.ddx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranks every candidate disease of an {@link HpoData} release against a patient's phenotype.
 * <p>
 * Two scorers, blended:
 * <ol>
 * <li><b>Resnik best-match average</b> (Köhler et al., AJHG 2009, doi:10.1016/j.ajhg.2009.09.003): for each
 * observed term, the information content of its most informative common ancestor with any of the disease's
 * annotations, averaged over the observed terms. Excluded terms do not enter it. Blended with the reverse
 * direction (disease annotations to patient terms, weighted by annotation frequency), which makes the average
 * symmetric and keeps diseases with many annotations from matching every query; with the z-score blend and
 * Orphanet-enriched profiles it raised the leave-publication-out MRR of the tuning cohorts ({@link Settings#DEFAULT}).</li>
 * <li><b>Likelihood ratios</b> (after the description of LIRICAL, Robinson et al., AJHG 2020,
 * doi:10.1016/j.ajhg.2020.06.021; not its code). For an observed term h and its most informative common
 * ancestor a with the disease: if a = h the disease shows h (itself or something more specific) and LR =
 * f(h|disease) / f(h|background), the background being the mean frequency over all candidates; if a is a
 * proper ancestor of h the match is inexact and LR = max(inexactMatchFactor &middot; f(a|disease) /
 * f(a|background), unrelatedTermRatio); if a is "Phenotypic abnormality" itself the term is unexplained and
 * LR = unrelatedTermRatio; if the annotations say NOT a for h or one of its ancestors (and the disease does
 * not also show h) LR = {@value #CONTRADICTED_RATIO}. For an excluded term h, LR = max(1 - f(h|disease),
 * excludedTermFloor) / max(1 - f(h|background), {@value #BACKGROUND_ABSENCE_FLOOR}), so an excluded term
 * counts against diseases that usually show it, and the floor keeps one excluded term from vetoing a disease
 * (the failure of a plain port). The sum of the log ratios is the scorer's value for the disease.</li>
 * </ol>
 * The ranking score blends them ({@link Blend}): either one minus the weighted mean of the scorers' ranks
 * divided by the number of candidates, or a weighted sum of their z-scores over all candidates of the query. The
 * probability shown beside each candidate comes from that same score ({@link ShownProbability}), so it never rises with
 * the rank and the probabilities of all candidates sum to 1 (the patient is taken to have one of them); an earlier
 * version showed the likelihood ratios' own post-test probability (Bayes' rule from a uniform pre-test probability),
 * which disagreed with the rank the list is ordered by.
 * Ranking takes a few milliseconds: per observed term it walks the term's ancestors from the most informative
 * down and visits each candidate once (precomputed arrays, no maps).
 * <p>
 * Thread-safe: all state is the immutable {@link HpoData} and settings.
 */
public final class DifferentialDiagnosis {

	/** How many of the best candidates carry per-term contributions. */
	public static final int EXPLAINED = 50;

	static final double CONTRADICTED_RATIO = 0.01;

	static final double BACKGROUND_ABSENCE_FLOOR = 0.05;

	/** How the two scorers are combined into the ranking score. */
	public enum Blend {
		/** Weighted sum of the scorers' z-scores over all candidates of the query. */
		Z_SCORES,
		/** Weighted mean of the scorers' ranks (ties share the best rank). */
		RANKS
	}

	/**
	 * The blend's settings.
	 *
	 * @param inexactMatchFactor multiplies the likelihood ratio of a match through a proper ancestor (0..1]
	 * @param unrelatedTermRatio likelihood ratio of an observed term the disease does not explain (0..1]
	 * @param excludedTermFloor lowest probability of an excluded term's absence in a disease that shows it,
	 *        which bounds how strongly one excluded term argues against a disease (0..1]
	 * @param likelihoodWeight weight of the likelihood ratios against the Resnik similarity in the blend, 0..1
	 * @param blend how the scorers are combined
	 * @param reverseWeight weight of the reverse (disease-to-patient) best-match average, 0..1 - likelihoodWeight;
	 *        the patient-to-disease Resnik similarity gets what is left
	 * @param shownProbability how the score becomes the probability shown beside each candidate
	 */
	public record Settings(double inexactMatchFactor, double unrelatedTermRatio, double excludedTermFloor, double likelihoodWeight, Blend blend,
			double reverseWeight, ShownProbability shownProbability) {

		static final ShownProbability DEFAULT_SHOWN_PROBABILITY = ShownProbability.PLAIN;

		/**
		 * Chosen on the tuning cohorts only (every fifth cohort in alphabetical order, see {@code DdxBenchmark}), by
		 * leave-publication-out mean reciprocal rank over all 1,779 rankable tuning cases, with each OMIM candidate
		 * enriched by its exact-match Orphanet disease ({@link HpoData#load(java.nio.file.Path, java.nio.file.Path, MondoCrosswalk)}).
		 * The enrichment alone raised lpo MRR from 0.157 to 0.229 (top-10 28.2 % to 38.9 %) at the former defaults
		 * (1.0, 0.1, 0.5, 0.25, ranks, 0.0); giving the Orphanet lines half their frequency lowered it (0.211). Then,
		 * one setting at a time and in small grids around the best: a z-score blend with the frequency-weighted reverse
		 * similarity at 0.2 (0.283; 0.1: 0.270, 0.3: 0.247; with a rank blend the reverse similarity peaked lower,
		 * 0.263), an inexact-match factor of 0.5 (1.0: 0.279, 0.25 no better) and an excluded-term floor of 0.8 (0.286;
		 * 0.2 was clearly worse). Likelihood weights from 0.15 to 0.35 and unrelated ratios of 0.02 to 0.3 moved it by
		 * less than 0.01, near the noise. Tuning cases at these settings: lpo top-1/3/10 21.0/30.6/45.2 %, MRR 0.286;
		 * full 43.9/56.2/70.4 %. Without the enrichment these settings were not re-tuned.
		 * <p>
		 * Then {@code bench/ddx.sh tune} (five folds over the tuning cohorts, never splitting a cohort, seed 13; 6 December
		 * 2026) chose an inexact-match factor of 0.25 in three folds of five and over all tuning cases (lpo MRR 0.288
		 * against 0.286, within the noise), and fitted the {@link ShownProbability} on all 1,779 tuning cases under lpo.
		 * Held-out folds: lpo top-1 16.5 % (sd 12.5), top-10 37.2 % (sd 17.5); full top-1 53.2 % (sd 20.6). A re-run
		 * centred on these settings would raise the excluded-term floor to 0.95 (lpo MRR 0.2894 against 0.2883): not
		 * taken, as that is within the noise and would leave an absent sign almost no weight.
		 */
		public static final Settings DEFAULT = new Settings(0.25, 0.1, 0.8, 0.25, Blend.Z_SCORES, 0.2,
				ShownProbability.FITTED);

		public Settings {
			if (!(inexactMatchFactor > 0 && inexactMatchFactor <= 1) || !(unrelatedTermRatio > 0 && unrelatedTermRatio <= 1)
					|| !(excludedTermFloor > 0 && excludedTermFloor <= 1) || !(likelihoodWeight >= 0 && likelihoodWeight <= 1) || blend == null
					|| !(reverseWeight >= 0 && reverseWeight + likelihoodWeight <= 1) || shownProbability == null) {
				throw new IllegalArgumentException("Settings out of range: " + this);
			}
		}

		/** With the default {@link #shownProbability()}. */
		public Settings(double inexactMatchFactor, double unrelatedTermRatio, double excludedTermFloor, double likelihoodWeight, Blend blend, double reverseWeight) {
			this(inexactMatchFactor, unrelatedTermRatio, excludedTermFloor, likelihoodWeight, blend, reverseWeight, DEFAULT_SHOWN_PROBABILITY);
		}

		/** Without the reverse (disease-to-patient) similarity. */
		public Settings(double inexactMatchFactor, double unrelatedTermRatio, double excludedTermFloor, double likelihoodWeight, Blend blend) {
			this(inexactMatchFactor, unrelatedTermRatio, excludedTermFloor, likelihoodWeight, blend, 0.0);
		}

		/** The same settings with another shown probability. */
		public Settings withShownProbability(ShownProbability shown) {
			return new Settings(inexactMatchFactor, unrelatedTermRatio, excludedTermFloor, likelihoodWeight, blend, reverseWeight, shown);
		}
	}

	private final HpoData data;

	private final Settings settings;

	private final double lnInexact;

	private final double lnUnrelated;

	private final double excludedFloor;

	private final double lnContradicted = Math.log(CONTRADICTED_RATIO);

	public DifferentialDiagnosis(HpoData data) {
		this(data, Settings.DEFAULT);
	}

	public DifferentialDiagnosis(HpoData data, Settings settings) {
		this.data = data;
		this.settings = settings;
		this.lnInexact = Math.log(settings.inexactMatchFactor());
		this.lnUnrelated = Math.log(settings.unrelatedTermRatio());
		this.excludedFloor = settings.excludedTermFloor();
	}

	/** The settings this engine ranks with. */
	public Settings settings() {
		return settings;
	}

	/**
	 * Ranks all candidates; the top {@value #EXPLAINED} carry per-term contributions.
	 *
	 * @throws IllegalArgumentException when a term id is unknown, is not a phenotypic abnormality, or the
	 *         query has no term at all
	 */
	public Ranking rank(PhenotypeQuery query) {
		return rank(query, -1, null);
	}

	/**
	 * Ranks as {@link #rank} but as if the disease's annotation lines citing any of the references (e.g.
	 * {@code PMID:31675180}) did not exist; information content and background frequencies stay those of
	 * the full release. Used for leave-publication-out evaluation: the case's own publication must not
	 * describe its gold disease.
	 */
	public Ranking rankLeavingOut(PhenotypeQuery query, String diseaseId, Set<String> references) {
		int index = data.diseaseIndexOf(diseaseId);
		if (index < 0) {
			return rank(query);
		}
		DiseaseProfile reduced = data.diseases[index].withoutReferences(references, data.ancestorsSorted, new float[data.termIds.length]);
		return rank(query, index, reduced);
	}

	/**
	 * The per-term contributions for one candidate, for a disease outside the top {@value #EXPLAINED}.
	 *
	 * @throws IllegalArgumentException when the disease is not a candidate or a term id is unknown
	 */
	public List<TermContribution> explain(PhenotypeQuery query, String diseaseId) {
		int index = data.diseaseIndexOf(diseaseId);
		if (index < 0) {
			throw new IllegalArgumentException(diseaseId + " is not a candidate of " + data.release());
		}
		return score(data.diseases[index], resolve(query.observedHpoIds()), resolve(query.excludedHpoIds()), null, true).contributions;
	}

	/**
	 * Checks a submitted diagnosis against the ranking of the same query, with the default thresholds.
	 *
	 * @see #check(PhenotypeQuery, Ranking, Set, SubmittedDiagnosisCheck.Thresholds)
	 */
	public SubmittedDiagnosisCheck check(PhenotypeQuery query, Ranking ranking, Set<String> candidateIds) {
		return check(query, ranking, candidateIds, SubmittedDiagnosisCheck.Thresholds.DEFAULT);
	}

	/**
	 * Checks a submitted diagnosis, given as the disease ids its code maps to (e.g. from
	 * {@link MondoCrosswalk#candidatesFor}), against the ranking of the same query: where several ids are
	 * candidates of the ranking it takes the best rank and sums their post-test probabilities; where none is,
	 * the diagnosis is "not rankable" ({@link SubmittedDiagnosisCheck#rankable()} false). The terms against it
	 * are those of the best-ranked candidate with a likelihood ratio below 1.
	 */
	public SubmittedDiagnosisCheck check(PhenotypeQuery query, Ranking ranking, Set<String> candidateIds, SubmittedDiagnosisCheck.Thresholds thresholds) {
		double top = ranking.diseases().isEmpty() ? 0 : ranking.diseases().get(0).postTestProbability();
		List<RankedDisease> found = candidateIds.stream().sorted().map(ranking::find).flatMap(java.util.Optional::stream).toList();
		if (found.isEmpty()) {
			return SubmittedDiagnosisCheck.notRankable(top);
		}
		RankedDisease best = found.stream().min(java.util.Comparator.comparingInt(RankedDisease::rank)).orElseThrow();
		double probability = Math.min(1.0, found.stream().mapToDouble(RankedDisease::postTestProbability).sum());
		boolean flagged = best.rank() > thresholds.rankAbove() && probability < thresholds.maxProbability() && top > thresholds.topProbability();
		List<TermContribution> contributions = best.contributions().isEmpty() ? explain(query, best.diseaseId()) : best.contributions();
		List<TermContribution> against = contributions.stream().filter(t -> t.likelihoodRatio() < 1.0)
			.sorted(java.util.Comparator.comparingDouble(TermContribution::likelihoodRatio)).toList();
		return new SubmittedDiagnosisCheck(found.stream().map(RankedDisease::diseaseId).collect(java.util.stream.Collectors.toSet()), true, best.rank(),
				best.diseaseId(), probability, top, flagged, against);
	}

	/**
	 * The share of candidates at or above which a term is too general to rank by: the information content of such a
	 * term is at most ln 4 nats (e.g. HP:0000707 Abnormality of the nervous system). A rule of this module, not a
	 * published figure.
	 */
	public static final double GENERAL_TERM_SHARE = 0.25;

	/**
	 * Whether the query gives nothing to rank by: no observed term, or only observed terms that at least
	 * {@link #GENERAL_TERM_SHARE} of the candidates reach. A ranking of such a query orders thousands of diseases by
	 * chance; a page should ask for a more specific observed term instead.
	 *
	 * @throws IllegalArgumentException when a term id is unknown or not a phenotypic abnormality
	 */
	public boolean tooGeneral(PhenotypeQuery query) {
		double limit = Math.log(1 / GENERAL_TERM_SHARE);
		for (int h : resolve(query.observedHpoIds())) {
			if (data.informationContent[h] > limit) {
				return false;
			}
		}
		return true;
	}

	/** How many of the leading candidates {@link #recommend} tries to separate. */
	public static final int RECOMMENDATION_CANDIDATES = 10;

	/**
	 * The HPO terms not yet recorded that the leading {@value #RECOMMENDATION_CANDIDATES} candidates suggest checking
	 * next: those the candidates' shown probabilities say the patient likely has and that would, if present, speak for
	 * them against the other candidates, each with its expected information gain over them and the candidates it
	 * favours either way ({@link NextTermRecommender}, which gives the rule and its sources). Terms asked are the leading
	 * candidates' own annotations, less those already recorded, those implied present (ancestors of an observed term)
	 * and those implied absent (descendants of an excluded term).
	 *
	 * @param query the phenotype the ranking was made from
	 * @param ranking its ranking by this engine
	 * @param count how many terms at most, best first
	 * @throws IllegalArgumentException when a term id of the query is unknown
	 */
	public List<TermRecommendation> recommend(PhenotypeQuery query, Ranking ranking, int count) {
		return recommend(query, ranking, count, null, Set.of());
	}

	/**
	 * As {@link #recommend(PhenotypeQuery, Ranking, int)} for a ranking made by {@link #rankLeavingOut}: the disease's
	 * lines citing the references do not count here either.
	 */
	List<TermRecommendation> recommend(PhenotypeQuery query, Ranking ranking, int count, String leftOutDisease, Set<String> references) {
		return new NextTermRecommender(data).recommend(query, ranking, count, leftOutDisease, references);
	}

	/** The per-candidate scores of one query: the three scorers' raw values and their blend. */
	record Scores(double[] resnik, double[] reverseResnik, double[] lnLr, double[] blended) {
	}

	private Ranking rank(PhenotypeQuery query, int overrideIndex, DiseaseProfile override) {
		int[] observed = resolve(query.observedHpoIds());
		int[] excluded = resolve(query.excludedHpoIds());
		Scores scores = scores(observed, excluded, overrideIndex, override);
		int n = data.diseases.length;
		int[] order = descending(scores.blended);
		double[] shown = settings.shownProbability().probabilities(scores.blended, order);
		List<RankedDisease> ranked = new ArrayList<>(n);
		for (int r = 0; r < n; r++) {
			int d = order[r];
			DiseaseProfile profile = d == overrideIndex ? override : data.diseases[d];
			List<TermContribution> contributions = r < EXPLAINED ? score(profile, observed, excluded, null, true).contributions : List.of();
			ranked.add(new RankedDisease(profile.id, profile.name, r + 1, scores.blended[d], shown[d], scores.resnik[d], scores.lnLr[d] / Math.log(10), contributions));
		}
		return new Ranking(ranked);
	}

	/**
	 * The raw and blended scores of every candidate, indexed like {@link HpoData#diseases}, without building a
	 * ranking (for the benchmark). With an override, that candidate is scored from the given profile instead.
	 */
	Scores scores(PhenotypeQuery query, String diseaseId, Set<String> leftOutReferences) {
		int[] observed = resolve(query.observedHpoIds());
		int[] excluded = resolve(query.excludedHpoIds());
		int index = diseaseId == null ? -1 : data.diseaseIndexOf(diseaseId);
		DiseaseProfile override = index < 0 ? null : data.diseases[index].withoutReferences(leftOutReferences, data.ancestorsSorted, new float[data.termIds.length]);
		return scores(observed, excluded, index, override);
	}

	private Scores scores(int[] observed, int[] excluded, int overrideIndex, DiseaseProfile override) {
		if (observed.length == 0 && excluded.length == 0) {
			throw new IllegalArgumentException("A phenotype query needs at least one observed or excluded HPO term");
		}
		int n = data.diseases.length;
		double[] resnik = new double[n];
		double[] lnLr = new double[n];
		int[] stamp = new int[n];
		int s = 0;
		for (int h : observed) {
			s++;
			for (int a : data.ancestorsSorted[h]) {
				for (int d : data.negatingDiseases[a]) {
					stamp[d] = -s;
				}
			}
			for (int a : data.ancestorsByInformation[h]) {
				int[] ds = data.reachingDiseases[a];
				float[] ratios = data.reachingLogRatios[a];
				double ic = data.informationContent[a];
				boolean exact = a == h;
				boolean root = a == 0;
				for (int j = 0; j < ds.length; j++) {
					int d = ds[j];
					int st = stamp[d];
					if (st == s) {
						continue;
					}
					stamp[d] = s;
					resnik[d] += ic;
					if (st == -s && !exact) {
						lnLr[d] += lnContradicted;
					}
					else if (exact) {
						lnLr[d] += ratios[j];
					}
					else if (root) {
						lnLr[d] += lnUnrelated;
					}
					else {
						lnLr[d] += Math.max(lnInexact + ratios[j], lnUnrelated);
					}
				}
			}
			for (int d = 0; d < n; d++) {
				if (stamp[d] != s) {
					// a candidate whose only phenotypic line says frequency 0 reaches nothing
					lnLr[d] += stamp[d] == -s ? lnContradicted : lnUnrelated;
					stamp[d] = s;
				}
			}
		}
		for (int h : excluded) {
			double shift = -Math.log(Math.max(1 - data.backgroundFrequency[h], BACKGROUND_ABSENCE_FLOOR));
			for (int d = 0; d < n; d++) {
				lnLr[d] += shift;
			}
			int[] ds = data.reachingDiseases[h];
			float[] fs = data.reachingFrequencies[h];
			for (int j = 0; j < ds.length; j++) {
				lnLr[ds[j]] += Math.log(Math.max(1 - fs[j], excludedFloor));
			}
		}
		if (observed.length > 0) {
			for (int d = 0; d < n; d++) {
				resnik[d] /= observed.length;
			}
		}
		double[] best = settings.reverseWeight() > 0 ? bestMatchPerTerm(observed) : null;
		double[] reverse = new double[n];
		if (best != null) {
			for (int d = 0; d < n; d++) {
				reverse[d] = reverseResnik(data.diseases[d], best);
			}
		}
		if (override != null) {
			DiseaseScore replaced = score(override, observed, excluded, best, false);
			resnik[overrideIndex] = replaced.resnik;
			reverse[overrideIndex] = replaced.reverseResnik;
			lnLr[overrideIndex] = replaced.lnLr;
		}
		return new Scores(resnik, reverse, lnLr, blend(resnik, reverse, lnLr));
	}

	private double[] blend(double[] resnik, double[] reverse, double[] lnLr) {
		int n = resnik.length;
		double wl = settings.likelihoodWeight();
		double wr = settings.reverseWeight();
		double ws = Math.max(0, 1 - wl - wr);
		double[] score = new double[n];
		if (settings.blend() == Blend.Z_SCORES) {
			double[] z1 = zScores(lnLr);
			double[] z2 = zScores(resnik);
			double[] z3 = wr > 0 ? zScores(reverse) : new double[n];
			for (int d = 0; d < n; d++) {
				score[d] = wl * z1[d] + ws * z2[d] + wr * z3[d];
			}
		}
		else {
			int[] r1 = ranks(lnLr);
			int[] r2 = ranks(resnik);
			int[] r3 = wr > 0 ? ranks(reverse) : new int[n];
			for (int d = 0; d < n; d++) {
				score[d] = 1.0 - (wl * r1[d] + ws * r2[d] + wr * r3[d]) / n;
			}
		}
		return score;
	}

	/**
	 * For every term t of the subtree, the information content of the most informative common ancestor of t
	 * with any observed term: one pass in topological order, max(own value, parents' values).
	 */
	private double[] bestMatchPerTerm(int[] observed) {
		double[] best = new double[data.termIds.length];
		for (int h : observed) {
			for (int a : data.ancestorsSorted[h]) {
				best[a] = data.informationContent[a];
			}
		}
		for (int t : data.topologicalOrder) {
			double b = best[t];
			for (int p : data.parents[t]) {
				b = Math.max(b, best[p]);
			}
			best[t] = b;
		}
		return best;
	}

	/** Best-match average from the disease's annotations to the patient's terms, weighted by annotation frequency. */
	private static double reverseResnik(DiseaseProfile profile, double[] best) {
		double sum = 0;
		double weight = 0;
		int[] terms = profile.annotatedTerms;
		float[] freqs = profile.annotatedFrequencies;
		for (int i = 0; i < terms.length; i++) {
			sum += freqs[i] * best[terms[i]];
			weight += freqs[i];
		}
		return weight > 0 ? sum / weight : 0;
	}

	/** Candidate indices by descending value, equal values by ascending index. */
	private static int[] descending(double[] values) {
		int n = values.length;
		long[] keys = new long[n];
		for (int d = 0; d < n; d++) {
			int bits = Float.floatToIntBits((float) -values[d]);
			bits ^= (bits >> 31) & 0x7fffffff;
			keys[d] = ((long) bits << 32) | d;
		}
		Arrays.sort(keys);
		int[] order = new int[n];
		for (int r = 0; r < n; r++) {
			order[r] = (int) (keys[r] & 0xffffffffL);
		}
		// the float keys are nearly right: one insertion pass settles doubles that round to one float
		for (int r = 1; r < n; r++) {
			int d = order[r];
			int k = r - 1;
			while (k >= 0 && (values[order[k]] < values[d] || (values[order[k]] == values[d] && order[k] > d))) {
				order[k + 1] = order[k];
				k--;
			}
			order[k + 1] = d;
		}
		return order;
	}

	/** 1-based ranks by descending value; equal values share the best rank. */
	private static int[] ranks(double[] values) {
		int[] order = descending(values);
		int[] rank = new int[values.length];
		for (int r = 0; r < order.length; r++) {
			rank[order[r]] = r > 0 && values[order[r]] == values[order[r - 1]] ? rank[order[r - 1]] : r + 1;
		}
		return rank;
	}

	private static double[] zScores(double[] values) {
		double sum = 0;
		double sumSq = 0;
		for (double v : values) {
			sum += v;
			sumSq += v * v;
		}
		double mean = sum / values.length;
		double sd = Math.sqrt(Math.max(sumSq / values.length - mean * mean, 0));
		double[] z = new double[values.length];
		if (sd > 0) {
			for (int i = 0; i < values.length; i++) {
				z[i] = (values[i] - mean) / sd;
			}
		}
		return z;
	}

	private record DiseaseScore(double resnik, double reverseResnik, double lnLr, List<TermContribution> contributions) {
	}

	/** The same arithmetic as the ranking loop, for one disease, optionally with the explanation. */
	private DiseaseScore score(DiseaseProfile profile, int[] observed, int[] excluded, double[] best, boolean explain) {
		double resnik = 0;
		double lnLr = 0;
		List<TermContribution> contributions = explain ? new ArrayList<>(observed.length + excluded.length) : null;
		for (int h : observed) {
			int match = -1;
			float f = 0;
			for (int a : data.ancestorsByInformation[h]) {
				f = profile.frequencyOf(a);
				if (f >= 0) {
					match = a;
					break;
				}
			}
			boolean exact = match == h;
			boolean contradicted = false;
			if (!exact) {
				for (int a : data.ancestorsSorted[h]) {
					contradicted |= profile.negates(a);
				}
			}
			double ic = match < 0 ? 0 : data.informationContent[match];
			double termLnLr;
			MatchKind kind;
			if (contradicted) {
				termLnLr = lnContradicted;
				kind = MatchKind.CONTRADICTED;
			}
			else if (match < 0 || match == 0) {
				termLnLr = lnUnrelated;
				kind = MatchKind.UNRELATED;
			}
			else {
				double ratio = (float) Math.log(f / data.backgroundFrequency[match]);
				termLnLr = exact ? ratio : Math.max(lnInexact + ratio, lnUnrelated);
				kind = exact ? MatchKind.DISEASE_TERM_MORE_SPECIFIC : MatchKind.COMMON_ANCESTOR;
			}
			resnik += ic;
			lnLr += termLnLr;
			if (explain) {
				int annotation = contradicted ? negatedAncestor(profile, h) : bestAnnotationBelow(profile, match);
				if (!contradicted && annotation >= 0) {
					if (annotation == h) {
						kind = MatchKind.EXACT;
					}
					else if (!exact && kind == MatchKind.COMMON_ANCESTOR && annotation == match) {
						kind = MatchKind.PATIENT_TERM_MORE_SPECIFIC;
					}
				}
				contributions.add(new TermContribution(data.termIds[h], data.termLabels[h], false, kind, annotation < 0 ? null : data.termIds[annotation],
						annotation < 0 ? null : data.termLabels[annotation], match < 0 ? null : data.termIds[match], ic, Math.max(f, 0), Math.exp(termLnLr)));
			}
		}
		if (observed.length > 0) {
			resnik /= observed.length;
		}
		for (int h : excluded) {
			float f = profile.frequencyOf(h);
			double shift = -Math.log(Math.max(1 - data.backgroundFrequency[h], BACKGROUND_ABSENCE_FLOOR));
			double own = f >= 0 ? Math.log(Math.max(1 - f, excludedFloor)) : 0;
			// added in the ranking loop's order, so an overridden candidate ties exactly where the loop's would
			lnLr += shift;
			lnLr += own;
			double termLnLr = shift + own;
			if (explain) {
				int annotation = f >= 0 ? bestAnnotationBelow(profile, h) : -1;
				contributions.add(new TermContribution(data.termIds[h], data.termLabels[h], true, f >= 0 ? MatchKind.EXCLUDED_BUT_EXPECTED : MatchKind.EXCLUDED_NOT_EXPECTED,
						annotation < 0 ? null : data.termIds[annotation], annotation < 0 ? null : data.termLabels[annotation], null, 0, Math.max(f, 0), Math.exp(termLnLr)));
			}
		}
		double reverse = best == null ? 0 : reverseResnik(profile, best);
		return new DiseaseScore(resnik, reverse, lnLr, contributions == null ? List.of() : List.copyOf(contributions));
	}

	/** The disease's positive annotation at or below the term with the highest frequency (the one it matched), or -1. */
	private int bestAnnotationBelow(DiseaseProfile profile, int term) {
		if (term < 0 || term == 0) {
			return -1;
		}
		int best = -1;
		float bestFrequency = -1;
		for (DiseaseProfile.Annotation a : profile.annotations) {
			if (!a.negated() && Arrays.binarySearch(data.ancestorsSorted[a.term()], term) >= 0) {
				float f = Math.max(a.frequency(), 0.001f);
				if (f > bestFrequency || (f == bestFrequency && data.ancestorsSorted[a.term()].length < data.ancestorsSorted[best].length)) {
					best = a.term();
					bestFrequency = f;
				}
			}
		}
		return best;
	}

	private int negatedAncestor(DiseaseProfile profile, int term) {
		for (int a : data.ancestorsByInformation[term]) {
			if (profile.negates(a)) {
				return a;
			}
		}
		return -1;
	}

	private int[] resolve(List<String> hpoIds) {
		Set<Integer> terms = new LinkedHashSet<>();
		for (String id : hpoIds) {
			terms.add(data.termIndexOf(id));
		}
		return terms.stream().mapToInt(Integer::intValue).toArray();
	}
}
