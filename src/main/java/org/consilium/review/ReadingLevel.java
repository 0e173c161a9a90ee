package org.consilium.review;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard the plain-language summary is to read, shown to the specialist while writing it: the Flesch–Kincaid grade
 * level for English, and for other languages a note that no measure is available. A grade above {@value #TARGET_GRADE}
 * is a warning, never a reason to refuse signing.
 *
 * <p>Formula (Kincaid, Fishburne, Rogers and Chissom, "Derivation of new readability formulas (Automated Readability
 * Index, Fog Count and Flesch Reading Ease Formula) for Navy enlisted personnel", Research Branch Report 8-75, Naval
 * Technical Training Command, 1975, <a href="https://stars.library.ucf.edu/istlibrary/56/">stars.library.ucf.edu/istlibrary/56</a>):
 * {@code grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59}. The target of grade 8 or below
 * follows the usual advice for patient materials (e.g. the U.S. National Institutes of Health's "Clear &amp; Simple",
 * which asks for grade 6–8).
 *
 * @param grade the Flesch–Kincaid grade, rounded to one decimal; null when not measured (other language, or no words)
 * @param message what the specialist reads beside the summary
 */
public record ReadingLevel(Double grade, String message) {

	/** The highest grade a patient summary should have. */
	public static final int TARGET_GRADE = 8;

	private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");

	/**
	 * Measures {@code text} written in {@code languageTag} (BCP 47; null or blank counts as English, the program's
	 * default).
	 */
	public static ReadingLevel of(String text, String languageTag) {
		String language = languageTag == null || languageTag.isBlank() ? "en" : Locale.forLanguageTag(languageTag).getLanguage();
		if (!language.equals("en")) {
			String name = Locale.forLanguageTag(languageTag).getDisplayLanguage(Locale.ENGLISH);
			return new ReadingLevel(null, "No reading-level measure is available for " + (name.isBlank() ? languageTag : name)
					+ "; keep sentences short and avoid medical terms.");
		}
		String t = text == null ? "" : text.strip();
		int words = 0;
		int syllables = 0;
		Matcher m = WORD.matcher(t);
		while (m.find()) {
			words++;
			syllables += syllables(m.group());
		}
		if (words == 0) {
			return new ReadingLevel(null, "Write the summary to see its reading level (target: grade " + TARGET_GRADE + " or below).");
		}
		int sentences = 0;
		Matcher s = SENTENCE_END.matcher(t);
		while (s.find()) {
			sentences++;
		}
		if (!SENTENCE_END.matcher(t).find() || !t.matches("(?s).*[.!?]+$")) {
			sentences++; // the last sentence has no full stop yet
		}
		double grade = 0.39 * ((double) words / sentences) + 11.8 * ((double) syllables / words) - 15.59;
		double rounded = Math.round(grade * 10) / 10.0;
		String message = rounded <= TARGET_GRADE
				? "Reading level: grade " + rounded + " (Flesch–Kincaid). Good: the target is grade " + TARGET_GRADE + " or below."
				: "Reading level: grade " + rounded + " (Flesch–Kincaid), above the target of grade " + TARGET_GRADE
						+ ". Shorter sentences and shorter words make it easier to read. You can still sign.";
		return new ReadingLevel(rounded, message);
	}

	/** Whether the grade is above the target (a warning only). */
	public boolean aboveTarget() {
		return grade != null && grade > TARGET_GRADE;
	}

	/**
	 * The syllables of one English word, estimated as its groups of vowels (a, e, i, o, u, y), less a silent final
	 * "e" (but not "-le" after a consonant, as in "table"), and at least one.
	 */
	static int syllables(String word) {
		String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (w.isEmpty()) {
			return 1;
		}
		int count = 0;
		boolean previousVowel = false;
		for (int i = 0; i < w.length(); i++) {
			boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
			if (vowel && !previousVowel) {
				count++;
			}
			previousVowel = vowel;
		}
		if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && "aeiouy".indexOf(w.charAt(w.length() - 2)) < 0) {
			count--;
		}
		else if (w.length() > 2 && w.endsWith("le") && "aeiouy".indexOf(w.charAt(w.length() - 3)) >= 0) {
			count--; // "-ale", "-ole": the e is silent
		}
		return Math.max(1, count);
	}
}
