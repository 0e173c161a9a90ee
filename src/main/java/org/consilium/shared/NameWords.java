package org.consilium.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names compared as people read them, without case or accents: "Núñez" and "NUNEZ" are one name. Accents are the
 * combining marks of Unicode's canonical decomposition (NFD), removed.
 */
public final class NameWords {

	private NameWords() {
	}

	/** The text in lower case without accents; "" for null. */
	public static String folded(String text) {
		return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/** The words of a name, {@linkplain #folded folded}, split at anything that is not a letter or digit; empty for null. */
	public static Set<String> of(String name) {
		return Arrays.stream(folded(name).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
	}
}
