package org.consilium.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.UserId;

/**
 * A request for a second opinion: the case. Its state changes only through the verbs below, each checking the
 * lifecycle ({@link CaseAction}) and recording a {@link StatusChange}; a wrong state throws
 * {@link IllegalTransitionException} (409). The draft's content is editable only in {@code DRAFT}. Optimistic
 * locking ({@code version}) makes a second, stale save fail instead of overwriting.
 */
@Table(schema = "intake", name = "opinion_request")
class OpinionRequest extends AbstractAggregateRoot<OpinionRequest> {

	@Id
	private final UUID id;
	@Version
	private Integer version;
	private OpinionRequestStatus status;
	private UUID patientId;
	private final UUID referrerId;
	private final UUID createdBy;
	private final UUID requestToken;
	private UUID coordinatorId;
	private UUID specialistId;
	private String reason;
	private String firstDiagnosisText;
	private CodeSystem firstDiagnosisSystem;
	private String firstDiagnosisCode;
	private String proposedTreatment;
	private String firstPhysician;
	private String firstInstitution;
	private LocalDate firstOpinionDate;
	private String symptomsAndHistory;
	private Urgency urgency;
	private boolean consentToShare;
	private Instant consentAt;
	private String specialtyCode;
	private DeclineReason declineReason;
	private String statusNote;
	private Instant impressionRecordedAt;
	private UUID lastEditSession;
	private String patientFamilyName;
	private String patientGivenNames;
	private LocalDate patientBirthDate;
	private String patientSex;
	private final Instant createdAt;

	@MappedCollection(idColumn = "opinion_request_id", keyColumn = "position")
	private List<PatientQuestion> questions;
	@MappedCollection(idColumn = "opinion_request_id")
	private java.util.Set<PanelMember> panel = new java.util.HashSet<>();

	@Transient
	private final List<StatusChange> pendingChanges = new ArrayList<>();

