package org.consilium.ddx;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;

/**
 * Finds diagnosis codes by name, for choosing the first opinion's diagnosis instead of typing a code. The names come
 * from what the program has installed:
 * <ul>
 * <li>Mondo's crosswalks ({@code consilium.mondo.dir}, {@link MondoRelease}): each Mondo class by its label, and by the
 * labels its exact matches carry in OMIM, Orphanet and ICD-10-CM (its synonyms here); each of those codes by its own
 * label;</li>
 * <li>the ICD-10-CM code list of the official release ({@code consilium.icd10cm.file}, {@link Icd10CmList});</li>
 * <li>HPO's disease annotations ({@code consilium.hpo.dir}, {@link HpoRelease}): each OMIM and Orphanet disease by the
 * name the annotation file gives it, a synonym where Mondo names the same code otherwise.</li>
 * </ul>
 * Matching ignores case and accents: the whole name first, then names that start with the query, then names in which
 * every word of the query starts a word, then names that contain the query; ties go to the shorter name. A query
 * written as a code ({@code C50.919}, {@code ORPHA:558}, {@code MONDO:0007947}) answers that code when a list holds it.
 */
@Component
public class DiagnosisSearch {

	/** One answer: the code (with the name it is shown by), and the name that matched when it is another one (a synonym). */
	public record Match(Coding coding, String matchedName) {

		/** The matched name when it differs from the shown one, else null. */
		public String synonym() {
			return matchedName == null || matchedName.equalsIgnoreCase(coding.display()) ? null : matchedName;
		}
	}

	private record Name(Coding coding, String name, String folded) {
	}

	private final MondoRelease mondo;

	private final Icd10CmList icd10cm;

	private volatile Object indexedFrom;

	private volatile List<Name> names = List.of();

	private final java.util.function.Supplier<Optional<HpoData>> hpo;

	@org.springframework.beans.factory.annotation.Autowired
	DiagnosisSearch(MondoRelease mondo, Icd10CmList icd10cm, HpoRelease hpo) {
		this(mondo, icd10cm, hpo::data);
	}

	/** With HPO's disease names from {@code hpo} (empty while the release loads or when none is installed). */
	DiagnosisSearch(MondoRelease mondo, Icd10CmList icd10cm, java.util.function.Supplier<Optional<HpoData>> hpo) {
		this.mondo = mondo;
		this.icd10cm = icd10cm;
		this.hpo = hpo;
	}

	/**
	 * The best matches, at most {@code limit}, each code once (by its best-matching name); empty for a blank query or
	 * when no list is installed.
	 */
	public List<Match> search(String query, int limit) {
		if (query == null || query.isBlank() || limit <= 0) {
			return List.of();
		}
		List<Name> all = index();
		Optional<Coding> asCode = parse(query);
		if (asCode.isPresent()) {
			return all.stream().filter(n -> n.coding().equals(asCode.get())).findFirst().map(n -> List.of(new Match(n.coding(), n.coding().display())))
				.orElse(List.of());
		}
		String q = fold(query);
		String[] words = q.split(" ");
		record Scored(Name name, int score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Name n : all) {
			int score = score(n.folded(), q, words);
			if (score >= 0) {
				scored.add(new Scored(n, score));
			}
		}
		scored.sort(Comparator.comparingInt(Scored::score).thenComparingInt(s -> s.name().name().length()).thenComparing(s -> s.name().coding()));
		Map<Coding, Match> best = new LinkedHashMap<>();
		for (Scored s : scored) {
			best.putIfAbsent(s.name().coding(), new Match(s.name().coding(), s.name().name()));
			if (best.size() == limit) {
				break;
			}
		}
		return List.copyOf(best.values());
	}

	/** The display name of a code on an installed list, e.g. for showing a stored code; empty when none lists it. */
	public Optional<String> name(Coding coding) {
		return index().stream().filter(n -> n.coding().equals(coding)).findFirst().map(n -> n.coding().display());
	}

	private static int score(String name, String q, String[] words) {
		if (name.equals(q)) {
			return 0;
		}
		if (name.startsWith(q)) {
			return 1;
		}
		boolean all = true;
		for (String w : words) {
			if (!(name.startsWith(w) || name.contains(" " + w) || name.contains("-" + w) || name.contains("(" + w))) {
				all = false;
				break;
			}
		}
		if (all) {
			return 2;
		}
		return name.contains(q) ? 3 : -1;
	}

	private static Optional<Coding> parse(String query) {
		String q = query.strip();
		try {
			if (q.contains(":") || q.matches("(?i)[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?")) {
				return Optional.of(Coding.parse(q));
			}
		}
		catch (RuntimeException notACode) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** Lower case, no accents, runs of spaces as one. */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
	}

	private List<Name> index() {
		MondoCrosswalk crosswalk = mondo.crosswalk().orElse(MondoCrosswalk.EMPTY);
		Map<String, String> icd = icd10cm.codes();
		HpoData annotations = hpo.get().orElse(null);
		Object source = List.of(System.identityHashCode(crosswalk), System.identityHashCode(icd), System.identityHashCode(annotations));
		if (!source.equals(indexedFrom)) {
			synchronized (this) {
				if (!source.equals(indexedFrom)) {
					names = build(crosswalk, icd, annotations == null ? Map.of() : annotations.diseaseNames());
					indexedFrom = source;
				}
			}
		}
		return names;
	}

	private static List<Name> build(MondoCrosswalk crosswalk, Map<String, String> icd, Map<String, String> hpoDiseases) {
		Map<Coding, String> shown = new LinkedHashMap<>();
		icd.forEach((code, title) -> shown.put(new Coding(CodeSystem.ICD_10_CM, code), title));
		crosswalk.codeLabels().forEach((curie, label) -> Coding.ofCurie(curie).ifPresent(c -> shown.putIfAbsent(c, label)));
		crosswalk.mondoLabels().forEach((id, label) -> Coding.ofCurie(id).ifPresent(c -> shown.putIfAbsent(c, label)));
		hpoDiseases.forEach((curie, name) -> Coding.ofCurie(curie).ifPresent(c -> shown.putIfAbsent(c, name)));
		List<Name> out = new ArrayList<>();
		shown.forEach((c, label) -> out.add(new Name(new Coding(c.system(), c.code(), label), label, fold(label))));
		// HPO's name of a disease another list already names acts as a synonym of that code
		hpoDiseases.forEach((curie, name) -> Coding.ofCurie(curie).ifPresent(c -> {
			String label = shown.get(c);
			if (label != null && !fold(label).equals(fold(name))) {
				out.add(new Name(new Coding(c.system(), c.code(), label), name, fold(name)));
			}
		}));
		crosswalk.mondoLabels().forEach((id, label) -> Coding.ofCurie(id).ifPresent(mondoClass -> {
			Coding named = new Coding(mondoClass.system(), mondoClass.code(), label);
			for (String code : crosswalk.equivalents(id)) {
				String synonym = crosswalk.codeLabels().get(code);
				if (synonym != null && !fold(synonym).equals(fold(label))) {
					out.add(new Name(named, synonym, fold(synonym)));
				}
			}
		}));
		return List.copyOf(out);
	}
}
