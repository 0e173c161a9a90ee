package org.consilium.intake;

import java.time.Instant;

import org.consilium.shared.CaseId;

/**
 * The turnaround of one delivered opinion: the review clock's business days from completed triage to delivery, less
 * the business days on hold waiting for the patient, and whether delivery came by the review deadline. Ids and figures
 * only; no health data.
 */
public record CaseTurnaround(CaseId caseId, Instant deliveredAt, long businessDaysUsed, boolean onTime) {
}
