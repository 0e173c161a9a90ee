package org.consilium.matching;

import java.time.LocalDate;

import org.consilium.shared.Coding;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;

/**
 * What matching reads of a case. Every field but the dates may be null (unknown or not chosen yet).
 *
 * @param specialtyCode     NUCC code chosen at triage
 * @param diagnosis         the first opinion's coded diagnosis
 * @param language          the patient's preferred language
 * @param jurisdiction      where the patient lives
 * @param firstInstitution  the institution that gave the first opinion, as the patient wrote it
 * @param today             the program-local date of the ranking
 * @param reviewDue         the program-local date the review is due (the review clock's due date, or where it would
 *                          fall if the case were assigned today)
 */
public record CaseFacts(String specialtyCode, Coding diagnosis, LanguageTag language, Jurisdiction jurisdiction,
		String firstInstitution, LocalDate today, LocalDate reviewDue) {
}
