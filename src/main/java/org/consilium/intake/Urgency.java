package org.consilium.intake;

/**
 * How soon the patient needs the opinion. Consilium is never for emergencies: an emergency is declined and the
 * patient is told to call emergency services.
 */
public enum Urgency {
	ROUTINE("Routine"), SOON("Soon: a treatment decision is due within weeks"), URGENT("Urgent: a treatment decision is due within days");

	private final String label;

	Urgency(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
