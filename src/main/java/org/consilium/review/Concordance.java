package org.consilium.review;

/**
 * How the second opinion's diagnosis relates to the first (the coding used by Van Such et al., J Eval Clin Pract 2017,
 * "Extent of diagnostic agreement among medical referrals": confirmed 12 %, refined 66 %, changed 21 %).
 */
public enum Concordance {
	CONFIRMED("Confirmed", "The second opinion confirms the first diagnosis."),
	REFINED("Refined", "The diagnosis is the same in substance but more precise or more complete."),
	CHANGED("Changed", "The second opinion reaches a different diagnosis."),
	UNABLE_TO_ASSESS("Unable to assess", "The records do not allow a judgement on the first diagnosis.");

	private final String label;

	private final String meaning;

	Concordance(String label, String meaning) {
		this.label = label;
		this.meaning = meaning;
	}

	public String label() {
		return label;
	}

	/** One sentence for the patient. */
	public String meaning() {
		return meaning;
	}
}
