package org.consilium.opinion;

import java.time.Instant;

import org.consilium.shared.CaseId;

/**
 * A new signed version of a delivered opinion exists: an addendum made version {@code version} (2 or more; version 1 is
 * the signature itself, announced by {@link org.consilium.intake.OpinionRequestStatusChanged}). Published in the
 * transaction that stores the version, for whoever the opinion was sent to (the patient, the referring physician, a
 * treating physician). No health data: the case, the version number and the instant of signing.
 */
public record OpinionVersionSigned(CaseId caseId, int version, Instant signedAt) {
}
