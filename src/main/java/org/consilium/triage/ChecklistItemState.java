package org.consilium.triage;

/** Where one checklist item stands. */
public enum ChecklistItemState {
	/** Not found in the records yet. */
	MISSING("Missing"),
	/** The coordinator found it in the records. */
	PRESENT("Present"),
	/** Asked from the patient with the request-records step; the triage clock pauses while they gather it. */
	REQUESTED("Requested from the patient");

	private final String label;

	ChecklistItemState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
