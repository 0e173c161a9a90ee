/**
 * The case's phenotype (issue #3, "records you can trust"): Human Phenotype Ontology terms below Phenotypic
 * abnormality (HP:0000118), each observed or excluded, with an optional onset (an HPO onset term below HP:0003674, or
 * an age as an ISO 8601 period, as GA4GH Phenopackets v2 allow), entered one by one or imported from a phenopacket
 * (https://phenopacket-schema.readthedocs.io/en/latest/phenotype.html) together with its diagnosis. Terms entered one
 * by one must not contradict each other (no excluded ancestor of an observed term); an import is taken as given.
 * <p>
 * Who may change it: whoever may add records to the case ({@code RecordsManagement.mayAddRecords}: the patient, their
 * referring physician and coordinators while the case is open for records), and the assigned specialist while
 * reviewing (in review or awaiting the patient), because deep phenotyping is part of a rare-disease review. Everyone
 * with access to the case reads it. Every read and write asks {@link org.consilium.intake.CaseAccess#requireAccess}
 * first and is audited.
 * <p>
 * Terms are checked against the HPO release that {@link org.consilium.ddx.HpoRelease} loads in the background;
 * pages acknowledge "Human Phenotype Ontology, release ..." as the HPO licence asks.
 * <p>
 * The case's differential diagnosis (issue #4) is computed here from the phenotype by module {@code ddx}'s engine and
 * stored with the case ({@link org.consilium.phenotype.DifferentialDiagnoses}); it is shown, as decision support, only
 * to the specialists reviewing the case.
 * <p>
 * "What to check next" suggests terms to examine; a term the specialist cannot examine is noted
 * ({@link org.consilium.phenotype.UnexaminableTerms}) and not suggested again, without changing the phenotype. Beside it,
 * {@link org.consilium.phenotype.CandidateGenes} names the genes of the leading candidates.
 * <p>
 * Schema {@code phenotype}: {@code phenotypic_feature}, {@code phenopacket_import}, {@code differential_ranking},
 * {@code unexaminable_term}; removed
 * or replaced terms are voided with a reason, never deleted. Publishes {@link org.consilium.phenotype.PhenotypeChanged}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "audit", "intake", "records", "ddx" })
package org.consilium.phenotype;
