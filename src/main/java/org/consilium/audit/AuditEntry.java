package org.consilium.audit;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * One audited access: who (account id and role), what action (a verb such as {@code case.read}), which case and
 * which record within it, when (UTC) and how it ended. Maps to FHIR {@code AuditEvent}.
 */
public record AuditEntry(long id, Instant occurredAt, UserId actorId, String actorRole, String action, CaseId caseId,
		String recordType, UUID recordId, AuditOutcome outcome) {
}
