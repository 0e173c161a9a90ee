package org.consilium.intake;

/** Why a coordinator declines a case; the patient sees the label and the coordinator's note. */
public enum DeclineReason {
	OUT_OF_SCOPE("Outside the program's scope"),
	NOT_SUITABLE_FOR_RECORDS_REVIEW("Not suitable for a review of records alone"),
	EMERGENCY("An emergency: please call your local emergency number now");

	private final String label;

	DeclineReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
