/**
 * Differential diagnosis of rare diseases from phenotypes: ranks every disease of the Human Phenotype
 * Ontology (HPO) annotations against a patient's observed and excluded HPO terms.
 * <p>
 * Two scorers are computed for every candidate and blended:
 * <ul>
 * <li>Semantic similarity: Resnik information content of the most informative common ancestor, averaged
 * over the patient's terms (best match from each patient term to the disease's annotations), as in the
 * Phenomizer: Köhler S, Schulz MH, Krawitz P, et al. Clinical diagnostics in human genetics with semantic
 * similarity searches in ontologies. Am J Hum Genet 2009;85(4):457-464, doi:10.1016/j.ajhg.2009.09.003.
 * Information content is computed from the annotations themselves.</li>
 * <li>Likelihood ratios per term, from annotation frequencies and the ontology structure for inexact
 * matches, with excluded terms counting against diseases that usually show them, giving a post-test
 * probability per disease, following the description of LIRICAL in: Robinson PN, Ravanmehr V, Jacobsen
 * JOB, et al. Interpretable clinical genomics with a likelihood ratio paradigm. Am J Hum Genet
 * 2020;107(3):403-417, doi:10.1016/j.ajhg.2020.06.021. Implemented from the paper's text, not from
 * LIRICAL's code (whose licence forbids derivatives).</li>
 * </ul>
 * The module reads the official HPO release files (ontology JSON and {@code phenotype.hpoa}) from a
 * directory the operator configures; {@link org.consilium.ddx.HpoRelease} loads it once in the background after
 * start-up and also serves term search ({@link org.consilium.ddx.HpoTerms}) for the case phenotype. Any page that shows results
 * must say "uses the Human Phenotype Ontology, release ..." ({@link org.consilium.ddx.HpoData#release()}).
 * <p>
 * {@link org.consilium.ddx.MondoRelease} loads Mondo's exact-match crosswalks ({@link org.consilium.ddx.MondoCrosswalk})
 * from {@code consilium.mondo.dir}, once, in the background: the differential diagnosis maps a submitted diagnosis to
 * its OMIM and ORPHA candidates with them, and specialist matching (module {@code matching}) finds the same disease
 * across code systems with them.
 * No schema, no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.consilium.ddx;
