package org.consilium.records;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@link Measurement}s are kept in {@code records.summary_entry.measurements}: a JSON array of objects with the
 * number as a string, so that its scale (the digits the source wrote) survives the round trip. Null for none.
 */
record StoredMeasurement(String label, String labelCode, String comparator, String value, String unit, boolean ucum) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static String write(List<Measurement> measurements) {
		if (measurements.isEmpty()) {
			return null;
		}
		return JSON.writeValueAsString(measurements.stream()
			.map(m -> new StoredMeasurement(m.label(), m.labelCode(), m.comparator(), m.value().toPlainString(), m.unit(), m.ucum()))
			.toList());
	}

	static List<Measurement> read(String json) {
		if (json == null || json.isEmpty()) {
			return List.of();
		}
		return JSON.readValue(json, new TypeReference<List<StoredMeasurement>>() {
		}).stream().map(s -> new Measurement(s.label(), s.labelCode(), s.comparator(), new BigDecimal(s.value()), s.unit(), s.ucum())).toList();
	}
}
