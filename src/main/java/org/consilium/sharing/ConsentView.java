package org.consilium.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a consent record, shaped like a FHIR R4 Consent (codes in {@link ConsentChoice}).
 *
 * @param consentId the consent, the same over its versions
 * @param version 1 for the first record, one more for each change
 * @param status {@code active} or {@code inactive} (http://hl7.org/fhir/consent-state-codes)
 * @param actor who receives under {@code provision.actor}, in words ("The assigned reviewers", "Dr X, City Hospital")
 * @param dateTime when this version was given or revoked
 * @param source where the record came from: {@code patient}, {@code submission} or {@code intake.consent_to_share} (migrated)
 */
public record ConsentView(UUID consentId, int version, ConsentChoice choice, String status, String scope, String category,
		String actorRole, String actor, String purpose, Instant dateTime, String source) {

	public boolean active() {
		return "active".equals(status);
	}
}
