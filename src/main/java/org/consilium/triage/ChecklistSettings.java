package org.consilium.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The completeness checklists ({@code consilium.triage.checklist.*}): {@code default} lists what every case needs;
 * {@code specialty[<NUCC code>]} adds what a specialty needs (e.g. {@code specialty[207RX0202X]} for Medical Oncology:
 * a pathology report and a recent imaging report). Items are written in plain words: the patient reads them as what is
 * still missing. The lists are the program's to configure; the shipped ones are examples (issue #5), not a clinical
 * standard.
 */
@ConfigurationProperties("consilium.triage.checklist")
public record ChecklistSettings(List<String> defaults, Map<String, List<String>> specialty) {

	public ChecklistSettings {
		defaults = defaults == null ? List.of() : defaults.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		Map<String, List<String>> bySpecialty = new TreeMap<>();
		if (specialty != null) {
			specialty.forEach((code, items) -> bySpecialty.put(code.strip().toUpperCase(Locale.ROOT),
					items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
		}
		specialty = Map.copyOf(bySpecialty);
	}

	/** The items for a specialty (NUCC code, any case; null for none yet): the defaults, then the specialty's own. */
	public List<String> itemsFor(String specialtyCode) {
		List<String> items = new ArrayList<>(defaults);
		if (specialtyCode != null) {
			specialty.getOrDefault(specialtyCode.strip().toUpperCase(Locale.ROOT), List.of()).stream().filter(i -> !items.contains(i))
				.forEach(items::add);
		}
		return List.copyOf(items);
	}
}
