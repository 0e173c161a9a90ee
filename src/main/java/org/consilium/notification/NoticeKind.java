package org.consilium.notification;

/**
 * What an in-app notice is about. The label names the kind of news only, never a condition, a case title or a name;
 * the e-mail for any kind says only that there is news.
 */
public enum NoticeKind {
	CASE_SUBMITTED("A new case was submitted for triage."),
	RECORDS_REQUESTED("The coordinator asks for more records for your case."),
	ASSIGNED("A case was assigned to you for review."),
	CLARIFICATION_REQUESTED("The specialist asked you a question about your case."),
	OPINION_DELIVERED("The second opinion on your case is ready."),
	TRIAGE_CLOCK_50("A case has used half of its triage time."),
	TRIAGE_CLOCK_80("A case has used 80 % of its triage time."),
	TRIAGE_CLOCK_100("A case has reached its triage deadline."),
	REVIEW_CLOCK_50("A case has used half of its review time."),
	REVIEW_CLOCK_80("A case has used 80 % of its review time."),
	REVIEW_CLOCK_100("A case has reached its review deadline."),
	URGENT_FINDING("A specialist marked an urgent finding in a case."),
	CONTACT_PHYSICIAN("Please contact your treating physician soon about your case."),
	FOLLOW_UP_PASSED_ON("A follow-up question waits for another specialist, since the case's specialist left."),
	FOLLOW_UP_ASKED("A follow-up question about an opinion you wrote is waiting for your answer."),
	FOLLOW_UP_ANSWERED("The specialist answered a follow-up question about your second opinion."),
	OPINION_NEW_VERSION("There is a new version of the second opinion on your case.");

	/** The kinds whose notice points at the case's opinion page: reading the opinion marks them read. */
	static final java.util.Set<NoticeKind> ABOUT_THE_OPINION = java.util.EnumSet.of(OPINION_DELIVERED, FOLLOW_UP_ASKED, FOLLOW_UP_ANSWERED,
			OPINION_NEW_VERSION);

	private final String label;

	NoticeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Where the notice leads for a case: the opinion page for news about the opinion, else the case page. */
	public String path(java.util.UUID caseId) {
		return "/cases/" + caseId + (ABOUT_THE_OPINION.contains(this) ? "/opinion" : "");
	}

	/** The escalation kind of a clock ({@code "triage"} or {@code "review"}) at a threshold (50, 80 or 100). */
	static NoticeKind escalation(String clock, int thresholdPercent) {
		return valueOf(clock.toUpperCase(java.util.Locale.ROOT) + "_CLOCK_" + thresholdPercent);
	}
}