	@PersistenceCreator
	OpinionRequest(UUID id, Integer version, OpinionRequestStatus status, UUID patientId, UUID referrerId, UUID createdBy,
			UUID requestToken, UUID coordinatorId, UUID specialistId, String reason, String firstDiagnosisText,
			CodeSystem firstDiagnosisSystem, String firstDiagnosisCode, String proposedTreatment, String firstPhysician,
			String firstInstitution, LocalDate firstOpinionDate, String symptomsAndHistory, Urgency urgency,
			boolean consentToShare, Instant consentAt, String specialtyCode, DeclineReason declineReason, String statusNote,
			Instant impressionRecordedAt, UUID lastEditSession, Instant createdAt, List<PatientQuestion> questions) {
		this.id = id;
		this.version = version;
		this.status = status;
		this.patientId = patientId;
		this.referrerId = referrerId;
		this.createdBy = createdBy;
		this.requestToken = requestToken;
		this.coordinatorId = coordinatorId;
		this.specialistId = specialistId;
		this.reason = reason;
		this.firstDiagnosisText = firstDiagnosisText;
		this.firstDiagnosisSystem = firstDiagnosisSystem;
		this.firstDiagnosisCode = firstDiagnosisCode;
		this.proposedTreatment = proposedTreatment;
		this.firstPhysician = firstPhysician;
		this.firstInstitution = firstInstitution;
		this.firstOpinionDate = firstOpinionDate;
		this.symptomsAndHistory = symptomsAndHistory;
		this.urgency = urgency;
		this.consentToShare = consentToShare;
		this.consentAt = consentAt;
		this.specialtyCode = specialtyCode;
		this.declineReason = declineReason;
		this.statusNote = statusNote;
		this.impressionRecordedAt = impressionRecordedAt;
		this.lastEditSession = lastEditSession;
		this.createdAt = createdAt;
		this.questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions);
	}

	/** A new draft for a patient, created by the patient or their referring physician. */
	static OpinionRequest draft(UUID patientId, UUID referrerId, UUID createdBy, UUID requestToken, DraftContent content, Instant now) {
		OpinionRequest request = new OpinionRequest(UUID.randomUUID(), null, OpinionRequestStatus.DRAFT, patientId, referrerId,
				createdBy, requestToken, null, null, "", "", null, "", "", "", "", null, "", Urgency.ROUTINE, false, null, null,
				null, null, null, null, now, List.of());
		request.edit(content, now);
		request.pendingChanges.add(new StatusChange(null, OpinionRequestStatus.DRAFT, now, UserId.ofNullable(createdBy), null));
		return request;
	}

	/**
	 * Replaces the draft's content from one editing form. {@code expectedVersion} is the version that form read; a
	 * different current version means someone else saved since, unless the last save came from the same form
	 * ({@code editSession}, one per rendering of the page), whose autosave simply ran ahead of it.
	 * @throws EditConflictException when another form saved since
	 */
	void edit(DraftContent content, Integer expectedVersion, UUID editSession, Instant now) {
		boolean sameForm = editSession != null && editSession.equals(lastEditSession);
		if (!java.util.Objects.equals(expectedVersion, version) && !sameForm) {
			throw new org.consilium.shared.EditConflictException();
		}
		edit(content, now);
		this.lastEditSession = editSession;
	}

	/** Replaces the draft's content; only a draft ({@link IllegalTransitionException}), with valid content ({@link InvalidInputException}). */
	void edit(DraftContent content, Instant now) {
		if (status != OpinionRequestStatus.DRAFT) {
			throw new IllegalTransitionException("Only a draft can be edited; this case is " + status.label().toLowerCase() + ".");
		}
		List<String> qs = content.questions() == null ? List.of()
				: content.questions().stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
		if (qs.size() > DraftContent.MAX_QUESTIONS) {
			throw new InvalidInputException("Ask at most " + DraftContent.MAX_QUESTIONS + " questions.");
		}
		String typed = text(content.firstDiagnosisCode(), "diagnosis code").toUpperCase(java.util.Locale.ROOT);
		CodeSystem system = typed.isEmpty() ? null : content.firstDiagnosisSystem();
		String code = system == null ? typed : system.bare(typed);
		checkCode(system, code);
		this.reason = text(content.reason(), "reason");
		this.firstDiagnosisText = text(content.firstDiagnosisText(), "first diagnosis");
		this.firstDiagnosisCode = code;
		this.firstDiagnosisSystem = system;
		this.proposedTreatment = text(content.proposedTreatment(), "proposed treatment");
		this.firstPhysician = text(content.firstPhysician(), "physician");
		this.firstInstitution = text(content.firstInstitution(), "institution");
		if (content.firstOpinionDate() != null && content.firstOpinionDate().isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1))) {
			throw new InvalidInputException("The date of the first opinion cannot be in the future.");
		}
		this.firstOpinionDate = content.firstOpinionDate();
		this.symptomsAndHistory = text(content.symptomsAndHistory(), "symptoms and history");
		this.urgency = content.urgency() == null ? Urgency.ROUTINE : content.urgency();
		this.consentAt = !content.consentToShare() ? null : consentToShare ? consentAt : now;
		this.consentToShare = content.consentToShare();
		this.questions = new ArrayList<>(qs.stream().map(PatientQuestion::new).toList());
		setPatient(content.patient() == null ? PatientDetails.none() : content.patient(), now);
	}

	/**
	 * Records who the case is about when none is recorded yet (a case from before intake asked), from an import whose
	 * patient someone with access to the case has confirmed. A case with recorded details keeps them.
	 * @return whether the details were taken
	 */
	boolean adoptPatient(PatientDetails details, Instant now) {
		if (patient().recorded() || details == null || !details.recorded()) {
			return false;
		}
		setPatient(details, now);
		return true;
	}

	/** Links the patient who accepted the referrer's invitation to a draft made for them: once, and only as a draft. */
	boolean acceptPatient(UUID patient) {
		if (patientId != null || status != OpinionRequestStatus.DRAFT) {
			return false;
		}
		this.patientId = patient;
		return true;
	}

	private void setPatient(PatientDetails details, Instant now) {
		PatientDetails p = details.cleaned(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
		this.patientFamilyName = p.familyName();
		this.patientGivenNames = p.givenNames();
		this.patientBirthDate = p.birthDate();
		this.patientSex = p.sex() == null ? null : p.sex().code();
	}

	/**
	 * Submits the draft. Idempotent: submitting an already submitted case changes nothing (a double click).
	 * @throws InvalidInputException when the reason, the first diagnosis, a question, the consent or a part of the
	 *         patient's details (family and given names, birth date, sex) is missing; the message names each
	 */
	void submit(UUID by, Instant now) {
		if (status == OpinionRequestStatus.SUBMITTED) {
			return;
		}
		List<String> missing = new ArrayList<>();
		if (reason.isBlank()) missing.add("the reason for the request");
		if (firstDiagnosisText.isBlank()) missing.add("the diagnosis you were given");
		if (questions.isEmpty()) missing.add("at least one question for the specialist");
		if (!consentToShare) missing.add("your consent to share the records with the reviewers");
		if (patientId == null) missing.add("the patient's acceptance of your invitation (they have not accepted it yet)");
		missing.addAll(patient().missing());
		if (status == OpinionRequestStatus.DRAFT) {
			checkCode(firstDiagnosisSystem, firstDiagnosisCode);
		}
		if (!missing.isEmpty() && status == OpinionRequestStatus.DRAFT) {
			throw new InvalidInputException("Before submitting, add " + String.join(", ", missing) + ".");
		}
		move(CaseAction.SUBMIT, by, now, null);
	}

	void withdraw(UUID by, Instant now) {
		move(CaseAction.WITHDRAW, by, now, null);
	}

	/** The patient revoked the reviewers' consent: a case under way is withdrawn, and no reviewer reads it from now on. */
	void withdrawConsent(UUID by, Instant now) {
		if (CaseAction.WITHDRAW_CONSENT.allowedFrom(status)) move(CaseAction.WITHDRAW_CONSENT, by, now, "Consent to share withdrawn");
		consentToShare = false;
	}

	void startTriage(UUID coordinator, Instant now) {
		move(CaseAction.START_TRIAGE, coordinator, now, null);
		this.coordinatorId = coordinator;
	}

	void requestRecords(UUID coordinator, String message, Instant now) {
		if (message == null || message.isBlank()) {
			throw new InvalidInputException("Tell the patient which records are missing.");
		}
		move(CaseAction.REQUEST_RECORDS, coordinator, now, message.strip());
		this.coordinatorId = coordinator;
		this.statusNote = message.strip();
	}

	/** The coordinator codes a first diagnosis the patient gave in words, before the case is assigned. */
	void codeFirstDiagnosis(CodeSystem system, String code) {
		if (status != OpinionRequestStatus.SUBMITTED && status != OpinionRequestStatus.IN_TRIAGE && status != OpinionRequestStatus.AWAITING_RECORDS) {
			throw new IllegalTransitionException("The diagnosis is coded during triage, before the case is assigned.");
		}
		String normalized = system == null ? (code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT)) : system.bare(code);
		if (normalized.isEmpty()) {
			throw new InvalidInputException("Enter the code of the diagnosis.", CODE_FIELD);
		}
		checkCode(system, normalized);
		this.firstDiagnosisSystem = system;
		this.firstDiagnosisCode = normalized;
	}

	void recordsReceived(UUID by, Instant now) {
		move(CaseAction.RECORDS_RECEIVED, by, now, null);
		this.statusNote = null;
	}
	void decline(UUID coordinator, DeclineReason why, String note, Instant now) {
		if (why == null) {
			throw new InvalidInputException("Choose why the case is declined.");
		}
		move(CaseAction.DECLINE, coordinator, now, why.name());
		this.declineReason = why;
		this.statusNote = note == null ? null : note.strip();
	}

	/** Completes triage and assigns the specialist: the triage clock stops and the review clock starts. */
	void assign(UUID coordinator, String specialty, Urgency triagedUrgency, UUID specialist, Instant now) {
		if (specialist == null || specialty == null || specialty.isBlank()) {
			throw new InvalidInputException("Choose a specialty and a specialist.");
		}
		move(CaseAction.ASSIGN, coordinator, now, specialty);
		this.coordinatorId = coordinator;
		this.specialtyCode = specialty;
		this.urgency = triagedUrgency == null ? urgency : triagedUrgency;
		this.specialistId = specialist;
		this.impressionRecordedAt = null;
		this.panel = new java.util.HashSet<>();
	}

	/**
	 * Completes triage and sends the case to a panel: the chair is assigned like a single specialist (accepts, writes
	 * and signs the consensus); the members get access and write independent opinions.
	 * @throws InvalidInputException unless there are {@value CasePanel#MIN_MEMBERS}–{@value CasePanel#MAX_MEMBERS}
	 *         distinct members besides the chair
	 */
	void assignPanel(UUID coordinator, String specialty, Urgency triagedUrgency, UUID chair, java.util.Set<UUID> members, Instant now) {
		if (members == null || members.size() < CasePanel.MIN_MEMBERS || members.size() > CasePanel.MAX_MEMBERS) {
			throw new InvalidInputException("A panel has a chair and " + CasePanel.MIN_MEMBERS + " to " + CasePanel.MAX_MEMBERS
					+ " other specialists.");
		}
		if (members.contains(chair)) {
			throw new InvalidInputException("The chair leads the panel; choose the other members besides the chair.");
		}
		assign(coordinator, specialty, triagedUrgency, chair, now);
		members.forEach(m -> panel.add(new PanelMember(m, null)));
	}

	boolean isPanelMember(UUID userId) {
		return panel.stream().anyMatch(m -> m.memberId().equals(userId));
	}

	/** A deactivated member leaves the panel of a case assigned or in review; the chair goes on ({@link PanelMember#without}). */
	void endPanelMembership(UUID member) {
		panel = PanelMember.without(panel, member, CaseAction.RELEASE.allowedFrom(status));
	}

	java.util.List<PanelMember> panel() {
		return panel.stream().sorted(java.util.Comparator.comparing(m -> m.memberId().toString())).toList();
	}

	void accept(UUID specialist, Instant now) { move(CaseAction.ACCEPT, specialist, now, null); }

	void unassign(CaseAction action, UUID specialist, String why, Instant now) {
		if (why == null || why.isBlank()) {
			throw new InvalidInputException("Say why you decline the case, for the coordinator.");
		}
		move(action, specialist, now, why.strip());
		this.specialistId = null;
		this.panel = new java.util.HashSet<>();
		this.statusNote = why.strip();
		this.impressionRecordedAt = null; // back in the queue: the next specialist records their own blinded impression
	}

	void askPatient(UUID specialist, Instant now) { move(CaseAction.ASK_PATIENT, specialist, now, null); }

	void patientAnswered(UUID patient, Instant now) {
		move(CaseAction.PATIENT_ANSWERED, patient, now, null);
	}

	/** The chair's (or single specialist's) impression, or a panel member's own. */
	void recordImpression(UUID specialist, Instant now) {
		if (isPanelMember(specialist)) {
			panel = PanelMember.withImpression(panel, specialist, now);
		}
		else if (impressionRecordedAt == null) {
			impressionRecordedAt = now;
		}
	}

	void signOpinion(UUID specialist, Instant now) {
		if (impressionRecordedAt == null) {
			throw new IllegalTransitionException("Save your independent impression before signing the opinion.");
		}
		move(CaseAction.SIGN, specialist, now, null);
	}

	void deliver(UUID by, Instant now) {
		move(CaseAction.DELIVER, by, now, null);
	}

	void close(UUID by, Instant now) {
		move(CaseAction.CLOSE, by, now, null);
	}

	private void move(CaseAction action, UUID by, Instant now, String note) {
		if (!action.allowedFrom(status)) {
			throw new IllegalTransitionException(action.illegalMessage(status));
		}
		OpinionRequestStatus from = status;
		status = action.target();
		pendingChanges.add(new StatusChange(from, status, now, UserId.ofNullable(by), note));
		registerEvent(new OpinionRequestStatusChanged(new CaseId(id), from, status, now));
	}

	/** The field of the first diagnosis code, as problem details and forms name it. */
	static final String CODE_FIELD = "firstDiagnosisCode";

	/**
	 * Checks a first diagnosis code against its system's form ({@link CodeSystem#malformation}); a blank code needs no
	 * system (the coordinator codes plain words at triage).
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422, field {@code firstDiagnosisCode})
	 */
	static void checkCode(CodeSystem system, String code) {
		if (code == null || code.isEmpty()) {
			return;
		}
		if (system == null) {
			throw new InvalidInputException("Choose the code system of the diagnosis code (ICD-10-CM, SNOMED CT, OMIM, ORPHA or Mondo), or leave the code empty.",
					CODE_FIELD);
		}
		system.malformation(code).ifPresent(why -> {
			throw new InvalidInputException(why + " Choose the diagnosis from the suggestions, or leave the code empty and describe it in words.", CODE_FIELD);
		});
	}

	private static String text(String value, String field) {
		String v = value == null ? "" : value.strip();
		if (v.length() > DraftContent.MAX_TEXT) {
			throw new InvalidInputException("The " + field + " is longer than " + DraftContent.MAX_TEXT + " characters.");
		}
		return v;
	}

	List<StatusChange> drainPendingChanges() {
		List<StatusChange> drained = List.copyOf(pendingChanges);
		pendingChanges.clear();
		return drained;
	}

	UUID id() { return id; }
	Integer version() { return version; }
	OpinionRequestStatus status() { return status; }
	UUID patientId() { return patientId; }
	UUID referrerId() { return referrerId; }
	UUID createdBy() { return createdBy; }
	UUID coordinatorId() { return coordinatorId; }
	UUID specialistId() { return specialistId; }
	String reason() { return reason; }
	String firstDiagnosisText() { return firstDiagnosisText; }
	CodeSystem firstDiagnosisSystem() { return firstDiagnosisSystem; }
	String firstDiagnosisCode() { return firstDiagnosisCode; }
	String proposedTreatment() { return proposedTreatment; }
	String firstPhysician() { return firstPhysician; }
	String firstInstitution() { return firstInstitution; }
	LocalDate firstOpinionDate() { return firstOpinionDate; }
	String symptomsAndHistory() { return symptomsAndHistory; }
	Urgency urgency() { return urgency; }
	boolean consentToShare() { return consentToShare; }
	String specialtyCode() { return specialtyCode; }
	DeclineReason declineReason() { return declineReason; }
	String statusNote() { return statusNote; }
	Instant impressionRecordedAt() { return impressionRecordedAt; }
	UUID lastEditSession() { return lastEditSession; }
	PatientDetails patient() { return new PatientDetails(patientFamilyName, patientGivenNames, patientBirthDate, AdministrativeSex.ofCode(patientSex).orElse(null)); }
	Instant createdAt() { return createdAt; }
	List<String> questions() { return questions.stream().map(PatientQuestion::text).toList(); }
}
