package org.consilium.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action code the audit trail holds, from this release and earlier ones (a database keeps its rows forever), with
 * the plain words the patient reads in their access log. A code is stored as text ({@code audit.audit_event.action}),
 * so a row written by an earlier release keeps its code; codes no longer written are marked as such in their comment.
 */
public enum AuditAction {

	CASE_CREATE("case.create", "Started the request"),
	CASE_UPDATE("case.update", "Changed the request"),
	CASE_SUBMIT("case.submit", "Sent the request"),
	CASE_WITHDRAW("case.withdraw", "Withdrew the request"),
	CASE_RECORDS_RECEIVED("case.records-received", "Said the requested records are added"),
	CASE_CLOSE("case.close", "Closed the case"),
	CASE_READ("case.read", "Read the case"),
	CASE_LIST("case.list", "Saw the case in a list"),
	CASE_ACCESS_LOG("case.access-log", "Read this access log"),
	CASE_UPDATE_LOCALE("case.update-locale", "Recorded your language and where you live"),
	CASE_PANEL_READ("case.panel.read", "Looked at who reviews the case"),
	/** The patient accepted the referring physician's invitation, which links the draft to their account. */
	CASE_INVITATION_ACCEPT("case.invitation.accept", "Accepted the invitation to this request"),
	/** A transition refused because the actor lost their relation to the case during the request. */
	CASE_TRANSITION("case.transition", "Changed the state of the case"),

	TRIAGE_READ("triage.read", "Read the case for triage"),
	TRIAGE_START("triage.start", "Started triage"),
	TRIAGE_REQUEST_RECORDS("triage.request-records", "Asked you for more records"),
	TRIAGE_CODE_DIAGNOSIS("triage.diagnosis.code", "Added the code of the diagnosis you were given"),
	TRIAGE_DECLINE("triage.decline", "Declined the request"),
	TRIAGE_ASSIGN("triage.assign", "Chose the specialist"),
	TRIAGE_ASSIGN_OVERRIDE("triage.assign-override", "Chose a specialist other than the suggested ones, with a reason"),
	TRIAGE_ASSIGN_PANEL("triage.assign-panel", "Chose a panel of specialists"),
	TRIAGE_CHECKLIST_READ("triage.checklist.read", "Looked at the list of needed records"),
	TRIAGE_CHECKLIST_UPDATE("triage.checklist.update", "Ticked which needed records are there"),
	TRIAGE_CHECKLIST_REQUEST("triage.checklist.request", "Asked you for missing records"),
	TRIAGE_URGENT_FINDING_MARK("triage.urgent-finding.mark", "Marked an urgent finding"),
	TRIAGE_URGENT_FINDING_READ("triage.urgent-finding.read", "Read the urgent findings"),
	TRIAGE_URGENT_FINDING_LIST("triage.urgent-finding.list", "Saw an urgent finding in a list"),
	TRIAGE_URGENT_FINDING_ACKNOWLEDGE("triage.urgent-finding.acknowledge", "Took up an urgent finding"),
	TRIAGE_NOTICES_READ("triage.notices.read", "Read the case's notices"),

	MATCHING_RANK("matching.rank", "Compared specialists for the case"),
	/** Written before triage assigned (then {@link #TRIAGE_ASSIGN}). */
	MATCHING_ASSIGN("matching.assign", "Chose the specialist"),
	/** Written before triage assigned (then {@link #TRIAGE_ASSIGN_OVERRIDE}). */
	MATCHING_OVERRIDE("matching.override", "Chose a specialist other than the suggested ones, with a reason"),
	MATCHING_DECISIONS("matching.decisions", "Looked at how the specialist was chosen"),
	MATCHING_PROFILE_UPDATE("matching.profile.update", "Changed a specialist's directory profile"),

