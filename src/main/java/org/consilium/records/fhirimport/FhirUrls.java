package org.consilium.records.fhirimport;

import java.util.UUID;
import java.util.regex.Pattern;

/** The URL forms a Bundle's {@code fullUrl} and references take (FHIR R4 3.1.0.1.2 and the datatypes uri and oid). */
final class FhirUrls {

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:.+");

	/** The system of UCUM-coded quantities (FHIR R4 Quantity, https://hl7.org/fhir/R4/datatypes.html#Quantity). */
	static final String UCUM = "http://unitsofmeasure.org";

	private FhirUrls() {
	}

	/**
	 * A RESTful URL, {@code [base]/[type]/[id]} with an optional {@code /_history/[version]} (FHIR R4 3.1.0.1.2,
	 * https://hl7.org/fhir/R4/http.html#general): {@code base} starts with {@code http://} or {@code https://}, the type is
	 * a capital letter and letters, the id and version 1 to 64 of {@code A-Z a-z 0-9 - .}. Parsed from the right in one
	 * pass (the pattern {@code ^(https?://.+)/([A-Z][A-Za-z]+)/...} backtracked over every {@code /} of the base).
	 */
	record RestfulUrl(String base, String type, String id, String version) {

		/** The parts of {@code url}, or null when it is not a RESTful URL. */
		static RestfulUrl parse(String url) {
			if (!(url.startsWith("http://") || url.startsWith("https://")) || hasLineTerminator(url)) {
				return null;
			}
			int last = url.lastIndexOf('/');
			int previous = last <= 0 ? -1 : url.lastIndexOf('/', last - 1);
			if (previous > 0 && url.startsWith("/_history/", previous)) {
				RestfulUrl unversioned = parse(url.substring(0, previous));
				String version = url.substring(last + 1);
				return unversioned == null || unversioned.version() != null || !isId(version) ? null
						: new RestfulUrl(unversioned.base(), unversioned.type(), unversioned.id(), version);
			}
			if (previous <= url.indexOf("://") + 3) {
				return null; // no base after the scheme
			}
			String id = url.substring(last + 1);
			String type = url.substring(previous + 1, last);
			return isId(id) && isType(type) ? new RestfulUrl(url.substring(0, previous), type, id, null) : null;
		}

		private static boolean isType(String type) {
			if (type.length() < 2 || type.charAt(0) < 'A' || type.charAt(0) > 'Z') {
				return false;
			}
			return type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
		}

		private static boolean isId(String id) {
			return id.length() >= 1 && id.length() <= 64 && id.chars()
				.allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.');
		}

		/** What {@code .} of {@link Pattern} does not match: line feed, carriage return, NEL, line and paragraph separator. */
		private static boolean hasLineTerminator(String url) {
			return url.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029');
		}
	}

	/** Whether {@code url} starts with a URI scheme ({@code http:}, {@code urn:}, ...). */
	static boolean hasScheme(String url) {
		return SCHEME.matcher(url).matches();
	}

	static boolean isAbsolute(String url) {
		if (url.startsWith("urn:uuid:")) {
			try {
				UUID.fromString(url.substring("urn:uuid:".length()));
				return url.length() == "urn:uuid:".length() + 36;
			}
			catch (IllegalArgumentException notUuid) {
				return false;
			}
		}
		if (url.startsWith("urn:oid:")) {
			return isOid(url.substring("urn:oid:".length()));
		}
		return SCHEME.matcher(url).matches() && !url.contains(" ");
	}

	/**
	 * Whether {@code oid} is {@code [0-2](\.(0|[1-9][0-9]*))+}: a first arc 0, 1 or 2, then at least one more arc, each
	 * without leading zeros (ITU-T X.660; FHIR R4 datatype oid, https://hl7.org/fhir/R4/datatypes.html#oid). A scan
	 * instead of the pattern, whose nested quantifier SpotBugs reports as a ReDoS risk.
	 */
	static boolean isOid(String oid) {
		if (oid.length() < 3 || oid.charAt(0) < '0' || oid.charAt(0) > '2' || oid.charAt(1) != '.') {
			return false;
		}
		int arcStart = 2;
		for (int i = 2; i <= oid.length(); i++) {
			if (i == oid.length() || oid.charAt(i) == '.') {
				int length = i - arcStart;
				if (length == 0 || (length > 1 && oid.charAt(arcStart) == '0')) {
					return false;
				}
				arcStart = i + 1;
			}
			else if (oid.charAt(i) < '0' || oid.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}
}
