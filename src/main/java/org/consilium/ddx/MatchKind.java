package org.consilium.ddx;

/** How one patient term relates to a disease's annotations, from the disease's point of view. */
public enum MatchKind {
	/** The disease is annotated with the patient's term itself. */
	EXACT,
	/** The disease is annotated with a more specific descendant of the patient's term. */
	DISEASE_TERM_MORE_SPECIFIC,
	/** The disease is annotated with an ancestor of the patient's term. */
	PATIENT_TERM_MORE_SPECIFIC,
	/** The two meet only at a common ancestor below "Phenotypic abnormality". */
	COMMON_ANCESTOR,
	/** Nothing in common below "Phenotypic abnormality". */
	UNRELATED,
	/** The annotations say the disease does not show this term (qualifier NOT, or frequency 0). */
	CONTRADICTED,
	/** An excluded patient term that the disease shows (at the given frequency): evidence against it. */
	EXCLUDED_BUT_EXPECTED,
	/** An excluded patient term that the disease is not annotated with. */
	EXCLUDED_NOT_EXPECTED
}