	REVIEW_WORKSPACE("review.workspace", "Opened the case to review it"),
	REVIEW_ACCEPT("review.accept", "Accepted to review the case"),
	REVIEW_DECLINE("review.decline", "Declined to review the case"),
	REVIEW_IMPRESSION("review.impression", "Wrote a first impression before seeing the first opinion"),
	REVIEW_IMPRESSION_READ("review.impression.read", "Read the first impression"),
	/** Written with {@link #REVIEW_IMPRESSION} by earlier releases. */
	REVIEW_IMPRESSION_RECORDED("review.impression-recorded", "Wrote a first impression before seeing the first opinion"),
	/** Written with {@link #REVIEW_CLARIFICATION_ASK} by earlier releases. */
	REVIEW_ASK_PATIENT("review.ask-patient", "Asked you a question"),
	/** Written with {@link #REVIEW_CLARIFICATION_ANSWER} by earlier releases. */
	REVIEW_PATIENT_ANSWERED("review.patient-answered", "Your answers returned the case to review"),
	REVIEW_CLARIFICATION_ASK("review.clarification.ask", "Asked you a question"),
	REVIEW_CLARIFICATION_ANSWER("review.clarification.answer", "Answered the specialist's question"),
	REVIEW_CLARIFICATION_READ("review.clarification.read", "Read the questions and answers"),
	REVIEW_OPINION_READ("review.opinion.read", "Read the draft opinion"),
	REVIEW_OPINION_SAVE("review.opinion.save", "Worked on the opinion"),
	REVIEW_OPINION_SIGN("review.opinion.sign", "Signed the opinion"),
	/** Written with {@link #REVIEW_OPINION_SIGN} by earlier releases. */
	REVIEW_SIGN("review.sign", "Signed the opinion"),
	REVIEW_PANEL_OPINION_SAVE("review.panel.opinion.save", "Wrote a panel member's opinion"),
	REVIEW_PANEL_OPINION_READ("review.panel.opinion.read", "Read the panel members' opinions"),
	REVIEW_PANEL_DISSENT("review.panel.dissent", "Recorded a panel member's dissent"),
	REVIEW_PANEL_DISSENT_READ("review.panel.dissent.read", "Read the panel members' dissents"),

	OPINION_READ("opinion.read", "Read the opinion"),
	OPINION_DELIVER("opinion.deliver", "Released the opinion to you"),
	OPINION_FOLLOW_UP_ASK("opinion.follow-up.ask", "Asked a follow-up question"),
	OPINION_FOLLOW_UP_ANSWER("opinion.follow-up.answer", "Answered a follow-up question"),
	OPINION_FOLLOW_UP_RETURN("opinion.follow-up.return", "Passed a follow-up question on because the specialist left"),
	OPINION_FEEDBACK("opinion.feedback", "Gave feedback and closed the case"),
	OPINION_PDF_DOWNLOAD("opinion.pdf.download", "Downloaded the opinion as PDF"),
	OPINION_FINGERPRINT("opinion.fingerprint", "Recorded the signed opinion's fingerprint"),
	OPINION_VERIFY("opinion.verify", "Checked a document of the opinion"),
	OPINION_FHIR_DOCUMENT("opinion.fhir-document", "Downloaded the opinion as a FHIR document"),
	OPINION_ADDENDUM("opinion.addendum", "Added an addendum, which made a new version of the opinion"),
	OPINION_VERSION_READ("opinion.version.read", "Read an earlier version of the opinion"),
	/** A person without an account checked a document with its fingerprint and the case's code. */
	OPINION_VERIFY_WITH_CODE("opinion.verify.code", "Someone with your code checked a document of the opinion"),
	OPINION_VERIFICATION_CODE("opinion.verification-code", "Made a new code for checking the opinion's documents"),

	/** The patient's sharing choices (consent records, issue #12): read, given, revoked. */
	SHARING_CONSENT_READ("sharing.consent.read", "Looked at who the case is shared with"),
	SHARING_CONSENT_GRANT("sharing.consent.grant", "Agreed to share the case"),
	SHARING_CONSENT_REVOKE("sharing.consent.revoke", "Withdrew a consent to share the case"),
	/** A link to the opinion sent to a physician outside the program (two e-mails: the link, then a code). */
	SHARING_LINK_SEND("sharing.link.send", "Sent the opinion to a physician by a secure link"),
	/** A link opened: SUCCESS when the code e-mail went out, DENIED for a used, expired, revoked or locked link. */
	SHARING_LINK_OPEN("sharing.link.open", "Opened the secure link to the opinion"),
	/** The link's one-time code: SUCCESS, or FAILED for a wrong one (five lock the link). */
	SHARING_LINK_CODE("sharing.link.code", "Entered the code of the secure link"),
	/** The page of what the patient sent, read by the physician through the link. */
	SHARING_LINK_READ("sharing.link.read", "Read what you sent, through the secure link"),

