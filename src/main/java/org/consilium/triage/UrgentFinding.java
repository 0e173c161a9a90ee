package org.consilium.triage;

import java.time.Instant;
import java.util.UUID;

import org.consilium.shared.CaseId;
import org.consilium.shared.UserId;

/**
 * A finding a specialist saw in the records that needs care within days. {@code finding} is the specialist's short text;
 * it is null in what the patient reads (they are told to contact their physician instead, see
 * {@link TriageManagement#urgentFindings}).
 */
public record UrgentFinding(UUID id, CaseId caseId, UserId markedBy, String markedByName, Instant markedAt, String finding,
		UserId acknowledgedBy, Instant acknowledgedAt) {

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}
}
