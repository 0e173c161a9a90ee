package org.consilium.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Mondo's exact-match crosswalks as one index: every OMIM, Orphanet, ICD-10-CM and SNOMED CT code that Mondo maps
 * with {@code skos:exactMatch} to a Mondo disease, and back. Two codes of different systems are the same disease when
 * they share a Mondo id (e.g. OMIM:230800 and ORPHA:77259 are both MONDO:0009265, Gaucher disease type I).
 *
 * <p>Source: the SSSOM TSV files {@code mondo_exactmatch_*.sssom.tsv[.gz]} of the Mondo Disease Ontology
 * (https://github.com/monarch-initiative/mondo, {@code src/ontology/mappings/}, or the release assets); Mondo is
 * CC BY 4.0 and must be credited where results show. Immutable once built; {@link #EMPTY} when none is configured.
 */
public final class MondoCrosswalk {

	/** No mappings: matching falls back to exact codes and ICD-10-CM categories. */
	public static final MondoCrosswalk EMPTY = new MondoCrosswalk(Map.of(), Map.of(), List.of());

	private final Map<DiseaseCode, Set<DiseaseCode>> mondoByCode;

	private final Map<DiseaseCode, Set<DiseaseCode>> codesByMondo = new HashMap<>();

	private final Map<DiseaseCode, String> labels;

	private final List<String> files;

	private MondoCrosswalk(Map<DiseaseCode, Set<DiseaseCode>> mondoByCode, Map<DiseaseCode, String> labels, List<String> files) {
		this.mondoByCode = mondoByCode;
		mondoByCode.forEach((code, ids) -> ids.forEach(id -> codesByMondo.computeIfAbsent(id, k -> new TreeSet<>()).add(code)));
		this.labels = labels;
		this.files = files;
	}

	/**
	 * Reads every {@code *.sssom.tsv} or {@code *.sssom.tsv.gz} file in {@code dir}; rows with another predicate or
	 * with a prefix outside {@link DiseaseSystem} (such as ICD-11) are skipped.
	 * @throws IOException when the folder or a file cannot be read
	 */
	public static MondoCrosswalk load(Path dir) throws IOException {
		Map<DiseaseCode, Set<DiseaseCode>> byCode = new HashMap<>();
		Map<DiseaseCode, String> labels = new HashMap<>();
		List<String> names = new ArrayList<>();
		List<Path> sources;
		try (Stream<Path> list = Files.list(dir)) {
			sources = list.filter(p -> p.getFileName().toString().matches(".*\\.sssom\\.tsv(\\.gz)?")).sorted().toList();
		}
		CSVFormat format = CSVFormat.TDF.builder().setCommentMarker('#').setQuote(null).setHeader().setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(false).get();
		for (Path file : sources) {
			names.add(file.getFileName().toString());
			try (InputStream raw = Files.newInputStream(file);
					InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
					Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
					CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				for (CSVRecord row : parser) {
					if (!"skos:exactMatch".equals(row.get("predicate_id"))) {
						continue;
					}
					Optional<DiseaseCode> mondo = curie(row.get("subject_id"));
					Optional<DiseaseCode> other = curie(row.get("object_id"));
					if (mondo.isEmpty() || mondo.get().system() != DiseaseSystem.MONDO || other.isEmpty()) {
						continue;
					}
					byCode.computeIfAbsent(mondo.get(), k -> new TreeSet<>()).add(mondo.get());
					byCode.computeIfAbsent(other.get(), k -> new TreeSet<>()).add(mondo.get());
					if (row.isMapped("subject_label")) {
						labels.putIfAbsent(mondo.get(), row.get("subject_label"));
					}
				}
			}
		}
		return new MondoCrosswalk(Map.copyOf(byCode), Map.copyOf(labels), List.copyOf(names));
	}

	private static Optional<DiseaseCode> curie(String curie) {
		int colon = curie.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		return DiseaseSystem.ofPrefix(curie.substring(0, colon)).filter(s -> s.wellFormed(curie.substring(colon + 1)))
			.map(s -> new DiseaseCode(s, curie.substring(colon + 1)));
	}

	/** The Mondo diseases {@code code} is an exact match of (itself for a Mondo id); empty when unknown. */
	public Set<DiseaseCode> mondoIds(DiseaseCode code) {
		return mondoByCode.getOrDefault(code, Set.of());
	}

	/** The first Mondo disease both codes are exact matches of, if any. */
	public Optional<DiseaseCode> sharedMondo(DiseaseCode a, DiseaseCode b) {
		Set<DiseaseCode> ofB = mondoIds(b);
		return mondoIds(a).stream().filter(ofB::contains).findFirst();
	}

	/** Every code of another system that names the same Mondo disease as {@code code}, in a stable order. */
	public Set<DiseaseCode> equivalents(DiseaseCode code) {
		Set<DiseaseCode> out = new TreeSet<>();
		mondoIds(code).forEach(id -> out.addAll(codesByMondo.getOrDefault(id, Set.of())));
		out.remove(code);
		return out;
	}

	public boolean knows(DiseaseCode code) {
		return mondoByCode.containsKey(code);
	}

	/** Mondo's label of a Mondo id, e.g. "Gaucher disease type I". */
	public Optional<String> label(DiseaseCode mondoId) {
		return Optional.ofNullable(labels.get(mondoId));
	}

	public boolean isEmpty() {
		return mondoByCode.isEmpty();
	}

	/** Number of distinct codes indexed (Mondo ids included). */
	public int size() {
		return mondoByCode.size();
	}

	/** The file names read, for the attribution line. */
	public List<String> files() {
		return files;
	}
}