	RECORDS_READ("records.read", "Looked at the records"),
	RECORDS_DOCUMENT_READ("records.document.read", "Opened a document"),
	RECORDS_DOCUMENT_UPLOAD("records.document.upload", "Uploaded a document"),
	RECORDS_DOCUMENT_QUARANTINE("records.document.quarantine", "Set aside a document the virus scan flagged"),
	RECORDS_DOCUMENT_WITHDRAW("records.document.withdraw", "Withdrew a document"),
	/** An administrator listed the documents withdrawn as another person's (one entry per case listed). */
	RECORDS_DOCUMENT_WITHDRAWN_READ("records.document.withdrawn.read", "An administrator checked documents withdrawn as another person's"),
	RECORDS_FHIR_IMPORT("records.fhir.import", "Imported health records"),
	RECORDS_FHIR_IMPORT_STATUS("records.fhir.import.status", "Followed an import of health records"),
	RECORDS_FHIR_IMPORT_WRONG_PATIENT("records.fhir.import.wrong-patient", "Stopped an import of records about another person"),
	RECORDS_FHIR_IMPORT_PATIENT_MISMATCH_CONFIRMED("records.fhir.import.patient-mismatch-confirmed",
			"Confirmed an import of records whose name or birth date differs"),
	RECORDS_FHIR_IMPORT_DISCARDED("records.fhir.import.discarded", "Did not import records after a check"),
	RECORDS_FHIR_IMPORT_PATIENT_DETAILS_TAKEN("records.fhir.import.patient-details-taken",
			"Recorded the patient's name, birth date and sex from confirmed records"),

	PHENOTYPE_READ("phenotype.read", "Read the signs and symptoms"),
	PHENOTYPE_UPDATE("phenotype.update", "Changed the signs and symptoms"),
	PHENOTYPE_FEATURE_ADD("phenotype.feature.add", "Added a sign or symptom"),
	PHENOTYPE_FEATURE_REMOVE("phenotype.feature.remove", "Removed a sign or symptom"),
	PHENOTYPE_PHENOPACKET_IMPORT("phenotype.phenopacket.import", "Imported signs and symptoms from a file"),
	PHENOTYPE_TERMS_SEARCH("phenotype.terms.search", "Searched the list of signs and symptoms"),

	DDX_READ("ddx.read", "Looked at the list of possible diagnoses"),
	DDX_RANK("ddx.rank", "Updated the list of possible diagnoses"),
	DDX_EXPLAIN("ddx.explain", "Looked at why a diagnosis is on the list"),
	DDX_NEXT("ddx.next", "Looked at which signs to check next"),
	DDX_NEXT_UNEXAMINABLE("ddx.next.unexaminable", "Noted that a suggested sign cannot be examined"),

