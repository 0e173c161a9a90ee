package org.consilium.ddx;

import java.util.ArrayList;
import java.util.List;

/**
 * Families of look-alike candidates: the diseases linked to one gene in the release's {@code genes_to_disease.txt}
 * ({@link HpoData#geneGroups}), e.g. Marfan syndrome, familial ectopia lentis and the other FBN1 diseases, or the
 * Kabuki and Noonan types of one gene. A candidate's family score is the best fused score within any of its families,
 * its own included, and the ranking score mixes it in ({@link DifferentialDiagnosis.Settings#familyWeight()}): a
 * disease whose own annotations are thin (a type described in few publications, or a disease whose describing
 * publication is left out) rises towards where its best-matching sibling stands, while it still ranks below that
 * sibling by its own score, and a sibling never overtakes the disease that matches best. Genes linked to more than
 * {@value #MAX_GROUP} candidates (e.g. LMNA) make no family: their diseases have little in common. Measured in
 * {@link DifferentialDiagnosis.Settings#DEFAULT}; a rule of this module, after the disease-group prior of ClintLR
 * (Genet Med 2024), not its method.
 * <p>
 * Immutable and thread-safe.
 */
final class DiseaseFamilies {

	/** The largest family: genes linked to more candidates make none. */
	static final int MAX_GROUP = 20;

	private final int[][] members;

	/** Per candidate the families it belongs to. */
	private final int[][] familiesOf;

	DiseaseFamilies(HpoData data) {
		this.members = data.geneGroups;
		List<List<Integer>> of = new ArrayList<>();
		for (int d = 0; d < data.diseases.length; d++) {
			of.add(new ArrayList<>());
		}
		for (int g = 0; g < members.length; g++) {
			for (int d : members[g]) {
				of.get(d).add(g);
			}
		}
		this.familiesOf = of.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
	}

	/** Whether any candidate has a family (false when no gene-to-disease file was loaded). */
	boolean any() {
		return members.length > 0;
	}

	/**
	 * The profiles of the candidate and, with families, of its family members that cite any of the references, without
	 * the lines citing them (for leave-publication-out: a sibling's lines from the case's own publication would lift the
	 * gold through the family score), by candidate index; empty for index -1 or no references.
	 */
	static java.util.Map<Integer, DiseaseProfile> withoutReferences(HpoData data, DiseaseFamilies families, int index, java.util.Set<String> references) {
		java.util.Map<Integer, DiseaseProfile> reduced = new java.util.HashMap<>();
		if (index < 0 || references == null) {
			return reduced;
		}
		float[] scratch = new float[data.termIds.length];
		reduced.put(index, data.diseases[index].withoutReferences(references, data.ancestorsSorted, scratch));
		for (int sibling : families == null ? new int[0] : families.siblings(index)) {
			DiseaseProfile p = data.diseases[sibling];
			if (p.annotations.stream().anyMatch(a -> java.util.Arrays.stream(a.references()).anyMatch(references::contains))) {
				reduced.put(sibling, p.withoutReferences(references, data.ancestorsSorted, scratch));
			}
		}
		return reduced;
	}

	/** The other members of the candidate's families, ascending. */
	int[] siblings(int d) {
		java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
		for (int g : familiesOf[d]) {
			for (int m : members[g]) {
				if (m != d) {
					all.add(m);
				}
			}
		}
		return all.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Per candidate, the best of its own score and its families' members' scores. */
	double[] best(double[] scores) {
		double[] familyBest = new double[members.length];
		for (int g = 0; g < members.length; g++) {
			double b = Double.NEGATIVE_INFINITY;
			for (int d : members[g]) {
				b = Math.max(b, scores[d]);
			}
			familyBest[g] = b;
		}
		double[] best = scores.clone();
		for (int d = 0; d < scores.length; d++) {
			for (int g : familiesOf[d]) {
				best[d] = Math.max(best[d], familyBest[g]);
			}
		}
		return best;
	}
}
