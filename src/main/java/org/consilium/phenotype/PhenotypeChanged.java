package org.consilium.phenotype;

import java.time.Instant;

import org.consilium.shared.CaseId;

/**
 * The phenotype of a case changed (a term added or removed, or a phenopacket imported), e.g. so that a differential
 * diagnosis can be recomputed. The case id and an instant only: no terms, no health data.
 */
public record PhenotypeChanged(CaseId caseId, Instant changedAt) {
}