	/** An administrator's action on another account (the record is the account). No case. */
	IDENTITY_ACCOUNT_PASSWORD_RESET("identity.account.password-reset", "Gave an account a new one-time password"),
	IDENTITY_ACCOUNT_RESET_LINK("identity.account.reset-link", "Sent an account a link to set a new password"),
	IDENTITY_ACCOUNT_UNLOCK("identity.account.unlock", "Unlocked an account after too many failed sign-ins"),
	IDENTITY_ACCOUNT_DEACTIVATE("identity.account.deactivate", "Deactivated an account"),
	IDENTITY_ACCOUNT_REACTIVATE("identity.account.reactivate", "Reactivated an account"),
	IDENTITY_ACCOUNT_ROLE_CHANGE("identity.account.role-change", "Changed the role or specialty of an account"),
	IDENTITY_ACCOUNT_SECOND_FACTOR_RESET("identity.account.second-factor-reset", "Removed the second factor of an account"),
	/** A session ended at its next request because an administrator deactivated or changed the account. */
	IDENTITY_SESSION_ENDED("identity.session.ended", "Was signed out because the account was changed"),
	/** The second factor (TOTP, RFC 6238): enrolment, a code at sign-in (SUCCESS or FAILED), a recovery code used. */
	IDENTITY_SECOND_FACTOR_ENROL("identity.second-factor.enrol", "Set up a second factor for signing in"),
	IDENTITY_SECOND_FACTOR("identity.second-factor", "Entered a code from the authenticator app"),
	IDENTITY_RECOVERY_CODE("identity.second-factor.recovery-code", "Used a recovery code to sign in"),
	/** Asked again for the password or a code before signing an opinion or changing another account. */
	IDENTITY_STEP_UP("identity.step-up", "Confirmed who they are again before an important step"),
	/** A deactivated specialist's open case went back to the coordinators' queue; their unsigned draft was voided. */
	TRIAGE_SPECIALIST_DEPARTED("triage.specialist-departed", "Returned the case to the coordinators because its specialist left"),
	TRIAGE_PANEL_MEMBER_DEPARTED("triage.panel-member-departed", "Took a specialist who left off the case's panel"),
	REVIEW_OPINION_VOID("review.opinion.void", "Set aside an unsigned draft opinion because its specialist left"),

	/** A sign-in: SUCCESS, or FAILED for a wrong password (recorded against the account when it exists). No case. */
	IDENTITY_SIGN_IN("identity.sign-in", "Signed in"),
	/** A sign-in refused with 429 after too many failed ones (recorded against the account when it exists). No case. */
	IDENTITY_SIGN_IN_LIMITED("identity.sign-in.limited", "Was stopped from signing in after too many wrong passwords"),
	IDENTITY_SIGN_OUT("identity.sign-out", "Signed out"),
	/** A signed-in session that ended by itself after the idle timeout ({@code server.servlet.session.timeout}). No case. */
	IDENTITY_SESSION_EXPIRED("identity.session-expired", "Was signed out after a time without activity"),
	/** A single sign-on: SUCCESS, or FAILED when refused (recorded against the linked or matching account when known). No case. */
	IDENTITY_SSO_SIGN_IN("identity.sso.sign-in", "Signed in through the hospital's sign-on"),
	/** The first single sign-on of a provider's user linked to the existing account with the same verified address. */
	IDENTITY_SSO_LINK("identity.sso.link", "Linked the account to the hospital's sign-on"),
	/** The first single sign-on of a provider's user without an account made one. */
	IDENTITY_SSO_ACCOUNT_CREATE("identity.sso.account-create", "Got an account at the first sign-in through the hospital's sign-on"),
	/** The provider's role claim changed the account's role at a single sign-on. */
	IDENTITY_SSO_ROLE_CHANGE("identity.sso.role-change", "Got a new role from the hospital's sign-on"),
	/** A signed-in single sign-on session ended: by the user (with the provider's session) or by the provider. */
	IDENTITY_SSO_SIGN_OUT("identity.sso.sign-out", "Signed out of Consilium and the hospital's sign-on"),
	/** A password changed by its owner, or set through a reset link. No case. */
	IDENTITY_PASSWORD_CHANGE("identity.password.change", "Changed the password");

	private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

	private final String code;

	private final String wording;

	AuditAction(String code, String wording) {
		this.code = code;
		this.wording = wording;
	}

	/** The code as stored in {@code audit.audit_event.action}, e.g. {@code case.submit}. */
	public String code() {
		return code;
	}

	/** What the patient reads in their access log: a short sentence without codes or jargon. */
	public String wording() {
		return wording;
	}

	/** The action of a stored code, if it is one of the catalogue's. */
	public static Optional<AuditAction> ofCode(String code) {
		return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
	}

	/** The patient's words for a stored code; a code outside the catalogue reads "Another action". */
	public static String wordingOf(String code) {
		return ofCode(code).map(AuditAction::wording).orElse("Another action");
	}
}
