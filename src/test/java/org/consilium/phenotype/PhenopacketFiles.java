package org.consilium.phenotype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.consilium.ddx.HpoTerms;
import org.consilium.ddx.HpoTerms.Branch;

/**
 * The phenopackets of {@code ../shared/data/phenopackets} and what each one states, read with Jackson independently of
 * the importer: its (HPO id, excluded, onset) set and the terms the release does not know.
 */
final class PhenopacketFiles {

	static final Path DIR = Path.of(System.getProperty("consilium.shared-data", "../shared/data"), "phenopackets");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** One file: its bytes, its feature keys (see {@link #key}), its unknown term ids, and its diagnosis. */
	record Expected(Path file, byte[] bytes, Set<String> features, Set<String> unknown, String diagnosisId, String diagnosisLabel) {
	}

	private PhenopacketFiles() {
	}

	static List<Path> all() throws IOException {
		try (Stream<Path> files = Files.walk(DIR)) {
			return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		}
	}

	static Expected read(Path file, HpoTerms terms) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		JsonNode packet = JSON.readTree(bytes);
		Set<String> features = new HashSet<>();
		Set<String> unknown = new HashSet<>();
		for (JsonNode f : packet.path("phenotypicFeatures")) {
			String id = f.path("type").path("id").asText();
			JsonNode onset = f.path("onset");
			String onsetKey = onset.has("ontologyClass") ? onset.path("ontologyClass").path("id").asText()
					: onset.has("age") ? "age " + onset.path("age").path("iso8601duration").asText()
					: onset.has("gestationalAge") ? "ga " + onset.path("gestationalAge").path("weeks").asInt() + "w" + onset.path("gestationalAge").path("days").asInt(0) + "d"
					: "";
			features.add(id + "|" + f.path("excluded").asBoolean(false) + "|" + onsetKey);
			if (terms.find(id, Branch.PHENOTYPIC_ABNORMALITY).isEmpty()) {
				unknown.add(id);
			}
		}
		JsonNode disease = packet.path("interpretations").path(0).path("diagnosis").path("disease");
		return new Expected(file, bytes, features, unknown, disease.path("id").asText(), disease.path("label").asText());
	}

	/** The same key for a stored or mapped feature. */
	static String key(String hpoId, boolean excluded, Onset onset) {
		String onsetKey = onset.hpoId() != null ? onset.hpoId()
				: onset.age() != null ? "age " + onset.age()
				: onset.gestationalWeeks() != null ? "ga " + onset.gestationalWeeks() + "w" + onset.gestationalDays() + "d"
				: "";
		return hpoId + "|" + excluded + "|" + onsetKey;
	}
}
