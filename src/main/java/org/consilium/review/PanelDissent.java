package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * A panel member's recorded disagreement with the consensus the chair signs. It is part of what the patient reads with
 * the delivered opinion (docs/architecture.md: "multi-specialist panels that record dissent").
 */
public record PanelDissent(UUID id, CaseId caseId, UserId memberId, String memberName, String dissent, Instant recordedAt) {
}
