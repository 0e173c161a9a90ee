package org.consilium.records;

import java.time.LocalDate;

/**
 * Who an imported record is about, from its single FHIR {@code Patient} entry.
 *
 * @param familyName the family name of the official name (else the first name); null when absent
 * @param givenNames the given names of that name, separated by single spaces; null when absent
 * @param birthDate the birth date; null when absent or given only to month or year precision
 */
public record PatientDemographics(String familyName, String givenNames, LocalDate birthDate) {
}
