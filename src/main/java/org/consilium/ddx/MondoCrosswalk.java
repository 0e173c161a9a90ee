package org.consilium.ddx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;

/**
 * The Mondo disease ontology's exact-match crosswalks as one index (SSSOM TSV, https://mapping-commons.github.io/sssom/,
 * files {@code mondo_exactmatch_*.sssom.tsv[.gz]} from https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings
 * or the release assets): every code that Mondo maps with {@code skos:exactMatch} to a Mondo class, and back. Only
 * {@code skos:exactMatch} rows are read. The one reader of these files: {@link MondoRelease} loads it for the
 * differential diagnosis and for specialist matching.
 * <ul>
 * <li>The differential diagnosis maps a diagnosis code to the HPO annotation diseases it names
 * ({@link #candidatesFor(CodeSystem, String)}): code &rarr; Mondo class(es) &rarr; their OMIM and Orphanet
 * codes. Candidate ids use the HPO annotation file's prefixes ({@code OMIM:154700}, {@code ORPHA:558}), so they can be
 * looked up in a {@link Ranking} directly. Most ICD-10-CM codes reach only an Orphanet disease, and many reach none (a
 * chapter-level code maps to no single rare disease): then the result is empty and the diagnosis is "not rankable".</li>
 * <li>Specialist matching asks whether two codes of different systems are the same disease, that is share a Mondo
 * class ({@link #sharedMondo(String, String)}: {@code OMIM:230800} and {@code ORPHA:77259} are both
 * {@code MONDO:0009265}, Gaucher disease type I), and for the other codes of the same disease
 * ({@link #equivalents(String)}).</li>
 * </ul>
 * Codes are CURIEs in the crosswalks' spelling ({@code Orphanet:77259}, {@code SCTID:190794006}, {@code ICD10CM:E75.22})
 * or the HPO annotation file's ({@code ORPHA:77259}); results spell Orphanet {@code ORPHA}. Mondo is CC BY 4.0 and must
 * be credited where results show.
 * <p>
 * Immutable after loading, safe to share between threads; {@link #EMPTY} stands for no crosswalk.
 */
public final class MondoCrosswalk {

	private static final String FILE_PREFIX = "mondo_exactmatch_";

	private static final String EXACT_MATCH = "skos:exactMatch";

