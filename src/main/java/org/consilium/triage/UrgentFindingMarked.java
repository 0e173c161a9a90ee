package org.consilium.triage;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;

/**
 * A specialist marked an urgent finding on a case: the coordinators must be notified at once. Ids and the instant only;
 * the finding's text stays inside the case.
 */
public record UrgentFindingMarked(UUID findingId, CaseId caseId, Instant markedAt) {
}
