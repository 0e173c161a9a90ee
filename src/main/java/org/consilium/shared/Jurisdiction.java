package org.consilium.shared;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A place where a physician is licensed or a patient lives: an ISO 3166-1 alpha-2 country code ({@code DE}) or an
 * ISO 3166-2 subdivision code ({@code US-CA}, {@code DE-BY}); https://www.iso.org/iso-3166-country-codes.html. The
 * country part is checked against the JDK's ISO 3166-1 list; the subdivision part only by its form (one to three
 * letters or digits), because the JDK carries no subdivision list.
 */
public record Jurisdiction(String code) {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Pattern FORM = Pattern.compile("([A-Z]{2})(-[A-Z0-9]{1,3})?");

	/**
	 * Reads a code, ignoring case and surrounding blanks.
	 * @throws InvalidInputException naming the code when it is not an ISO 3166-1 country or a subdivision of one
	 */
	public static Jurisdiction parse(String text) {
		String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
		var m = FORM.matcher(code);
		if (!m.matches() || !COUNTRIES.contains(m.group(1))) {
			throw new InvalidInputException("Unknown jurisdiction \"" + (text == null ? "" : text.strip())
					+ "\": use an ISO 3166-1 country code such as DE or an ISO 3166-2 subdivision such as US-CA.");
		}
		return new Jurisdiction(code);
	}

	/** The ISO 3166-1 country part. */
	public String country() {
		return code.substring(0, 2);
	}

	/** Whether a licence here covers {@code place}: the same code, or a country-wide licence for one of its subdivisions. */
	public boolean covers(Jurisdiction place) {
		return code.equals(place.code) || (code.length() == 2 && place.country().equals(code));
	}

	@Override
	public String toString() {
		return code;
	}
}
