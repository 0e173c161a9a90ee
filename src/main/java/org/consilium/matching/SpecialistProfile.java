package org.consilium.matching;

import java.util.List;

import org.consilium.shared.Coding;
import org.consilium.shared.UserId;

/**
 * A specialist's entry in the directory, keyed by their account id.
 *
 * @param specialties    NUCC provider taxonomy codes ({@link org.consilium.identity.Specialty}); the account's own first
 * @param diseases       diseases and disease groups of expertise (Mondo, OMIM, ORPHA, ICD-10-CM, SNOMED CT), sorted
 * @param languages      BCP 47 tags the specialist writes opinions in, sorted
 * @param institution    where they practise; compared with the first opinion's institution for conflicts of interest
 * @param licences       ISO 3166-1/-2 codes of the jurisdictions where they hold a licence, sorted
 * @param weeklyCapacity new cases per week they take, 0 to {@value #MAX_WEEKLY_CAPACITY}
 * @param absences       date ranges away, sorted
 * @param version        optimistic-locking version; a stale save is refused
 */
public record SpecialistProfile(UserId specialistId, int version, List<String> specialties, List<Coding> diseases,
		List<String> languages, String institution, List<String> licences, int weeklyCapacity, List<Absence> absences) {

	/** The most cases per week a profile may claim. */
	public static final int MAX_WEEKLY_CAPACITY = 100;

	public SpecialistProfile {
		specialties = List.copyOf(specialties);
		diseases = List.copyOf(diseases);
		languages = List.copyOf(languages);
		institution = institution == null ? "" : institution;
		licences = List.copyOf(licences);
		absences = List.copyOf(absences);
	}
}
