package org.consilium.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.consilium.shared.InvalidInputException;

/**
 * Who the case is about: the patient's own name, birth date and administrative sex, entered at intake by the patient or
 * for them (a referring physician enters the patient's, not their own). Every part may be missing while drafting and on
 * cases from before these were recorded; {@link #recorded()} tells whether any is there. Health data: never in a URL,
 * log, e-mail or event.
 */
public record PatientDetails(String familyName, String givenNames, LocalDate birthDate, AdministrativeSex sex) {

	/** Longest name accepted, in characters. */
	public static final int MAX_NAME = 200;

	/** Earliest birth date accepted. */
	public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	/** No details recorded. */
	public static PatientDetails none() {
		return new PatientDetails(null, null, null, null);
	}

	/** Whether any part is recorded. */
	public boolean recorded() {
		return !blank(familyName) || !blank(givenNames) || birthDate != null || sex != null;
	}

	/** What submission still needs, in plain words; empty when complete. */
	public List<String> missing() {
		List<String> missing = new ArrayList<>();
		if (blank(familyName)) missing.add("the patient's family name");
		if (blank(givenNames)) missing.add("the patient's given names");
		if (birthDate == null) missing.add("the patient's birth date");
		if (sex == null) missing.add("the patient's sex");
		return missing;
	}

	/** "Given Family", or the part that is there. */
	public String name() {
		return ((blank(givenNames) ? "" : givenNames.strip()) + " " + (blank(familyName) ? "" : familyName.strip())).strip();
	}

	/** "Maria Núñez, born 3 February 1980, female", leaving out what is not recorded; null when nothing is. */
	public String summary() {
		if (!recorded()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		parts.add(name().isEmpty() ? "name not recorded" : name());
		parts.add(birthDate == null ? "birth date not recorded" : "born " + DAY.format(birthDate));
		parts.add(sex == null ? "sex not recorded" : sex.label());
		return String.join(", ", parts);
	}

	/**
	 * These details as the case stores them: names trimmed, inner spaces collapsed, blank names as null.
	 * @param today the date that a birth date may not follow (UTC; a day of slack for time zones)
	 * @throws InvalidInputException (422) when a name is longer than {@value #MAX_NAME} characters or the birth date
	 *         is in the future or before {@link #EARLIEST_BIRTH_DATE}
	 */
	PatientDetails cleaned(LocalDate today) {
		if (birthDate != null && birthDate.isAfter(today.plusDays(1))) {
			throw new InvalidInputException("The patient's birth date cannot be in the future.");
		}
		if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
			throw new InvalidInputException("The patient's birth date cannot be before 1900.");
		}
		return new PatientDetails(cleanName(familyName, "family name"), cleanName(givenNames, "given names"), birthDate, sex);
	}

	/**
	 * Refuses details that name the person entering them for someone else (a referring physician typing their own name
	 * instead of the patient's): the words of the given and family names, compared without case, accents or punctuation,
	 * are those of {@code proxyName} after leaving out titles (Dr, Prof, Mr, Mrs, Ms, Mx).
	 * @throws InvalidInputException (422) when they are
	 */
	void requireNotNaming(String proxyName) {
		java.util.Set<String> patient = org.consilium.shared.NameWords.of(name());
		java.util.Set<String> proxy = new java.util.HashSet<>(org.consilium.shared.NameWords.of(proxyName));
		proxy.removeAll(TITLES);
		if (!patient.isEmpty() && patient.equals(proxy)) {
			throw new InvalidInputException("These are your own name and details: enter the patient's, as on their ID card.");
		}
	}

	private static final java.util.Set<String> TITLES = java.util.Set.of("dr", "prof", "mr", "mrs", "ms", "mx");

	private static String cleanName(String value, String field) {
		String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
		if (v.length() > MAX_NAME) {
			throw new InvalidInputException("The patient's " + field + " is longer than " + MAX_NAME + " characters.");
		}
		return v.isEmpty() ? null : v;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
