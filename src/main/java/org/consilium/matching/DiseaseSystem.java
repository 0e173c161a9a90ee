package org.consilium.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.consilium.intake.CodeSystem;

/**
 * Disease code systems of a specialist's expertise, each with the CURIE prefix Mondo's SSSOM mappings use
 * (https://github.com/monarch-initiative/mondo, {@code src/ontology/mappings/}) and the form its codes take.
 */
public enum DiseaseSystem {
	MONDO("Mondo", "MONDO", "\\d{7}", List.of("MONDO")),
	OMIM("OMIM", "OMIM", "\\d{6}", List.of("OMIM", "MIM")),
	ORPHA("ORPHA", "Orphanet", "\\d{1,7}", List.of("ORPHA", "ORPHANET")),
	ICD_10_CM("ICD-10-CM", "ICD10CM", "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?", List.of("ICD-10-CM", "ICD10CM", "ICD10", "ICD-10")),
	SNOMED_CT("SNOMED CT", "SCTID", "\\d{6,18}", List.of("SNOMED", "SNOMEDCT", "SNOMED CT", "SCTID", "SCT"));

	private final String label;

	private final String curiePrefix;

	private final Pattern form;

	private final List<String> prefixes;

	DiseaseSystem(String label, String curiePrefix, String form, List<String> prefixes) {
		this.label = label;
		this.curiePrefix = curiePrefix;
		this.form = Pattern.compile(form);
		this.prefixes = prefixes;
	}

	public String label() {
		return label;
	}

	/** The prefix in Mondo's SSSOM files, e.g. {@code Orphanet}. */
	public String curiePrefix() {
		return curiePrefix;
	}

	boolean wellFormed(String code) {
		return form.matcher(code).matches();
	}

	/** The system of a written prefix ({@code ORPHA}, {@code Orphanet}, {@code ICD10CM}, ...), ignoring case. */
	static Optional<DiseaseSystem> ofPrefix(String prefix) {
		String p = prefix.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(s -> s.prefixes.contains(p)).findFirst();
	}

	/** The system of the first opinion's diagnosis code. */
	static DiseaseSystem of(CodeSystem system) {
		return switch (system) {
			case ICD_10_CM -> ICD_10_CM;
			case SNOMED_CT -> SNOMED_CT;
			case OMIM -> OMIM;
			case ORPHA -> ORPHA;
		};
	}
}
