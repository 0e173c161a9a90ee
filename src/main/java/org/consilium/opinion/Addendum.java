package org.consilium.opinion;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * An addendum to the delivered opinion by its specialist: text and the reason for it. Writing one signs a new version of
 * the opinion ({@code version} 2, 3, ...): the signed opinion plus every addendum up to that version. Addenda are never
 * changed or deleted, so each earlier version can be read, printed and verified as it was signed.
 */
public record Addendum(UUID id, CaseId caseId, int version, String text, String reason, UserId writtenBy, Instant writtenAt) {
}
