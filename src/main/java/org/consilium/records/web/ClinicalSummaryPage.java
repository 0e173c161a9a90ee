package org.consilium.records.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.consilium.records.ClinicalSummary;
import org.consilium.records.FhirImportView;
import org.consilium.records.Measurement;
import org.consilium.records.SummaryEntry;

/**
 * The clinical summary as a clinician reads it, for the records panel: allergies first (coded "no known allergies" told
 * apart from none recorded), current problems before past ones, current medications before the others, procedures, then
 * vital signs, results and other observations grouped by what was measured, each group with its values newest first and
 * a trend chart ({@link TrendChart}) when measured {@link TrendChart#MINIMUM_POINTS} times or more. Values and units as in
 * {@link Measurements}, dates as in {@link ReaderDates}; each row names its source import and date.
 * <p>
 * The filter keeps rows whose name, code or value contains the text (any case) and whose day lies in the range; it
 * applies before grouping, so counts are of what is shown. Rows are ordered newest first, or by name.
 */
record ClinicalSummaryPage(Allergies allergies, List<Row> currentProblems, List<Row> pastProblems, List<Row> currentMedications,
		List<Row> otherMedications, List<Row> procedures, List<Group> vitalSigns, List<Group> results, List<Group> otherObservations,
		boolean partial, Filter filter, int shown, int total) {

	/** How the allergy section reads: allergies listed, a coded "no known allergies", or nothing recorded at all. */
	enum AllergyState {
		RECORDED, NO_KNOWN_ALLERGIES, NONE_RECORDED
	}

	record Allergies(AllergyState state, List<Row> rows) {
	}

	/** Which rows to show and how to order them; from the page's query (all optional). */
	record Filter(String text, LocalDate from, LocalDate to, boolean byName) {

		static final Filter NONE = new Filter(null, null, null, false);

		public boolean active() {
			return text != null && !text.isBlank() || from != null || to != null;
		}

		boolean keeps(Row row) {
			if (text != null && !text.isBlank() && !row.searchText().contains(text.strip().toLowerCase(Locale.ROOT))) {
				return false;
			}
			if ((from != null || to != null) && row.date().day() == null) {
				return false;
			}
			return (from == null || !row.date().day().isBefore(from)) && (to == null || !row.date().day().isAfter(to));
		}
	}

	/** Where a row comes from: the import's file name and date, and the row's id for the link to its entry. */
	record Source(UUID importId, String fileName, String importedOn, Long entryId, String entry) {
	}

	/** One row: what, its code, when, its value (observations) and status, and its source. */
	record Row(String what, String system, String code, ReaderDates date, String value, String status, boolean active, Source source) {

		public String searchText() {
			return String.join(" ", Objects.toString(what, ""), Objects.toString(code, ""), Objects.toString(value, "")).toLowerCase(Locale.ROOT);
		}
	}

	/** One thing measured (by code, else by name): its values newest first, and its trend chart when there is one. */
	record Group(String id, String what, String code, List<Row> rows, String chart) {

		public Row latest() {
			return rows.get(0);
		}
	}

	static ClinicalSummaryPage of(ClinicalSummary summary, List<FhirImportView> imports, Locale locale, ZoneId zone, Filter filter) {
		Map<UUID, FhirImportView> byId = imports.stream().collect(Collectors.toMap(FhirImportView::id, Function.identity()));
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		Function<SummaryEntry, Row> row = e -> row(e, byId.get(e.importId()), locale, zone, day);
		Comparator<Row> order = filter.byName()
				? Comparator.comparing((Row r) -> Objects.toString(r.what(), "").toLowerCase(locale))
				: Comparator.comparing((Row r) -> r.date().epochSecond(), Comparator.nullsLast(Comparator.reverseOrder()));
		int[] counts = new int[2];
		Function<List<SummaryEntry>, List<Row>> rows = entries -> {
			counts[1] += entries.size();
			List<Row> kept = entries.stream().map(row).filter(filter::keeps).sorted(order).toList();
			counts[0] += kept.size();
			return kept;
		};
		List<Row> allergyRows = rows.apply(summary.allergies());
		List<Row> allergies = allergyRows.stream().filter(r -> !noKnownAllergy(summary, r)).toList();
		boolean nka = summary.allergies().stream().anyMatch(SummaryEntry::statesNoKnownAllergy);
		AllergyState state = !allergies.isEmpty() ? AllergyState.RECORDED
				: nka ? AllergyState.NO_KNOWN_ALLERGIES : AllergyState.NONE_RECORDED;
		List<Row> problems = rows.apply(summary.conditions());
		List<Row> medications = rows.apply(summary.medications());
		List<Row> procedures = rows.apply(summary.procedures());
		Comparator<Row> newestFirst = Comparator.comparing((Row r) -> r.date().epochSecond(), Comparator.nullsLast(Comparator.reverseOrder()));
		List<Group> vitals = new ArrayList<>();
		List<Group> results = new ArrayList<>();
		List<Group> others = new ArrayList<>();
		Map<String, List<Row>> grouped = new LinkedHashMap<>();
		Map<String, String> kindOf = new LinkedHashMap<>();
		Map<String, List<SummaryEntry>> entriesOf = new LinkedHashMap<>();
		counts[1] += summary.observations().size();
		for (SummaryEntry e : summary.observations()) {
			String key = e.code() != null ? e.system() + "|" + e.code() : "text|" + e.display();
			Row r = row.apply(e);
			if (!filter.keeps(r)) {
				continue;
			}
			counts[0]++;
			grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
			entriesOf.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
			kindOf.putIfAbsent(key, e.kind());
		}
		int index = 0;
		for (var g : grouped.entrySet()) {
			List<Row> values = g.getValue().stream().sorted(newestFirst).toList();
			Row latest = values.get(0);
			String id = "trend-" + index++;
			Group group = new Group(id, latest.what(), latest.code(), values, chart(id, latest.what(), entriesOf.get(g.getKey()), locale, zone, day));
			String kind = kindOf.get(g.getKey());
			("vital-signs".equals(kind) ? vitals : "laboratory".equals(kind) ? results : others).add(group);
		}
		Comparator<Group> groupOrder = filter.byName() ? Comparator.comparing((Group g) -> Objects.toString(g.what(), "").toLowerCase(locale))
				: Comparator.comparing((Group g) -> g.latest(), newestFirst);
		vitals.sort(groupOrder);
		results.sort(groupOrder);
		others.sort(groupOrder);
		boolean partial = imports.stream().anyMatch(FhirImportView::partial);
		return new ClinicalSummaryPage(new Allergies(state, allergies), problems.stream().filter(Row::active).toList(),
				problems.stream().filter(r -> !r.active()).toList(), medications.stream().filter(Row::active).toList(),
				medications.stream().filter(r -> !r.active()).toList(), procedures, vitals, results, others, partial, filter, counts[0], counts[1]);
	}

	private static boolean noKnownAllergy(ClinicalSummary summary, Row row) {
		return summary.allergies().stream().anyMatch(e -> e.statesNoKnownAllergy() && Objects.equals(e.code(), row.code())
				&& Objects.equals(e.system(), row.system()));
	}

	private static Row row(SummaryEntry e, FhirImportView from, Locale locale, ZoneId zone, DateTimeFormatter day) {
		Source source = new Source(e.importId(), from == null ? null : from.fileName(),
				from == null ? null : day.format(from.importedAt().atZone(zone)), e.id(), e.sourceEntry());
		return new Row(e.display() != null ? e.display() : e.code(), e.system(), e.code(), ReaderDates.of(e.date(), locale, zone),
				value(e, locale), e.status(), e.active(), source);
	}

	/**
	 * An observation's value for people: its quantity; a blood pressure's systolic and diastolic as "120/80 mmHg"
	 * (LOINC 8480-6 and 8462-4 in one unit); other components each with their name; the source's text for values that
	 * are not quantities. Null for other categories.
	 */
	static String value(SummaryEntry e, Locale locale) {
		List<Measurement> m = e.measurements();
		if (m.isEmpty()) {
			return e.value();
		}
		if (m.size() == 1 && m.get(0).label() == null) {
			return Measurements.text(m.get(0), locale);
		}
		Measurement systolic = component(m, "8480-6");
		Measurement diastolic = component(m, "8462-4");
		if (m.size() == 2 && systolic != null && diastolic != null && Objects.equals(systolic.unit(), diastolic.unit())) {
			return Measurements.number(systolic.value(), systolic.ucum() ? systolic.unit() : null, locale) + "/"
					+ Measurements.text(diastolic, locale);
		}
		return m.stream().map(c -> (c.label() == null ? "" : c.label() + ": ") + Measurements.text(c, locale)).collect(Collectors.joining("; "));
	}

	private static Measurement component(List<Measurement> m, String loinc) {
		return m.stream().filter(c -> loinc.equals(c.labelCode())).findFirst().orElse(null);
	}

	/** The trend chart of one group's quantities, one line per component name; null below the minimum of points. */
	private static String chart(String id, String what, List<SummaryEntry> entries, Locale locale, ZoneId zone, DateTimeFormatter day) {
		Map<String, List<TrendChart.Point>> lines = new LinkedHashMap<>();
		Map<String, String> units = new LinkedHashMap<>();
		List<SummaryEntry> dated = entries.stream().filter(e -> ReaderDates.of(e.date(), locale, zone).epochSecond() != null)
			.sorted(Comparator.comparing(e -> ReaderDates.of(e.date(), locale, zone).epochSecond())).toList();
		double low = Double.MAX_VALUE;
		double high = -Double.MAX_VALUE;
		Measurement lowM = null;
		Measurement highM = null;
		for (SummaryEntry e : dated) {
			long t = ReaderDates.of(e.date(), locale, zone).epochSecond();
			for (Measurement m : e.measurements()) {
				String name = Objects.toString(m.label(), "");
				String unit = units.putIfAbsent(name, Objects.toString(m.unit(), ""));
				if (unit != null && !unit.equals(Objects.toString(m.unit(), ""))) {
					continue; // another unit: not on the same axis
				}
				double v = m.value().doubleValue();
				lines.computeIfAbsent(name, k -> new ArrayList<>()).add(new TrendChart.Point(t, v));
				if (v < low) {
					low = v;
					lowM = m;
				}
				if (v > high) {
					high = v;
					highM = m;
				}
			}
		}
		if (lowM == null || dated.size() < TrendChart.MINIMUM_POINTS) {
			return null;
		}
		String first = ReaderDates.of(dated.get(0).date(), locale, zone).day().format(day);
		String last = ReaderDates.of(dated.get(dated.size() - 1).date(), locale, zone).day().format(day);
		String description = dated.size() + " values from " + first + " to " + last + ", lowest " + Measurements.text(lowM, locale)
				+ ", highest " + Measurements.text(highM, locale) + (lines.size() > 1 ? " (" + String.join(" and ", lines.keySet()) + ")" : "")
				+ ". The table lists every value.";
		return TrendChart.svg(id, "Trend of " + what, description,
				lines.entrySet().stream().map(l -> new TrendChart.Line(l.getKey(), l.getValue())).toList(),
				Measurements.text(lowM, locale), Measurements.text(highM, locale), first, last);
	}
}
