package org.consilium.phenotype;

/**
 * When a phenotypic feature began, as a GA4GH Phenopacket v2 {@code TimeElement} allows: an HPO onset term (below
 * Onset, HP:0003674, e.g. HP:0003577 Congenital onset), an age as an ISO 8601 period (e.g. {@code P3Y},
 * {@code P10M}), and/or a gestational age in completed weeks and days. Any part may be null; all null means unknown.
 */
public record Onset(String hpoId, String label, String age, Integer gestationalWeeks, Integer gestationalDays) {

	static final Onset UNKNOWN = new Onset(null, null, null, null, null);

	public boolean isKnown() {
		return hpoId != null || age != null || gestationalWeeks != null;
	}

	/**
	 * The onset in everyday words, without ids or ISO 8601: the onset term's label in lower case and the age as
	 * "since age 1 year 6 months" (from {@code P1Y6M}); empty when neither is known.
	 */
	public String plain() {
		StringBuilder out = new StringBuilder();
		if (label != null) {
			out.append(label.toLowerCase(java.util.Locale.ROOT));
		}
		if (age != null) {
			String words = ageInWords(age);
			if (!words.isEmpty()) {
				out.append(out.isEmpty() ? "" : ", ").append("since age ").append(words);
			}
		}
		return out.toString();
	}

	private static String ageInWords(String iso) {
		try {
			java.time.Period p = java.time.Period.parse(iso);
			StringBuilder w = new StringBuilder();
			unit(w, p.getYears(), "year");
			unit(w, p.getMonths(), "month");
			unit(w, p.getDays() / 7, "week");
			unit(w, p.getDays() % 7, "day");
			return w.toString();
		}
		catch (java.time.format.DateTimeParseException e) {
			return "";
		}
	}

	private static void unit(StringBuilder w, int n, String unit) {
		if (n > 0) {
			w.append(w.isEmpty() ? "" : " ").append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
		}
	}

	/** For people: "Congenital onset (HP:0003577)", "age P3Y", "gestational age 19 weeks 0 days". */
	public String describe() {
		StringBuilder out = new StringBuilder();
		if (hpoId != null) {
			out.append(label).append(" (").append(hpoId).append(')');
		}
		if (age != null) {
			out.append(out.isEmpty() ? "" : ", ").append("age ").append(age);
		}
		if (gestationalWeeks != null) {
			out.append(out.isEmpty() ? "" : ", ").append("gestational age ").append(gestationalWeeks).append(" weeks ")
				.append(gestationalDays == null ? 0 : gestationalDays).append(" days");
		}
		return out.toString();
	}
}
