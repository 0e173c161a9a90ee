package org.consilium.phenotype;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A phenopacket imported into a case.
 *
 * @param phenopacketId the phenopacket's own {@code id}
 *
 * @param diagnosisId the phenopacket's diagnosis as given (an OMIM, ORPHA or MONDO id, e.g. {@code OMIM:148600}), or null
 * @param observed the number of observed terms imported
 * @param excluded the number of excluded terms imported
 * @param replaced one sentence per obsolete id of the file that was imported as its replacement ("HP:0001388 \"Joint
 *        laxity\" is obsolete; recorded as its replacement HP:0001382 Joint hypermobility."); said by the import itself,
 *        empty when read back later
 */
public record PhenopacketImportView(UUID id, String phenopacketId, String diagnosisId, String diagnosisLabel, int observed,
		int excluded, Instant importedAt, List<String> replaced) {

	public PhenopacketImportView {
		replaced = replaced == null ? List.of() : List.copyOf(replaced);
	}
}
