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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Maps a diagnosis code to the HPO annotation diseases it names, through the Mondo disease ontology's
 * exact-match crosswalks (SSSOM TSV, https://mapping-commons.github.io/sssom/, files
 * {@code mondo_exactmatch_*.sssom.tsv[.gz]} from https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings):
 * code &rarr; Mondo class(es) &rarr; their OMIM and Orphanet codes. Only {@code skos:exactMatch} rows are read.
 * <p>
 * Candidate ids use the HPO annotation file's prefixes ({@code OMIM:154700}, {@code ORPHA:558}), so they
 * can be looked up in a {@link Ranking} directly. Most ICD-10-CM codes reach only an Orphanet disease,
 * and many reach none (a chapter-level code maps to no single rare disease): then the result is empty
 * and the diagnosis is "not rankable".
 * <p>
 * Immutable after loading, safe to share between threads.
 */
public final class MondoCrosswalk {

	private static final String FILE_PREFIX = "mondo_exactmatch_";

	private static final String EXACT_MATCH = "skos:exactMatch";

	/** "ICD10CM:E30.1", "SCTID:123", "ORPHA:558", "OMIM:154700" to Mondo ids. */
	private final Map<String, Set<String>> mondoByCode;

	/** Mondo id to its OMIM and ORPHA codes. */
	private final Map<String, Set<String>> diseasesByMondo;

	private final Map<String, String> mondoLabels;

	private MondoCrosswalk(Map<String, Set<String>> mondoByCode, Map<String, Set<String>> diseasesByMondo, Map<String, String> mondoLabels) {
		this.mondoByCode = mondoByCode;
		this.diseasesByMondo = diseasesByMondo;
		this.mondoLabels = mondoLabels;
	}

	/**
	 * Reads every {@code mondo_exactmatch_*.sssom.tsv} (plain or gzipped) of the directory.
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
		Map<String, Set<String>> diseasesByMondo = new HashMap<>();
		Map<String, String> labels = new HashMap<>();
		int files = 0;
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, FILE_PREFIX + "*.sssom.tsv*")) {
			for (Path file : stream) {
				files++;
				read(file, mondoByCode, diseasesByMondo, labels);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Mondo crosswalks in " + dir.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
		if (files == 0) {
			throw new IllegalArgumentException("No Mondo crosswalk (" + FILE_PREFIX + "*.sssom.tsv[.gz]) in " + dir.toAbsolutePath()
					+ "; download them from https://github.com/monarch-initiative/mondo/tree/master/src/ontology/mappings");
		}
		return new MondoCrosswalk(mondoByCode, diseasesByMondo, labels);
	}

	private static void read(Path file, Map<String, Set<String>> mondoByCode, Map<String, Set<String>> diseasesByMondo, Map<String, String> labels)
			throws IOException {
		InputStream raw = Files.newInputStream(file);
		InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int subject = -1;
			int subjectLabel = -1;
			int predicate = -1;
			int object = -1;
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
				if (code.startsWith("OMIM:") || code.startsWith("ORPHA:")) {
					diseasesByMondo.computeIfAbsent(mondo, k -> new TreeSet<>()).add(code);
				}
				if (subjectLabel >= 0 && subjectLabel < f.length) {
					labels.putIfAbsent(mondo, f[subjectLabel]);
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
	 * @param system see {@link DiagnosisCodeSystem#of(String)}
	 * @throws IllegalArgumentException for an unknown system or a blank code
	 */
	public Set<String> candidatesFor(String system, String code) {
		return candidatesFor(DiagnosisCodeSystem.of(system), code);
	}

	/** As {@link #candidatesFor(String, String)}. */
	public Set<String> candidatesFor(DiagnosisCodeSystem system, String code) {
		Set<String> result = new TreeSet<>();
		for (String mondo : mondoIdsFor(system, code)) {
			result.addAll(diseasesByMondo.getOrDefault(mondo, Set.of()));
		}
		if (system == DiagnosisCodeSystem.OMIM || system == DiagnosisCodeSystem.ORPHA) {
			result.add(curie(system, code));
		}
		return Collections.unmodifiableSet(result);
	}

	/**
	 * The Mondo classes the code is an exact match of, sorted; empty when none.
	 *
	 * @throws IllegalArgumentException for a blank code
	 */
	public Set<String> mondoIdsFor(DiagnosisCodeSystem system, String code) {
		String curie = curie(system, code);
		if (system == DiagnosisCodeSystem.MONDO) {
			return diseasesByMondo.containsKey(curie) || mondoLabels.containsKey(curie) ? Set.of(curie) : Set.of();
		}
		Set<String> found = mondoByCode.get(curie);
		if (found == null && system == DiagnosisCodeSystem.ICD10CM && curie.indexOf('.') < 0 && curie.length() > "ICD10CM:".length() + 3) {
			int dot = "ICD10CM:".length() + 3;
			found = mondoByCode.get(curie.substring(0, dot) + "." + curie.substring(dot));
		}
		return found == null ? Set.of() : Collections.unmodifiableSet(found);
	}

	/**
	 * The Orphanet disease ({@code ORPHA:558}) that is the one exact match of the OMIM disease through one Mondo
	 * class, when that Orphanet disease in turn matches no other OMIM disease; empty otherwise.
	 */
	public Optional<String> exactOrphanetMatch(String omimId) {
		Set<String> orpha = candidatesFor(DiagnosisCodeSystem.OMIM, omimId).stream().filter(c -> c.startsWith("ORPHA:")).collect(java.util.stream.Collectors.toSet());
		if (orpha.size() != 1) {
			return Optional.empty();
		}
		String match = orpha.iterator().next();
		long omims = candidatesFor(DiagnosisCodeSystem.ORPHA, match).stream().filter(c -> c.startsWith("OMIM:")).count();
		return omims == 1 ? Optional.of(match) : Optional.empty();
	}

	/** The Mondo label of the class, e.g. "Marfan syndrome". */
	public Optional<String> label(String mondoId) {
		return Optional.ofNullable(mondoLabels.get(mondoId));
	}

	private static String curie(DiagnosisCodeSystem system, String code) {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("A diagnosis code must not be blank");
		}
		String c = code.strip();
		String local = c.contains(":") ? c.substring(c.indexOf(':') + 1) : c;
		return switch (system) {
			case ICD10CM -> "ICD10CM:" + local.toUpperCase(Locale.ROOT);
			case SNOMED_CT -> "SCTID:" + local;
			case ORPHA -> "ORPHA:" + local;
			case OMIM -> "OMIM:" + local;
			case MONDO -> "MONDO:" + local;
		};
	}
}
