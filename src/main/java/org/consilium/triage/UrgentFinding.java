package org.consilium.triage;

import java.time.Instant;
import java.util.UUID;

/**
 * A finding a specialist saw in the records that needs care within days. {@code finding} is the specialist's short text;
 * it is null in what the patient reads (they are told to contact their physician instead, see
 * {@link TriageManagement#urgentFindings}).
 */
public record UrgentFinding(UUID id, UUID caseId, UUID markedBy, String markedByName, Instant markedAt, String finding,
		UUID acknowledgedBy, Instant acknowledgedAt) {

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}
}
