package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A panel member's recorded disagreement with the consensus the chair signs. It is part of what the patient reads with
 * the delivered opinion (docs/architecture.md: "multi-specialist panels that record dissent").
 */
public record PanelDissent(UUID id, UUID caseId, UUID memberId, String memberName, String dissent, Instant recordedAt) {
}
