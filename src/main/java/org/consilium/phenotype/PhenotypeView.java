package org.consilium.phenotype;

import java.util.List;

import org.consilium.shared.CaseId;

/**
 * A case's phenotype as one user may see it.
 *
 * @param features current (not voided) terms, observed first, then by label
 * @param phenopacket the last phenopacket imported, with its diagnosis, or null
 * @param mayEdit whether this user may add, remove or import terms now
 * @param hpo the state of the HPO release, for the page's notices and acknowledgement
 * @param contradictions one sentence per excluded term that an observed term contradicts (possible after a
 *        phenopacket import), empty when none
 */
public record PhenotypeView(CaseId caseId, List<PhenotypicFeatureView> features, PhenopacketImportView phenopacket, boolean mayEdit,
		HpoAvailability hpo, List<String> contradictions, org.consilium.intake.PatientDetails patient) {
}
