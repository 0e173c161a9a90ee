package org.consilium.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * A language as an IETF BCP 47 tag (https://www.rfc-editor.org/info/bcp47) whose primary subtag is an ISO 639-1
 * two-letter code: {@code de}, {@code pt-BR}. Two tags speak the same language when their primary subtags agree.
 */
public record LanguageTag(String tag) {

	private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

	/**
	 * Reads a tag, normalising its case ({@code PT-br} becomes {@code pt-BR}).
	 * @throws InvalidInputException naming the tag when it is malformed or its language is not an ISO 639-1 code
	 */
	public static LanguageTag parse(String text) {
		String raw = text == null ? "" : text.strip();
		try {
			Locale locale = new Locale.Builder().setLanguageTag(raw).build();
			if (!ISO_639_1.contains(locale.getLanguage()) || locale.getLanguage().length() != 2) {
				throw new IllformedLocaleException(raw);
			}
			return new LanguageTag(locale.toLanguageTag());
		}
		catch (IllformedLocaleException e) {
			throw new InvalidInputException("Unknown language \"" + raw + "\": use a BCP 47 tag with an ISO 639-1 language such as de or pt-BR.");
		}
	}

	/** The ISO 639-1 primary language subtag. */
	public String language() {
		int dash = tag.indexOf('-');
		return dash < 0 ? tag : tag.substring(0, dash);
	}

	public boolean sameLanguage(LanguageTag other) {
		return language().equals(other.language());
	}

	/** The language's English name, e.g. "Portuguese". */
	public String displayName() {
		return Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
	}

	@Override
	public String toString() {
		return tag;
	}
}
