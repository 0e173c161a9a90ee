package org.consilium.opinion;

/** Whether the patient intends to follow the second opinion's advice, asked when they close the case. */
public enum IntendsToFollow {
	YES("Yes"),
	NO("No"),
	UNSURE("Not sure yet");

	private final String label;

	IntendsToFollow(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
