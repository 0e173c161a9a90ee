package org.consilium.opinion;

import java.time.Instant;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * Someone read the delivered opinion of a case (its page or its JSON), so notices that point at it can be marked read
 * for them. Published in the reading transaction; ids and the instant only.
 */
public record OpinionOpened(CaseId caseId, UserId readerId, Instant openedAt) {
}
