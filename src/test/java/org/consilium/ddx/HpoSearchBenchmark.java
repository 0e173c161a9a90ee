package org.consilium.ddx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Times the phenotype form's term search ({@link HpoTerms#search}, 15 suggestions) over every distinct three-letter
 * word prefix of the phenotypic-abnormality labels of {@code ../shared/data/hpo}, after a warm-up pass, and prints one
 * JSON line: prefixes, median and 95th percentile in ms, load time. A separate program; it fails on nothing.
 * <p>
 * Run: {@code bench/hpo-search.sh [rounds]}.
 */
public final class HpoSearchBenchmark {

	private HpoSearchBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		Path hpo = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "hpo");
		long t0 = System.nanoTime();
		HpoTerms terms = HpoRelease.loadTerms(HpoRelease.find(hpo, "hp", ".json").orElseThrow());
		long loadMs = (System.nanoTime() - t0) / 1_000_000;
		TreeSet<String> prefixes = new TreeSet<>();
		for (TermSuggestion s : terms.search("a", HpoTerms.Branch.PHENOTYPIC_ABNORMALITY, Integer.MAX_VALUE)) {
			for (String word : s.term().label().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
				if (word.length() >= 3) {
					prefixes.add(word.substring(0, 3));
				}
			}
		}
		List<String> queries = new ArrayList<>(prefixes);
		for (String q : queries) {
			terms.search(q, HpoTerms.Branch.PHENOTYPIC_ABNORMALITY, 15);
		}
		double[] ms = new double[queries.size() * rounds];
		int i = 0;
		for (int r = 0; r < rounds; r++) {
			for (String q : queries) {
				long s = System.nanoTime();
				terms.search(q, HpoTerms.Branch.PHENOTYPIC_ABNORMALITY, 15);
				ms[i++] = (System.nanoTime() - s) / 1e6;
			}
		}
		Arrays.sort(ms);
		System.out.printf(Locale.ROOT, "{\"release\":\"%s\",\"prefixes\":%d,\"searches\":%d,\"medianMs\":%.3f,\"p95Ms\":%.3f,\"maxMs\":%.3f,\"loadMs\":%d}%n",
				terms.version(), queries.size(), ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1], loadMs);
	}
}
