package org.consilium.review;

/** How invasive a treatment option is, as shown to the patient beside its benefit and risks. */
public enum Invasiveness {
	NON_INVASIVE("Non-invasive"),
	MINIMALLY_INVASIVE("Minimally invasive"),
	INVASIVE("Invasive");

	private final String label;

	Invasiveness(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
