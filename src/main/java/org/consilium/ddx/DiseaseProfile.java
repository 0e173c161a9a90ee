package org.consilium.ddx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One candidate's annotations, propagated up the ontology: every term the disease reaches, in ascending
 * term index, with the highest frequency among the annotations at or below it.
 */
final class DiseaseProfile {

	/** One line of the annotation file (negated: qualifier NOT or frequency 0). */
	record Annotation(int term, float frequency, String[] references, boolean negated) {
	}

	final String id;
	final String name;
	final List<Annotation> annotations;
	final int[] closureTerms;
	final float[] closureFrequencies;
	final int[] negatedTerms;
	/** The distinct positively annotated terms (not propagated), ascending, with their highest frequency. */
	final int[] annotatedTerms;
	final float[] annotatedFrequencies;

	private DiseaseProfile(String id, String name, List<Annotation> annotations, int[] closureTerms, float[] closureFrequencies, int[] negatedTerms,
			int[] annotatedTerms, float[] annotatedFrequencies) {
		this.id = id;
		this.name = name;
		this.annotations = annotations;
		this.closureTerms = closureTerms;
		this.closureFrequencies = closureFrequencies;
		this.negatedTerms = negatedTerms;
		this.annotatedTerms = annotatedTerms;
		this.annotatedFrequencies = annotatedFrequencies;
	}

	/** @param scratch zeroed array of the ontology's size, returned zeroed */
	static DiseaseProfile of(String id, String name, List<Annotation> annotations, int[][] ancestors, float[] scratch) {
		List<Integer> touched = new ArrayList<>();
		List<Integer> negated = new ArrayList<>();
		for (Annotation a : annotations) {
			if (a.negated()) {
				negated.add(a.term());
				continue;
			}
			float f = Math.max(a.frequency(), 0.001f);
			for (int t : ancestors[a.term()]) {
				if (scratch[t] == 0f) {
					touched.add(t);
				}
				scratch[t] = Math.max(scratch[t], f);
			}
		}
		int[] terms = touched.stream().mapToInt(Integer::intValue).sorted().toArray();
		float[] freqs = new float[terms.length];
		for (int i = 0; i < terms.length; i++) {
			freqs[i] = scratch[terms[i]];
			scratch[terms[i]] = 0f;
		}
		int[] neg = negated.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
		java.util.TreeMap<Integer, Float> direct = new java.util.TreeMap<>();
		for (Annotation a : annotations) {
			if (!a.negated()) {
				direct.merge(a.term(), Math.max(a.frequency(), 0.001f), Math::max);
			}
		}
		int[] annotated = direct.keySet().stream().mapToInt(Integer::intValue).toArray();
		float[] annotatedFreqs = new float[annotated.length];
		for (int i = 0; i < annotated.length; i++) {
			annotatedFreqs[i] = direct.get(annotated[i]);
		}
		return new DiseaseProfile(id, name, List.copyOf(annotations), terms, freqs, neg, annotated, annotatedFreqs);
	}

	/** This disease without the annotation lines citing any of the references (e.g. {@code PMID:123}). */
	DiseaseProfile withoutReferences(Set<String> references, int[][] ancestors, float[] scratch) {
		List<Annotation> kept = annotations.stream().filter(a -> Arrays.stream(a.references()).noneMatch(references::contains)).toList();
		return of(id, name, kept, ancestors, scratch);
	}

	/** The disease's frequency for the term, or a negative value when it does not reach it. */
	float frequencyOf(int term) {
		int i = Arrays.binarySearch(closureTerms, term);
		return i >= 0 ? closureFrequencies[i] : -1f;
	}

	boolean negates(int term) {
		return Arrays.binarySearch(negatedTerms, term) >= 0;
	}
}
