package org.consilium.ddx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Each disease's own annotated frequency of each of its terms, as the HPO annotation file writes it
 * ({@code phenotype.hpoa}, column {@code frequency}, https://hpo.jax.org/data/annotation-format): a count of patients
 * ({@code 7/12}), a percentage ({@code 17%}), an HPO frequency term (HP:0040280 obligate 100 %, HP:0040281 very frequent
 * 80–99 %, HP:0040282 frequent 30–79 %, HP:0040283 occasional 5–29 %, HP:0040284 very rare 1–4 %, HP:0040285 excluded
 * 0 %, with the ranges the HPO defines), or nothing at all. The ranking reads an unstated frequency as 1 and a frequency
 * term as the middle of its range ({@link HpoData}); explanations say what the file says instead.
 * <p>
 * An OMIM disease is described with the lines of its exact-match Orphanet disease too (when the Mondo crosswalk is
 * given), as the ranking uses them; each source is then named. Only lines of aspect P without a NOT qualifier count.
 * Immutable after loading and safe to share between threads.
 */
public final class AnnotatedFrequencies {

	/** Disease id to HPO id to the written frequency of each line ("" when the line gives none), interned. */
	private final Map<String, Map<String, String[]>> byDisease;

	private final MondoCrosswalk orphanetMatches;

	private AnnotatedFrequencies(Map<String, Map<String, String[]>> byDisease, MondoCrosswalk orphanetMatches) {
		this.byDisease = byDisease;
		this.orphanetMatches = orphanetMatches;
	}

	/**
	 * Reads the OMIM and Orphanet lines of an annotation file (plain or gzipped).
	 *
	 * @param orphanetMatches when not null, an OMIM disease is described with its exact-match Orphanet disease's lines too
	 * @throws HpoDataNotFoundException when the file cannot be read
	 */
	public static AnnotatedFrequencies load(Path hpoa, MondoCrosswalk orphanetMatches) {
		Map<String, Map<String, List<String>>> read = new HashMap<>();
		try (InputStream raw = Files.newInputStream(hpoa);
				InputStream in = hpoa.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#") || line.startsWith("database_id") || !(line.startsWith("OMIM:") || line.startsWith("ORPHA:"))) {
					continue;
				}
				String[] f = line.split("\t", -1);
				if (f.length < 11 || !"P".equals(f[10]) || "NOT".equals(f[2])) {
					continue;
				}
				read.computeIfAbsent(f[0], d -> new HashMap<>()).computeIfAbsent(f[3].intern(), t -> new ArrayList<>(1)).add(f[7].strip().intern());
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, ex);
		}
		Map<String, Map<String, String[]>> byDisease = new HashMap<>(read.size() * 2);
		read.forEach((disease, terms) -> {
			Map<String, String[]> values = new HashMap<>(terms.size() * 2);
			terms.forEach((term, written) -> values.put(term, written.stream().distinct().toArray(String[]::new)));
			byDisease.put(disease, values);
		});
		return new AnnotatedFrequencies(byDisease, orphanetMatches);
	}

	/**
	 * The disease's annotated frequency of the term in words, e.g. "119 of 251 patients", "frequent (30–79 %)",
	 * "17 % of patients" or "frequency not stated"; several lines are joined with "; ", each naming its source (OMIM,
	 * Orphanet) when the description draws on both. Null when the disease has no line for exactly this term.
	 *
	 * @param diseaseId {@code OMIM:154700} or {@code ORPHA:558}
	 * @param hpoId the annotated term, e.g. {@code HP:0001083}
	 */
	public String describe(String diseaseId, String hpoId) {
		Map<String, String[]> sources = new LinkedHashMap<>();
		String[] own = byDisease.getOrDefault(diseaseId, Map.of()).get(hpoId);
		if (own != null) {
			sources.put(sourceOf(diseaseId), own);
		}
		if (orphanetMatches != null && diseaseId.startsWith("OMIM:")) {
			orphanetMatches.exactOrphanetMatch(diseaseId).map(o -> byDisease.getOrDefault(o, Map.of()).get(hpoId))
				.ifPresent(lines -> sources.put("Orphanet", lines));
		}
		if (sources.isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		sources.forEach((source, lines) -> {
			for (String written : lines) {
				parts.add(words(written) + (sources.size() > 1 ? " (" + source + ")" : ""));
			}
		});
		return String.join("; ", parts.stream().distinct().toList());
	}

	private static String sourceOf(String diseaseId) {
		return diseaseId.startsWith("ORPHA:") ? "Orphanet" : diseaseId.substring(0, diseaseId.indexOf(':'));
	}

	/** One written frequency in words; the ranges of the HPO frequency terms are the HPO's own definitions. */
	static String words(String written) {
		if (written.isEmpty()) {
			return "frequency not stated";
		}
		int slash = written.indexOf('/');
		if (slash > 0) {
			String of = written.substring(slash + 1);
			return written.substring(0, slash) + " of " + of + ("1".equals(of) ? " patient" : " patients");
		}
		if (written.endsWith("%")) {
			return written.substring(0, written.length() - 1).strip() + " % of patients";
		}
		return switch (written) {
			case "HP:0040280" -> "obligate (100 %)";
			case "HP:0040281" -> "very frequent (80–99 %)";
			case "HP:0040282" -> "frequent (30–79 %)";
			case "HP:0040283" -> "occasional (5–29 %)";
			case "HP:0040284" -> "very rare (1–4 %)";
			case "HP:0040285" -> "excluded (0 %)";
			default -> "frequency " + written;
		};
	}
}