	/**
	 * No mappings: every code maps to no Mondo class, so {@link #candidatesFor(CodeSystem, String)} gives an
	 * OMIM or ORPHA code itself and nothing else; for callers that go on without a crosswalk.
	 */
	public static final MondoCrosswalk EMPTY = new MondoCrosswalk(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

	/** "ICD10CM:E30.1", "SCTID:123", "ORPHA:558", "OMIM:154700" to Mondo ids. */
	private final Map<String, Set<String>> mondoByCode;

	/** Mondo id to every code that is an exact match of it. */
	private final Map<String, Set<String>> codesByMondo;

	/** Mondo id to its OMIM and ORPHA codes. */
	private final Map<String, Set<String>> diseasesByMondo;

	private final Map<String, String> mondoLabels;

	/** The label each mapped code carries in the crosswalks ({@code object_label}), e.g. OMIM's own title. */
	private final Map<String, String> codeLabels;

	private final List<String> files;

	private final int size;

	private MondoCrosswalk(Map<String, Set<String>> mondoByCode, Map<String, Set<String>> codesByMondo, Map<String, Set<String>> diseasesByMondo,
			Map<String, String> mondoLabels, Map<String, String> codeLabels, List<String> files) {
		this.codeLabels = codeLabels;
		this.mondoByCode = mondoByCode;
		this.codesByMondo = codesByMondo;
		this.diseasesByMondo = diseasesByMondo;
		this.mondoLabels = mondoLabels;
		this.files = files;
		Set<String> codes = new HashSet<>(mondoByCode.keySet());
		codes.addAll(codesByMondo.keySet());
		this.size = codes.size();
	}

	/**
	 * Reads every {@code mondo_exactmatch_*.sssom.tsv} (plain or gzipped) of the directory, in the order of their names.
	 *
	 * @throws IllegalArgumentException when the directory does not exist, holds no such file, or a file lacks the SSSOM
	 *         columns {@code subject_id}, {@code predicate_id} and {@code object_id}
	 * @throws UncheckedIOException when a file cannot be read
	 */
	public static MondoCrosswalk load(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new IllegalArgumentException("The Mondo crosswalk directory " + dir.toAbsolutePath() + " does not exist; download the "
					+ FILE_PREFIX + "*.sssom.tsv files from https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings");
		}
		Map<String, Set<String>> mondoByCode = new HashMap<>();
		Map<String, Set<String>> codesByMondo = new HashMap<>();
		Map<String, Set<String>> diseasesByMondo = new HashMap<>();
		Map<String, String> labels = new HashMap<>();
		Map<String, String> codeLabels = new HashMap<>();
		List<String> names = new ArrayList<>();
		try {
			for (Path file : sources(dir)) {
				names.add(file.getFileName().toString());
				read(file, mondoByCode, codesByMondo, diseasesByMondo, labels, codeLabels);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Mondo crosswalks in " + dir.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
		if (names.isEmpty()) {
			throw new IllegalArgumentException("No Mondo crosswalk (" + FILE_PREFIX + "*.sssom.tsv[.gz]) in " + dir.toAbsolutePath()
					+ "; download them from https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings");
		}
		return new MondoCrosswalk(mondoByCode, codesByMondo, diseasesByMondo, labels, codeLabels, List.copyOf(names));
	}

	/** The crosswalk files of the directory ({@code mondo_exactmatch_*.sssom.tsv[.gz]}), sorted by name. */
	static List<Path> sources(Path dir) throws IOException {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, FILE_PREFIX + "*.sssom.tsv*")) {
			stream.forEach(files::add);
		}
		files.sort(null);
		return files;
	}

