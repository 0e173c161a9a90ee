package org.consilium.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChecklistSettingsTests {

	final ChecklistSettings settings = new ChecklistSettings(List.of(" First opinion letter ", "Medicines", ""),
			Map.of("207rx0202x", List.of("Pathology report", "Medicines", "Imaging report")));

	@Test
	void aSpecialtyAddsItsItemsAfterTheDefaultsWithoutRepeatingThem() {
		assertThat(settings.itemsFor("207RX0202X")).containsExactly("First opinion letter", "Medicines", "Pathology report", "Imaging report");
	}

	@Test
	void anUnknownOrMissingSpecialtyGetsTheDefaults() {
		assertThat(settings.itemsFor(null)).containsExactly("First opinion letter", "Medicines");
		assertThat(settings.itemsFor("2084N0400X")).containsExactly("First opinion letter", "Medicines");
	}
}
