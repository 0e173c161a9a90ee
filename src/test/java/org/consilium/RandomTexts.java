package org.consilium;

import java.util.Random;
import java.util.stream.Stream;

/** Short random texts for comparing a scanner with the pattern it replaced: a fixed seed, so every run tries the same. */
public final class RandomTexts {

	private RandomTexts() {
	}

	/** {@code count} texts of 0 to {@code maxParts - 1} pieces, each picked from {@code pieces}. */
	public static Stream<String> of(int count, int maxParts, String... pieces) {
		Random random = new Random(11);
		return Stream.generate(() -> {
			StringBuilder text = new StringBuilder();
			int parts = random.nextInt(maxParts);
			for (int i = 0; i < parts; i++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			return text.toString();
		}).limit(count);
	}

	/** The characters of {@code alphabet} as pieces. */
	public static Stream<String> ofCharacters(int count, int maxLength, String alphabet) {
		return of(count, maxLength, alphabet.split(""));
	}
}