	private static void read(Path file, Map<String, Set<String>> mondoByCode, Map<String, Set<String>> codesByMondo,
			Map<String, Set<String>> diseasesByMondo, Map<String, String> labels, Map<String, String> codeLabels) throws IOException {
		InputStream raw = Files.newInputStream(file);
		InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int subject = -1;
			int subjectLabel = -1;
			int predicate = -1;
			int object = -1;
			int objectLabel = -1;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t", -1);
				if (subject < 0) {
					List<String> header = Arrays.asList(f);
					subject = header.indexOf("subject_id");
					subjectLabel = header.indexOf("subject_label");
					predicate = header.indexOf("predicate_id");
					object = header.indexOf("object_id");
					objectLabel = header.indexOf("object_label");
					if (subject < 0 || predicate < 0 || object < 0) {
						throw new IllegalArgumentException(file + " is not an SSSOM TSV: no subject_id, predicate_id and object_id columns");
					}
					continue;
				}
				if (f.length <= Math.max(subject, Math.max(predicate, object)) || !EXACT_MATCH.equals(f[predicate])) {
					continue;
				}
				String mondo = f[subject];
				String code = canonical(f[object]);
				mondoByCode.computeIfAbsent(code, k -> new TreeSet<>()).add(mondo);
				codesByMondo.computeIfAbsent(mondo, k -> new TreeSet<>()).add(code);
				if (code.startsWith("OMIM:") || code.startsWith("ORPHA:")) {
					diseasesByMondo.computeIfAbsent(mondo, k -> new TreeSet<>()).add(code);
				}
				if (subjectLabel >= 0 && subjectLabel < f.length) {
					labels.putIfAbsent(mondo, f[subjectLabel]);
				}
				if (objectLabel >= 0 && objectLabel < f.length && !f[objectLabel].isBlank()) {
					codeLabels.putIfAbsent(code, f[objectLabel]);
				}
			}
		}
	}

	/** The crosswalks' CURIE with the HPO annotation file's prefix for Orphanet. */
	private static String canonical(String curie) {
		return curie.startsWith("Orphanet:") ? "ORPHA:" + curie.substring("Orphanet:".length()) : curie;
	}

	/**
	 * The OMIM and ORPHA diseases (HPO annotation ids such as {@code OMIM:154700}, {@code ORPHA:558}) that
	 * the code names, sorted; empty when the crosswalks map it to none. An OMIM or ORPHA code includes
	 * itself. The code may carry its prefix ({@code ORPHA:558}); an ICD-10-CM code may lack its dot ({@code Q8740}).
	 *
	 * @param system see {@link CodeSystem#of(String)}
	 * @throws IllegalArgumentException for an unknown system or a blank code
	 */
	public Set<String> candidatesFor(String system, String code) {
		return candidatesFor(CodeSystem.of(system), code);
	}

	/** As {@link #candidatesFor(String, String)}, for a {@link Coding}. */
	public Set<String> candidatesFor(Coding coding) {
		return candidatesFor(coding.system(), coding.code());
	}

	/** As {@link #candidatesFor(String, String)}. */
	public Set<String> candidatesFor(CodeSystem system, String code) {
		Set<String> result = new TreeSet<>();
		for (String mondo : mondoIdsFor(system, code)) {
			result.addAll(diseasesByMondo.getOrDefault(mondo, Set.of()));
		}
		if (system == CodeSystem.OMIM || system == CodeSystem.ORPHA) {
			result.add(curie(system, code));
		}
		return Collections.unmodifiableSet(result);
	}

	/**
	 * The Mondo classes ({@code MONDO:0007947}) the code is an exact match of, sorted; empty when none. A Mondo id gives
	 * itself when the crosswalks map any code to it. The code may carry its prefix; an ICD-10-CM code may lack its dot.
	 *
	 * @throws IllegalArgumentException for a blank code
	 */
	public Set<String> mondoIdsFor(CodeSystem system, String code) {
		String key = key(system, code);
		if (system == CodeSystem.MONDO) {
			return codesByMondo.containsKey(key) ? Set.of(key) : Set.of();
		}
		Set<String> found = mondoByCode.get(key);
		return found == null ? Set.of() : Collections.unmodifiableSet(found);
	}

	/** The code as the index spells it: its {@link #curie}, an ICD-10-CM code given its dot when only that form is known. */
	private String key(CodeSystem system, String code) {
		String curie = curie(system, code);
		if (system == CodeSystem.ICD_10_CM && !mondoByCode.containsKey(curie) && curie.indexOf('.') < 0
				&& curie.length() > "ICD10CM:".length() + 3) {
			int dot = "ICD10CM:".length() + 3;
			String dotted = curie.substring(0, dot) + "." + curie.substring(dot);
			return mondoByCode.containsKey(dotted) ? dotted : curie;
		}
		return curie;
	}

	/**
	 * The Orphanet disease ({@code ORPHA:558}) that is the one exact match of the OMIM disease through one Mondo
	 * class, when that Orphanet disease in turn matches no other OMIM disease; empty otherwise.
	 */
	public Optional<String> exactOrphanetMatch(String omimId) {
		Set<String> orpha = candidatesFor(CodeSystem.OMIM, omimId).stream().filter(c -> c.startsWith("ORPHA:")).collect(java.util.stream.Collectors.toSet());
		if (orpha.size() != 1) {
			return Optional.empty();
		}
		String match = orpha.iterator().next();
		long omims = candidatesFor(CodeSystem.ORPHA, match).stream().filter(c -> c.startsWith("OMIM:")).count();
		return omims == 1 ? Optional.of(match) : Optional.empty();
	}

	/**
	 * As {@link #mondoIdsFor(CodeSystem, String)}, for a CURIE such as {@code ORPHA:77259},
	 * {@code Orphanet:77259}, {@code OMIM:230800}, {@code ICD10CM:E75.22}, {@code SCTID:190794006} or {@code MONDO:0009265}
	 * (prefixes as {@link CodeSystem#of(String)} reads them).
	 *
	 * @throws IllegalArgumentException when the CURIE has no prefix, an unknown one, or a blank code
	 */
	public Set<String> mondoIds(String curie) {
		int colon = curie == null ? -1 : curie.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("A code must be written PREFIX:code, such as ORPHA:77259, not '" + curie + "'");
		}
		return mondoIdsFor(CodeSystem.of(curie.substring(0, colon)), curie.substring(colon + 1));
	}

	/**
	 * The first Mondo class (in the order of the ids) that both codes are exact matches of, e.g. {@code MONDO:0009265}
	 * for {@code OMIM:230800} and {@code Orphanet:77259}; empty when they share none.
	 *
	 * @param a a CURIE as {@link #mondoIds(String)} reads it
	 * @param b another
	 * @throws IllegalArgumentException as {@link #mondoIds(String)}
	 */
	public Optional<String> sharedMondo(String a, String b) {
		Set<String> ofB = mondoIds(b);
		return mondoIds(a).stream().filter(ofB::contains).findFirst();
	}

	/**
	 * Every code that names the same Mondo class as the CURIE, sorted: the other codes of all systems the crosswalks hold
	 * (ICD-11 too) and the Mondo ids themselves, the CURIE's own code left out; Orphanet spelled {@code ORPHA}. Empty
	 * when the crosswalks do not know the code.
	 *
	 * @throws IllegalArgumentException as {@link #mondoIds(String)}
	 */
	public Set<String> equivalents(String curie) {
		Set<String> mondoIds = mondoIds(curie);
		if (mondoIds.isEmpty()) {
			return Set.of();
		}
		Set<String> out = new TreeSet<>();
		for (String mondo : mondoIds) {
			out.add(mondo);
			out.addAll(codesByMondo.getOrDefault(mondo, Set.of()));
		}
		int colon = curie.indexOf(':');
		out.remove(key(CodeSystem.of(curie.substring(0, colon)), curie.substring(colon + 1)));
		return Collections.unmodifiableSet(out);
	}

	/**
	 * Whether the crosswalks map the code to a Mondo class (for a Mondo id: whether they map any code to it).
	 *
	 * @throws IllegalArgumentException as {@link #mondoIds(String)}
	 */
	public boolean knows(String curie) {
		return !mondoIds(curie).isEmpty();
	}

	/** Every Mondo class the crosswalks name, with its label ({@code MONDO:0007947} to "Marfan syndrome"); unmodifiable. */
	public Map<String, String> mondoLabels() {
		return java.util.Collections.unmodifiableMap(mondoLabels);
	}

	/**
	 * Every mapped code with the label the crosswalks give it ({@code object_label}; {@code OMIM:154700} to "Marfan
	 * syndrome", {@code ICD10CM:Q87.40} to its ICD-10-CM title); ORPHA codes with the prefix {@code ORPHA:}; unmodifiable.
	 */
	public Map<String, String> codeLabels() {
		return java.util.Collections.unmodifiableMap(codeLabels);
	}

	/** The Mondo label of the class ({@code MONDO:0007947}), e.g. "Marfan syndrome"; empty when unknown. */
	public Optional<String> label(String mondoId) {
		return Optional.ofNullable(mondoLabels.get(mondoId));
	}

	/** Whether the crosswalk holds no mapping, as {@link #EMPTY}. */
	public boolean isEmpty() {
		return mondoByCode.isEmpty();
	}

	/** The number of distinct codes indexed, Mondo ids included. */
	public int size() {
		return size;
	}

	/** The names of the files read, sorted, e.g. {@code mondo_exactmatch_omim.sssom.tsv.gz}; empty for {@link #EMPTY}. */
	public List<String> files() {
		return files;
	}

	private static String curie(CodeSystem system, String code) {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("A diagnosis code must not be blank");
		}
		String c = code.strip();
		String local = c.contains(":") ? c.substring(c.indexOf(':') + 1) : c;
		return switch (system) {
			case ICD_10_CM -> "ICD10CM:" + local.toUpperCase(Locale.ROOT);
			case SNOMED_CT -> "SCTID:" + local;
			case ORPHA -> "ORPHA:" + local;
			case OMIM -> "OMIM:" + local;
			case MONDO -> "MONDO:" + local;
		};
	}
}
