package org.consilium.phenotype.web;

import java.io.Serializable;

/**
 * The confirmation step after an obsolete HPO id was entered: "HP:x is obsolete; replaced by HP:y label — record
 * HP:y?", with what else the form held, so that confirming posts the replacement with the same status and onset. Kept
 * as a flash attribute across the redirect (in the session, never in the URL).
 */
record ReplacementOffer(String obsoleteId, String replacementId, String replacementLabel, String status, String onsetTerm, String onsetAge)
		implements Serializable {
}
