package org.consilium.phenotype;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.phenopackets.schema.v2.Phenopacket;
import org.phenopackets.schema.v2.core.Disease;
import org.phenopackets.schema.v2.core.Interpretation;
import org.phenopackets.schema.v2.core.PhenotypicFeature;
import org.phenopackets.schema.v2.core.TimeElement;

import org.consilium.ddx.HpoTerm;
import org.consilium.ddx.HpoTerms;
import org.consilium.ddx.HpoTerms.Branch;
import org.consilium.shared.InvalidInputException;

/**
 * Reads a GA4GH Phenopacket v2 in its JSON form (the schema's own classes and protobuf's {@code JsonFormat}, strict:
 * an unknown field is an error) and maps it onto the case's phenotype: each {@code phenotypicFeatures} entry becomes a
 * term (observed or {@code excluded}) with its onset ({@code ontologyClass} below HP:0003674, {@code age} as ISO 8601
 * period, or {@code gestationalAge}); the diagnosis is the first interpretation's {@code diagnosis.disease}, else the
 * first non-excluded entry of {@code diseases}. https://phenopacket-schema.readthedocs.io/en/latest/
 * <p>
 * All or nothing: any term that is not a current phenotypic abnormality (or onset term) of the loaded release, and any
 * onset the phenotype cannot hold (age ranges, timestamps, intervals), rejects the whole file with
 * {@link InvalidInputException} naming every such term. An obsolete id that the ontology replaced ({@code replaced_by})
 * is imported as its replacement, and the import says so ({@link Read#replaced}): a published file is taken as given.
 */
final class PhenopacketReader {

	/** The largest phenopacket accepted, in bytes. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final int MAX_NAMED = 25;

	record Feature(HpoTerm term, boolean excluded, Onset onset) {
	}

	/** @param replaced one sentence per obsolete id of the file recorded as its replacement */
	record Read(String phenopacketId, List<Feature> features, String diagnosisId, String diagnosisLabel, List<String> replaced) {
	}

	private PhenopacketReader() {
	}

	/** Parses the JSON bytes into the schema's message. @throws InvalidInputException for anything but a v2 phenopacket */
	static Phenopacket parse(byte[] json) {
		if (json == null || json.length == 0) {
			throw new InvalidInputException("The file is empty.");
		}
		if (json.length > MAX_BYTES) {
			throw new InvalidInputException("The phenopacket is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
		}
		Phenopacket.Builder builder = Phenopacket.newBuilder();
		try {
			JsonFormat.parser().merge(new String(json, StandardCharsets.UTF_8), builder);
		}
		catch (InvalidProtocolBufferException | RuntimeException e) {
			throw new InvalidInputException("This file is not a GA4GH Phenopacket v2 in JSON (" + e.getMessage()
					+ "). Phenopacket v1 files are not supported; convert them to v2 first.");
		}
		if (builder.getId().isBlank()) {
			throw new InvalidInputException("This file is not a GA4GH Phenopacket v2: it has no \"id\".");
		}
		return builder.build();
	}

	/** Parses and maps onto the release's terms. @throws InvalidInputException naming every term that cannot be imported */
	static Read read(byte[] json, HpoTerms hpo) {
		Phenopacket packet = parse(json);
		Set<Feature> features = new LinkedHashSet<>();
		Set<String> problems = new LinkedHashSet<>();
		Set<String> replaced = new LinkedHashSet<>();
		for (PhenotypicFeature f : packet.getPhenotypicFeaturesList()) {
			String id = f.getType().getId();
			Optional<HpoTerm> term = hpo.find(id, Branch.PHENOTYPIC_ABNORMALITY);
			if (term.isEmpty()) {
				problems.add(named(id, f.getType().getLabel(), hpo.rejection(id, Branch.PHENOTYPIC_ABNORMALITY)));
				continue;
			}
			hpo.replacementOfObsolete(id, Branch.PHENOTYPIC_ABNORMALITY).ifPresent(r -> replaced.add(named(id, f.getType().getLabel(),
					id + " is obsolete; recorded as its replacement " + r.id() + " " + r.label() + ".")));
			Onset onset = f.hasOnset() ? onset(f.getOnset(), id, hpo, problems) : Onset.UNKNOWN;
			if (onset != null) {
				features.add(new Feature(term.get(), f.getExcluded(), onset));
			}
		}
		if (!problems.isEmpty()) {
			List<String> shown = new ArrayList<>(problems).subList(0, Math.min(problems.size(), MAX_NAMED));
			throw new InvalidInputException("Nothing was imported: " + problems.size() + (problems.size() == 1 ? " term" : " terms")
					+ " of this phenopacket cannot be used with the " + hpo.acknowledgement() + ". " + String.join(" ", shown)
					+ (problems.size() > shown.size() ? " (and " + (problems.size() - shown.size()) + " more)" : ""));
		}
		String diagnosisId = null;
		String diagnosisLabel = null;
		for (Interpretation i : packet.getInterpretationsList()) {
			if (i.hasDiagnosis() && !i.getDiagnosis().getDisease().getId().isBlank()) {
				diagnosisId = i.getDiagnosis().getDisease().getId();
				diagnosisLabel = i.getDiagnosis().getDisease().getLabel();
				break;
			}
		}
		if (diagnosisId == null) {
			for (Disease d : packet.getDiseasesList()) {
				if (!d.getExcluded() && !d.getTerm().getId().isBlank()) {
					diagnosisId = d.getTerm().getId();
					diagnosisLabel = d.getTerm().getLabel();
					break;
				}
			}
		}
		return new Read(packet.getId(), List.copyOf(features), diagnosisId, diagnosisLabel, List.copyOf(replaced));
	}

	/** The onset, or null after adding a problem. */
	private static Onset onset(TimeElement time, String featureId, HpoTerms hpo, Set<String> problems) {
		return switch (time.getElementCase()) {
			case ONTOLOGY_CLASS -> {
				String id = time.getOntologyClass().getId();
				Optional<HpoTerm> onset = hpo.find(id, Branch.ONSET);
				if (onset.isEmpty()) {
					problems.add("Onset of " + featureId + ": " + hpo.rejection(id, Branch.ONSET));
					yield null;
				}
				yield new Onset(onset.get().id(), onset.get().label(), null, null, null);
			}
			case AGE -> {
				String age = time.getAge().getIso8601Duration();
				if (!PhenotypeManagement.isIsoPeriod(age)) {
					problems.add("Onset of " + featureId + ": '" + age + "' is not an ISO 8601 period such as P3Y or P1Y6M.");
					yield null;
				}
				yield new Onset(null, null, age, null, null);
			}
			case GESTATIONAL_AGE -> {
				int weeks = time.getGestationalAge().getWeeks();
				int days = time.getGestationalAge().getDays();
				if (weeks < 0 || weeks > 45 || days < 0 || days > 6) {
					problems.add("Onset of " + featureId + ": a gestational age of " + weeks + " weeks " + days + " days is not possible.");
					yield null;
				}
				yield new Onset(null, null, null, weeks, days);
			}
			case ELEMENT_NOT_SET -> Onset.UNKNOWN;
			default -> {
				problems.add("Onset of " + featureId + ": an onset given as " + time.getElementCase().name().toLowerCase().replace('_', ' ')
						+ " cannot be stored; use an HPO onset term or an age.");
				yield null;
			}
		};
	}

	private static String named(String id, String label, String why) {
		return label == null || label.isBlank() ? why : why.replaceFirst(java.util.regex.Pattern.quote(id), id + " \"" + label + "\"");
	}
}
