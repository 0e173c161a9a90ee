package org.consilium.intake;

/**
 * The patient's preferred language for the opinion (BCP 47 tag, e.g. {@code de}; the patient's account language unless
 * recorded for the case) and the jurisdiction where they live (ISO 3166-1/-2 code, e.g. {@code US-CA}; null while
 * unknown). Specialist matching weighs both.
 */
public record PatientLocale(String preferredLanguage, String jurisdiction) {
}
