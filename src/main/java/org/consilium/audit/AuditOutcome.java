package org.consilium.audit;

/** How an audited action ended; a denial is an access the policy refused (answered to the user as 404). */
public enum AuditOutcome {
	SUCCESS, DENIED, FAILED
}
