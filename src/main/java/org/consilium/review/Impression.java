package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * The assigned specialist's independent impression, recorded once, before the first opinion is shown to them
 * (blinded first). {@code workingDiagnosis} may be null.
 */
public record Impression(UUID id, CaseId caseId, UserId specialistId, Instant recordedAt, String text, Diagnosis workingDiagnosis) {
}
