package org.consilium.intake;

import static org.consilium.intake.OpinionRequestStatus.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The verbs that move a case, each with the states it starts from and the state it leads to
 * (docs/architecture.md, "The case lifecycle"). Any other combination is illegal and answers 409.
 */
enum CaseAction {
	SUBMIT(EnumSet.of(DRAFT), SUBMITTED, "submit"),
	WITHDRAW(EnumSet.of(DRAFT, SUBMITTED), WITHDRAWN, "withdraw"),
	START_TRIAGE(EnumSet.of(SUBMITTED), IN_TRIAGE, "start triage of"),
	REQUEST_RECORDS(EnumSet.of(IN_TRIAGE), AWAITING_RECORDS, "ask for records for"),
	RECORDS_RECEIVED(EnumSet.of(AWAITING_RECORDS), IN_TRIAGE, "send the records back for"),
	DECLINE(EnumSet.of(SUBMITTED, IN_TRIAGE, AWAITING_RECORDS), DECLINED, "decline"),
	ASSIGN(EnumSet.of(IN_TRIAGE), ASSIGNED, "assign"),
	ACCEPT(EnumSet.of(ASSIGNED), IN_REVIEW, "accept"),
	DECLINE_ASSIGNMENT(EnumSet.of(ASSIGNED), IN_TRIAGE, "decline the assignment of"),
	/** The assigned specialist's account was deactivated: the case goes back to the coordinators' queue. */
	RELEASE(EnumSet.of(ASSIGNED, IN_REVIEW, AWAITING_PATIENT), IN_TRIAGE, "take the specialist off"),
	ASK_PATIENT(EnumSet.of(IN_REVIEW), AWAITING_PATIENT, "ask the patient about"),
	PATIENT_ANSWERED(EnumSet.of(AWAITING_PATIENT), IN_REVIEW, "answer the question on"),
	SIGN(EnumSet.of(IN_REVIEW), OPINION_SIGNED, "sign the opinion of"),
	DELIVER(EnumSet.of(OPINION_SIGNED), DELIVERED, "deliver the opinion of"),
	CLOSE(EnumSet.of(DELIVERED), CLOSED, "close"),
	/** The patient revoked the reviewers' consent while the case was under way (issue #12 item 5). */
	WITHDRAW_CONSENT(EnumSet.of(SUBMITTED, IN_TRIAGE, AWAITING_RECORDS, ASSIGNED, IN_REVIEW, AWAITING_PATIENT), WITHDRAWN, "withdraw consent for");

	private final Set<OpinionRequestStatus> from;

	private final OpinionRequestStatus to;

	private final String verb;

	CaseAction(Set<OpinionRequestStatus> from, OpinionRequestStatus to, String verb) {
		this.from = from;
		this.to = to;
		this.verb = verb;
	}

	public boolean allowedFrom(OpinionRequestStatus status) {
		return from.contains(status);
	}

	public OpinionRequestStatus target() {
		return to;
	}

	/** The 409 message for an attempt from the wrong state. */
	String illegalMessage(OpinionRequestStatus current) {
		return "You cannot " + verb + " a case that is " + current.label().toLowerCase(java.util.Locale.ROOT) + ".";
	}
}
