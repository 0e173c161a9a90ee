package org.consilium.records;

/**
 * Why an upload is withdrawn (voided, never deleted; {@code records.document.void_kind}). The constant names are stored
 * and never change.
 */
public enum WithdrawalReason {

	/** The wrong file, a duplicate, or not needed: listed as withdrawn for everyone related to the case, never opened. */
	MISTAKE("Uploaded by mistake (wrong file, duplicate or not needed)"),
	/** About another person: hidden from everyone related to the case; only administrators see that it was there. */
	ANOTHER_PERSON("About another person");

	private final String label;

	WithdrawalReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
