package org.consilium.intake;

/**
 * The lifecycle of a case (docs/architecture.md, "The case lifecycle"), each state with its FHIR R4
 * {@code Task.status} code (http://hl7.org/fhir/R4/valueset-task-status.html).
 */
public enum OpinionRequestStatus {
	DRAFT("draft", "Draft"),
	SUBMITTED("requested", "Submitted"),
	IN_TRIAGE("received", "In triage"),
	AWAITING_RECORDS("on-hold", "Waiting for records"),
	ASSIGNED("ready", "Assigned to a specialist"),
	IN_REVIEW("in-progress", "In review"),
	AWAITING_PATIENT("on-hold", "Waiting for your answer"),
	OPINION_SIGNED("completed", "Opinion signed"),
	DELIVERED("completed", "Opinion delivered"),
	CLOSED("completed", "Closed"),
	WITHDRAWN("cancelled", "Withdrawn"),
	DECLINED("rejected", "Declined");

	private final String fhirTaskStatus;

	private final String label;

	OpinionRequestStatus(String fhirTaskStatus, String label) {
		this.fhirTaskStatus = fhirTaskStatus;
		this.label = label;
	}

	public String fhirTaskStatus() {
		return fhirTaskStatus;
	}

	public String label() {
		return label;
	}

	public boolean isFinal() {
		return this == CLOSED || this == WITHDRAWN || this == DECLINED;
	}
}
