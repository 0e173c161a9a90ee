package org.consilium.review;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * A panel member's independent opinion on a case, saved once: how their diagnosis relates to the first opinion
 * ({@link Concordance}) and their reasoning. Other members read it only after saving their own (blinded panel).
 */
public record PanelOpinion(UUID id, CaseId caseId, UserId memberId, String memberName, Concordance concordance, String opinion,
		Instant savedAt) {
}
