package org.consilium.records;

import java.time.LocalDate;
import java.util.Set;

/**
 * Who an imported record is about, from its single FHIR {@code Patient} entry.
 *
 * @param familyName the family name of the official name (else the first name); null when absent
 * @param givenNames the given names of that name, separated by single spaces; null when absent
 * @param birthDate the birth date; null when absent or given only to month or year precision
 * @param sex the FHIR {@code AdministrativeGender} code (male, female, other, unknown); null when absent
 */
public record PatientDemographics(String familyName, String givenNames, LocalDate birthDate, String sex) {

	/** Demographics without a sex. */
	public PatientDemographics(String familyName, String givenNames, LocalDate birthDate) {
		this(familyName, givenNames, birthDate, null);
	}

	/** "Given Family", or "an unnamed patient". */
	public String displayName() {
		String name = ((givenNames == null ? "" : givenNames) + " " + (familyName == null ? "" : familyName)).strip();
		return name.isEmpty() ? "an unnamed patient" : name;
	}

	/**
	 * Whether this and {@code other} cannot be the same person: both birth dates are known and differ, or both family
	 * names are known and differ, or both have given names and share none, or both sexes are known (not
	 * {@code unknown}) and differ. Names are compared without case, accents, digits or punctuation ("Núñez" = "nunez",
	 * Synthea's "Alberto639" = "Alberto"). Missing parts never contradict.
	 */
	public boolean contradicts(PatientDemographics other) {
		if (birthDate != null && other.birthDate != null && !birthDate.equals(other.birthDate)) {
			return true;
		}
		if (known(sex) && known(other.sex) && !sex.strip().equalsIgnoreCase(other.sex.strip())) {
			return true;
		}
		Set<String> family = words(familyName);
		Set<String> otherFamily = words(other.familyName);
		if (!family.isEmpty() && !otherFamily.isEmpty() && !family.equals(otherFamily)) {
			return true;
		}
		Set<String> given = words(givenNames);
		Set<String> otherGiven = words(other.givenNames);
		return !given.isEmpty() && !otherGiven.isEmpty() && given.stream().noneMatch(otherGiven::contains);
	}

	private static boolean known(String sex) {
		return sex != null && !sex.isBlank() && !"unknown".equalsIgnoreCase(sex.strip());
	}

	private static Set<String> words(String name) {
		return org.consilium.shared.NameWords.of(name);
	}
}
