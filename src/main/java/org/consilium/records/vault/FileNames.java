package org.consilium.records.vault;

import java.text.Normalizer;

/**
 * Keeps what people can read of an uploaded file name and nothing that can fool them or a file system: the last path
 * segment only (both {@code /} and {@code \} separate), without control characters (Unicode category Cc) and format
 * characters (Cf: the bidirectional embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks
 * U+200E/U+200F, zero-width characters), NFC-normalised so that {@code Ärztebrief_Núñez.pdf} is stored in one form
 * whatever the browser sent; at most {@value #MAX_LENGTH} code points. Letters of every script are kept.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/** The cleaned name; {@code document} when nothing readable is left. */
	public static String clean(String name) {
		if (name == null) {
			return "document";
		}
		String path = name.replace('\\', '/');
		String base = readable(path.substring(path.lastIndexOf('/') + 1)).strip();
		if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
			return "document";
		}
		return base;
	}

	/** The text NFC-normalised, without control and format characters, at most {@value #MAX_LENGTH} code points. */
	public static String readable(String text) {
		// the characters go first and the text is normalised after: a format character between a letter and its accent
		// (e.g. a zero-width space) blocks composition, so normalising first left "e\u0301" decomposed once it was gone
		StringBuilder kept = new StringBuilder();
		text.codePoints()
			.filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT && cp != 0xFFFD)
			.forEach(kept::appendCodePoint);
		StringBuilder out = new StringBuilder();
		Normalizer.normalize(kept, Normalizer.Form.NFC).codePoints().limit(MAX_LENGTH).forEach(out::appendCodePoint);
		return out.toString();
	}
}
