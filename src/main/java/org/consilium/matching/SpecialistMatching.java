package org.consilium.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.ddx.MondoCrosswalk;
import org.consilium.ddx.MondoRelease;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.Specialty;
import org.consilium.identity.UserView;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.CaseDeadline;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.PatientLocale;
import org.consilium.matching.SpecialistRanking.Candidate;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.DeadlineClock;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The specialist directory and matching. Administrators and coordinators edit any specialist's profile, a specialist
 * their own; every save is validated (an unknown code is named in an {@link InvalidInputException}, 422, and nothing
 * changes) and audited. For a case in triage a coordinator gets the ranked, explained candidates
 * ({@link SpecialistRanking}); triage assigns one, after {@link #checkChoice} (choosing someone outside the top
 * {@value SpecialistRanking#TOP} or an ineligible specialist needs a reason), and matching records the decision. Matching
 * makes no transition of the case. Case access is the case's
 * ({@link CaseAccess#requireAccess}): an unrelated case answers 404 like a missing one.
 */
@Service
@Transactional
public class SpecialistMatching {

	/** Longest override reason accepted, in characters. */
	public static final int MAX_REASON = 2000;

	/** How long a ranking, a profile check or a page waits for the Mondo crosswalk while it loads after start-up. */
	static final Duration CROSSWALK_WAIT = Duration.ofMinutes(2);

	private final SpecialistDirectory directory;

	private final IdentityManagement identity;

	private final CaseAccess access;

	private final CaseQueries queries;

	private final AuditLog audit;

	private final MondoRelease mondo;

	private final ProgramSettings program;

	private final Clock clock;


	SpecialistMatching(SpecialistDirectory directory, IdentityManagement identity, CaseAccess access, CaseQueries queries, AuditLog audit,
			MondoRelease mondo, ProgramSettings program, Clock clock) {
		this.directory = directory;
		this.identity = identity;
		this.access = access;
		this.queries = queries;
		this.audit = audit;
		this.mondo = mondo;
		this.program = program;
		this.clock = clock;
	}

	/**
	 * What a profile form or request sends, as text: codes are parsed and checked here.
	 *
	 * @param specialties    NUCC codes
	 * @param diseases       {@code OMIM:230800}, {@code ORPHA:77259}, {@code MONDO:0009265}, {@code ICD-10-CM:E75}, ...
	 * @param languages      BCP 47 tags
	 * @param licences       ISO 3166-1/-2 codes
	 * @param weeklyCapacity cases per week, 0 to {@value SpecialistProfile#MAX_WEEKLY_CAPACITY}
	 * @param absences       ISO 8601 date intervals {@code 2026-12-01/2026-12-05}
	 */
	public record ProfileChange(List<String> specialties, List<String> diseases, List<String> languages, String institution,
			List<String> licences, Integer weeklyCapacity, List<String> absences) {
	}

	/** A specialist with their profile (null when none yet) and open cases. */
	public record DirectoryEntry(UserView specialist, SpecialistProfile profile, int openCases) {
	}

	/**
	 * The ranking for one case: the first {@value SpecialistRanking#TOP} eligible specialists, then everyone else
	 * (eligible further down, then ineligible with the reason why).
	 */
	public record Candidates(CaseFacts facts, List<RankedSpecialist> top, List<RankedSpecialist> others, MondoRelease.Status crosswalk) {

		public List<RankedSpecialist> all() {
			List<RankedSpecialist> all = new ArrayList<>(top);
			all.addAll(others);
			return all;
		}
	}

	/**
	 * Every specialist account with its profile, by name.
	 * @throws ForbiddenActionException for anyone but an administrator or coordinator
	 */
	@Transactional(readOnly = true)
	public List<DirectoryEntry> directory(Actor actor) {
		if (!(actor.is(Role.ADMIN) || actor.is(Role.COORDINATOR))) {
			throw new ForbiddenActionException("The specialist directory is for administrators and coordinators.");
		}
		List<UserView> specialists = identity.usersWithRole(Role.SPECIALIST);
		Map<UUID, SpecialistProfile> profiles = directory.all(specialists.stream().map(s -> s.id().value()).toList());
		Map<UserId, Integer> load = queries.openAssignmentCounts();
		return specialists.stream().map(s -> new DirectoryEntry(s, profiles.get(s.id().value()), load.getOrDefault(s.id(), 0))).toList();
	}

	/**
	 * A specialist's profile, empty when none was saved yet.
	 * @throws NotFoundException when no specialist has this id
	 * @throws ForbiddenActionException when the actor is neither an administrator, a coordinator nor that specialist
	 */
	@Transactional(readOnly = true)
	public Optional<SpecialistProfile> profile(Actor actor, UserId specialistId) {
		specialist(actor, specialistId);
		return directory.find(UserId.valueOrNull(specialistId));
	}

	/** The specialist's account, after the same checks as {@link #profile}. */
	@Transactional(readOnly = true)
	public UserView specialist(Actor actor, UserId specialistId) {
		UserView specialist = identity.findUser(specialistId).filter(u -> u.role() == Role.SPECIALIST).orElseThrow(NotFoundException::new);
		if (!(actor.is(Role.ADMIN) || actor.is(Role.COORDINATOR) || actor.id().equals(specialistId))) {
			throw new ForbiddenActionException("Only administrators, coordinators and the specialist themself edit this profile.");
		}
		return specialist;
	}

	/**
	 * Saves a profile. The account's own specialty is always kept first among the specialties.
	 * @param expectedVersion the version read, or null for a profile not saved before
	 * @throws InvalidInputException naming the first unknown specialty, disease code, language, jurisdiction or absence,
	 *         or a capacity outside 0 to {@value SpecialistProfile#MAX_WEEKLY_CAPACITY}; nothing is saved
	 * @throws org.consilium.shared.EditConflictException when someone saved the profile since {@code expectedVersion}
	 */
	public SpecialistProfile saveProfile(Actor actor, UserId specialistId, Integer expectedVersion, ProfileChange change) {
		UserView specialist = specialist(actor, specialistId);
		SpecialistProfile profile = audit.recordingFailures(actor, AuditAction.MATCHING_PROFILE_UPDATE, null,
				"SpecialistProfile", () -> validated(specialist, change));
		SpecialistProfile saved;
		try {
			saved = directory.save(profile, expectedVersion, actor.id().value(), clock.instant());
		}
		catch (ConsiliumProblem e) {
			audit.failed(actor, AuditAction.MATCHING_PROFILE_UPDATE, null, "SpecialistProfile", UserId.valueOrNull(specialistId));
			throw e;
		}
		audit.success(actor, AuditAction.MATCHING_PROFILE_UPDATE, null, "SpecialistProfile", UserId.valueOrNull(specialistId));
		return saved;
	}

	private SpecialistProfile validated(UserView specialist, ProfileChange change) {
		if (change == null) {
			throw new InvalidInputException("Send the profile.");
		}
		Map<String, String> known = specialtyNames();
		List<String> specialties = new ArrayList<>();
		if (specialist.specialtyCode() != null) {
			specialties.add(specialist.specialtyCode());
		}
		for (String code : nonBlank(change.specialties())) {
			if (!known.containsKey(code)) {
				throw new InvalidInputException("Unknown specialty code \"" + code + "\": choose NUCC taxonomy codes from the list.");
			}
			if (!specialties.contains(code)) {
				specialties.add(code);
			}
		}
		MondoCrosswalk crosswalk = crosswalk();
		TreeSet<Coding> diseases = new TreeSet<>();
		for (String text : nonBlank(change.diseases())) {
			Coding code = Coding.parse(text);
			if (!crosswalk.isEmpty() && code.system() != CodeSystem.ICD_10_CM && !crosswalk.knows(code.curie())) {
				throw new InvalidInputException("Unknown disease code \"" + text.strip() + "\": Mondo maps no disease to " + code + ".");
			}
			diseases.add(code);
		}
		TreeSet<String> languages = nonBlank(change.languages()).stream().map(l -> LanguageTag.parse(l).tag()).collect(Collectors.toCollection(TreeSet::new));
		TreeSet<String> licences = nonBlank(change.licences()).stream().map(l -> Jurisdiction.parse(l).code()).collect(Collectors.toCollection(TreeSet::new));
		TreeSet<Absence> absences = nonBlank(change.absences()).stream().map(Absence::parse).collect(Collectors.toCollection(TreeSet::new));
		Integer capacity = change.weeklyCapacity();
		if (capacity == null || capacity < 0 || capacity > SpecialistProfile.MAX_WEEKLY_CAPACITY) {
			throw new InvalidInputException("Enter the weekly capacity as a number of cases from 0 to " + SpecialistProfile.MAX_WEEKLY_CAPACITY + ".");
		}
		String institution = change.institution() == null ? "" : change.institution().strip();
		if (institution.length() > 200) {
			throw new InvalidInputException("Enter the institution in at most 200 characters.");
		}
		return new SpecialistProfile(specialist.id(), 0, specialties, List.copyOf(diseases), List.copyOf(languages), institution,
				List.copyOf(licences), capacity, List.copyOf(absences));
	}

	private static List<String> nonBlank(List<String> values) {
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
	}

	/**
	 * Ranks every specialist for a case and audits the look-up.
	 * @param specialtyCode the NUCC code chosen at triage; blank to rank across specialties (the case's own if it has one)
	 * @throws NotFoundException when the case does not exist or the actor has no relation to it (audited as DENIED)
	 * @throws ForbiddenActionException for anyone but a coordinator
	 */
	public Candidates candidates(Actor actor, CaseId caseId, String specialtyCode) {
		AccessibleCase c = coordinatorAccess(actor, caseId, AuditAction.MATCHING_RANK);
		Candidates ranked = rank(c, specialtyCode == null || specialtyCode.isBlank() ? c.specialtyCode() : specialtyCode);
		audit.success(actor, AuditAction.MATCHING_RANK, caseId, "OpinionRequest", caseId.value());
		return ranked;
	}

	/**
	 * A coordinator's choice of specialist for a case, checked against the ranking: its place in it and the reason
	 * for an override (choosing someone outside the top {@value SpecialistRanking#TOP} or ineligible), else null.
	 */
	public record AssignmentChoice(UserId specialistId, String specialtyCode, RankedSpecialist position, String overrideReason) {

		public boolean isOverride() {
			return overrideReason != null;
		}
	}

	/**
	 * Checks a coordinator's choice against the case's ranking, without writing anything; triage assigns the case and
	 * then calls {@link #recordDecision}. {@code specialtyCode} (NUCC) defaults to the specialist's.
	 * @throws ForbiddenActionException for anyone but a coordinator
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422) when the specialist does not exist, or is
	 *         outside the top {@value SpecialistRanking#TOP} or ineligible and no reason (at most {@value #MAX_REASON}
	 *         characters) is given
	 */
	@Transactional(readOnly = true)
	public AssignmentChoice checkChoice(AccessibleCase c, String specialtyCode, UserId specialistId, String overrideReason) {
		requireCoordinator(c.actor());
		UserView chosen = identity.findUser(specialistId).filter(u -> u.role() == Role.SPECIALIST)
			.orElseThrow(() -> new InvalidInputException("Choose a specialist from the list."));
		String specialty = specialtyCode == null || specialtyCode.isBlank() ? chosen.specialtyCode() : specialtyCode;
		Candidates ranked = rank(c, specialty);
		RankedSpecialist position = ranked.all().stream().filter(r -> r.specialistId().equals(specialistId)).findFirst().orElseThrow();
		boolean suggested = ranked.top().contains(position);
		String reason = suggested || overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
		if (!suggested && (reason == null || reason.length() > MAX_REASON)) {
			String why = position.eligible() ? "is not among the top " + SpecialistRanking.TOP + " suggestions"
					: "is not eligible (" + position.reasons().stream().filter(Reason::excludes).map(Reason::text).collect(Collectors.joining(" ")) + ")";
			throw new InvalidInputException(chosen.displayName() + " " + why + ": give a reason for the override (at most " + MAX_REASON
					+ " characters).");
		}
		return new AssignmentChoice(specialistId, specialty, position, reason);
	}

	/**
	 * Stores the decision (the specialist's rank, eligibility and score when chosen, and any override reason) for a
	 * case triage has just assigned. The triage use case audits the action.
	 */
	public void recordDecision(AccessibleCase c, AssignmentChoice choice) {
		Instant now = clock.instant();
		directory.recordDecision(c.id().value(), choice.position(), choice.specialtyCode(), choice.overrideReason(), c.actor().id().value(), now);
	}

	/**
	 * The assignments made through matching for a case, oldest first, with any override reason; audited as a read.
	 * @throws NotFoundException when the case does not exist or the actor has no relation to it
	 * @throws ForbiddenActionException for anyone but a coordinator
	 */
	public List<AssignmentDecision> decisions(Actor actor, CaseId caseId) {
		coordinatorAccess(actor, caseId, AuditAction.MATCHING_DECISIONS);
		audit.success(actor, AuditAction.MATCHING_DECISIONS, caseId, "OpinionRequest", caseId.value());
		return directory.decisions(caseId.value());
	}

	/** Whether Mondo's crosswalk is loaded, or why not (waits up to two minutes for a load in progress). */
	public MondoRelease.Status crosswalkStatus() {
		mondo.awaitLoaded(CROSSWALK_WAIT);
		return mondo.status();
	}

	/** Mondo's crosswalk, waiting for a load in progress; {@link MondoCrosswalk#EMPTY} when there is none. */
	private MondoCrosswalk crosswalk() {
		return mondo.awaitCrosswalk(CROSSWALK_WAIT).orElse(MondoCrosswalk.EMPTY);
	}

	private AccessibleCase coordinatorAccess(Actor actor, CaseId caseId, AuditAction action) {
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.is(Role.COORDINATOR)) {
			audit.failed(actor, action, caseId, "OpinionRequest", caseId.value());
		}
		requireCoordinator(actor);
		return c;
	}

	private static void requireCoordinator(Actor actor) {
		if (!actor.is(Role.COORDINATOR)) {
			throw new ForbiddenActionException("Only coordinators match specialists to cases.");
		}
	}

	private Candidates rank(AccessibleCase c, String specialtyCode) {
		PatientLocale locale = queries.patientLocale(c.actor(), c.id(), AuditAction.MATCHING_RANK);
		Instant now = clock.instant();
		CaseDeadline reviewClock = queries.view(c).reviewClock();
		Instant due = reviewClock != null ? reviewClock.dueAt()
				: DeadlineClock.start("review", now, program.reviewBusinessDays()).dueAt(program.calendar(), now);
		CaseFacts facts = new CaseFacts(specialtyCode == null || specialtyCode.isBlank() ? null : specialtyCode, diagnosis(c),
				lenient(locale.preferredLanguage(), LanguageTag::parse), lenient(locale.jurisdiction(), Jurisdiction::parse),
				c.firstInstitution(), LocalDate.ofInstant(now, program.zone()), LocalDate.ofInstant(due, program.zone()));
		List<UserView> specialists = identity.usersWithRole(Role.SPECIALIST);
		Map<UUID, SpecialistProfile> profiles = directory.all(specialists.stream().map(s -> s.id().value()).toList());
		Map<UserId, Integer> load = queries.openAssignmentCounts();
		List<Candidate> candidates = specialists.stream()
			.map(s -> new Candidate(s.id().value(), s.displayName(), s.specialtyCode(), profiles.get(s.id().value()), load.getOrDefault(s.id(), 0))).toList();
		List<RankedSpecialist> ranked = new SpecialistRanking(crosswalk(), specialtyNames()).rank(facts, candidates);
		List<RankedSpecialist> top = ranked.stream().filter(RankedSpecialist::eligible).limit(SpecialistRanking.TOP).toList();
		List<RankedSpecialist> others = ranked.stream().filter(r -> !top.contains(r)).toList();
		return new Candidates(facts, top, others, mondo.status());
	}

	private static Coding diagnosis(AccessibleCase c) {
		return c.firstDiagnosis().orElse(null);
	}

	private static <T> T lenient(String text, Function<String, T> parse) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parse.apply(text);
		}
		catch (InvalidInputException e) {
			return null;
		}
	}

	/** NUCC code to display name. */
	public Map<String, String> specialtyNames() {
		return identity.specialties().stream().collect(Collectors.toMap(Specialty::code, Specialty::display, (a, b) -> a));
	}
}
