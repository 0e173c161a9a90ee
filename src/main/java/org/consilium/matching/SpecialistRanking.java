package org.consilium.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.consilium.ddx.MondoCrosswalk;
import org.consilium.matching.Reason.Kind;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Coding;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;
import org.consilium.shared.UserId;

/**
 * The matching policy: scores each specialist for one case, says why in words, and orders them. Pure and
 * deterministic: the same facts and directory give the same order whatever order the directory comes in (ties fall
 * to the lower account id). The weights and their reasons are in the package documentation. Not thread-safe: build one
 * per ranking.
 */
final class SpecialistRanking {

	/** Points for practising the specialty chosen at triage (required when one is chosen). */
	public static final int SPECIALTY = 20;

	/** Points for listing the first opinion's diagnosis code itself. */
	public static final int DISEASE_EXACT = 40;

	/** Points for listing a code of another system that Mondo maps to the same disease. */
	public static final int DISEASE_CROSSWALK = 35;

	/** Points for listing the ICD-10-CM category that covers the diagnosis (directly or through the crosswalk). */
	public static final int DISEASE_CATEGORY = 25;

	/** Points for writing in the patient's preferred language. */
	public static final int LANGUAGE = 15;

	/** Points for a licence covering the patient's jurisdiction (required when the jurisdiction is known). */
	public static final int LICENCE = 10;

	/** Points for a free week: scaled by the share of weekly capacity not taken by open cases. */
	public static final int FREE_CAPACITY = 10;

	/** Points taken at most for absence before the review is due, scaled by the share of days away. */
	public static final int ABSENCE = 15;

	/** How many eligible specialists the coordinator sees first. */
	public static final int TOP = 5;

	/**
	 * A specialist with their current load; {@code profile} is null when they have none yet, and then only their
	 * account's specialty (NUCC code, may be null) is known.
	 */
	public record Candidate(UUID specialistId, String displayName, String accountSpecialty, SpecialistProfile profile, int openCases) {
	}

	private final MondoCrosswalk crosswalk;

	private final Map<String, String> specialtyNames;

	/** The diagnosis's equivalents, looked up once per ranking rather than once per specialist. */
	private final Map<Coding, Set<Coding>> equivalents = new java.util.HashMap<>();

	/**
	 * @param crosswalk      Mondo's mappings ({@link org.consilium.ddx.MondoRelease}), or {@link MondoCrosswalk#EMPTY}
	 * @param specialtyNames NUCC code to display name, for the reasons' words
	 */
	public SpecialistRanking(MondoCrosswalk crosswalk, Map<String, String> specialtyNames) {
		this.crosswalk = crosswalk;
		this.specialtyNames = Map.copyOf(specialtyNames);
	}

	/** Every candidate, eligible ones first, then by score (highest first), then by account id. */
	public List<RankedSpecialist> rank(CaseFacts facts, Collection<Candidate> candidates) {
		record Scored(Candidate candidate, List<Reason> reasons, boolean eligible, int score) {
		}
		List<Scored> scored = candidates.stream().map(c -> {
			List<Reason> reasons = reasons(facts, c);
			return new Scored(c, reasons, reasons.stream().noneMatch(Reason::excludes), reasons.stream().mapToInt(Reason::points).sum());
		}).sorted(Comparator.comparing((Scored s) -> !s.eligible()).thenComparing(Scored::score, Comparator.reverseOrder())
			.thenComparing(s -> s.candidate().specialistId())).toList();
		List<RankedSpecialist> ranked = new ArrayList<>();
		for (Scored s : scored) {
			Candidate c = s.candidate();
			ranked.add(new RankedSpecialist(UserId.ofNullable(c.specialistId()), c.displayName(), ranked.size() + 1, s.eligible(), s.score(), s.reasons(),
					c.openCases(), c.profile() == null ? 0 : c.profile().weeklyCapacity()));
		}
		return ranked;
	}

	List<Reason> reasons(CaseFacts facts, Candidate c) {
		SpecialistProfile p = c.profile();
		List<Reason> reasons = new ArrayList<>();
		if (p == null) {
			p = new SpecialistProfile(UserId.ofNullable(c.specialistId()), 0, c.accountSpecialty() == null ? List.of() : List.of(c.accountSpecialty()), List.of(),
					List.of(), "", List.of(), 0, List.of());
			reasons.add(Reason.plus(Kind.PROFILE, 0, "Has no directory profile yet: only the account's specialty is known."));
		}
		conflict(facts, p).ifPresent(reasons::add);
		reasons.add(specialty(facts, p));
		reasons.add(disease(facts, p));
		reasons.add(language(facts, p));
		reasons.add(jurisdiction(facts, p));
		reasons.add(c.profile() == null ? Reason.plus(Kind.LOAD, 0, open(c.openCases()) + "; no weekly capacity set.") : load(c.openCases(), p));
		absence(facts, p).ifPresent(reasons::add);
		return reasons;
	}

	private Optional<Reason> conflict(CaseFacts facts, SpecialistProfile p) {
		String theirs = normalizedInstitution(p.institution());
		if (!theirs.isEmpty() && theirs.equals(normalizedInstitution(facts.firstInstitution()))) {
			return Optional.of(Reason.excluding(Kind.CONFLICT, "Conflict of interest: works at " + p.institution()
					+ ", the institution that gave the first opinion."));
		}
		return Optional.empty();
	}

	/** Lower case, accents and punctuation removed, blanks collapsed: "St. Mary's  Hospital" equals "st marys hospital". */
	static String normalizedInstitution(String name) {
		if (name == null) {
			return "";
		}
		String plain = org.consilium.shared.NameWords.folded(name);
		return plain.replaceAll("['’`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private Reason specialty(CaseFacts facts, SpecialistProfile p) {
		if (facts.specialtyCode() == null || facts.specialtyCode().isBlank()) {
			return Reason.plus(Kind.SPECIALTY, 0, "Practises " + String.join(", ", p.specialties().stream().map(this::specialtyName).toList())
					+ "; no specialty chosen yet.");
		}
		if (p.specialties().contains(facts.specialtyCode())) {
			return Reason.plus(Kind.SPECIALTY, SPECIALTY, "Practises " + specialtyName(facts.specialtyCode()) + ", the chosen specialty.");
		}
		return Reason.excluding(Kind.SPECIALTY, "Does not practise " + specialtyName(facts.specialtyCode()) + ".");
	}

	private String specialtyName(String code) {
		return specialtyNames.getOrDefault(code, code);
	}

	private Reason disease(CaseFacts facts, SpecialistProfile p) {
		Coding dx = facts.diagnosis();
		if (dx == null) {
			return Reason.plus(Kind.DISEASE, 0, "The first opinion carries no coded diagnosis to match expertise against.");
		}
		Reason best = null;
		for (Coding listed : p.diseases()) {
			Reason r = diseaseMatch(listed, dx);
			if (r != null && (best == null || r.points() > best.points())) {
				best = r;
			}
		}
		return best != null ? best : Reason.plus(Kind.DISEASE, 0, "Lists no expertise in " + dx + ".");
	}

	private Reason diseaseMatch(Coding listed, Coding dx) {
		if (listed.equals(dx)) {
			return Reason.plus(Kind.DISEASE, DISEASE_EXACT, "Expertise in " + dx + ", the first opinion's diagnosis (exact code).");
		}
		Optional<String> mondo = crosswalk.sharedMondo(listed.curie(), dx.curie());
		if (mondo.isPresent()) {
			return Reason.plus(Kind.DISEASE, DISEASE_CROSSWALK, "Expertise in " + listed + ", the same disease as " + dx + " in Mondo ("
					+ Coding.ofCurie(mondo.get()).map(Coding::toString).orElse(mondo.get())
					+ crosswalk.label(mondo.get()).map(l -> " " + l).orElse("") + ").");
		}
		if (listed.coversAsCategory(dx)) {
			return Reason.plus(Kind.DISEASE, DISEASE_CATEGORY, "Expertise in ICD-10-CM " + listed.code() + ", the category that covers "
					+ dx.code() + ".");
		}
		if (listed.system() == CodeSystem.ICD_10_CM) {
			for (Coding same : equivalents.computeIfAbsent(dx, this::equivalents)) {
				if (listed.equals(same) || listed.coversAsCategory(same)) {
					return Reason.plus(Kind.DISEASE, DISEASE_CATEGORY, "Expertise in ICD-10-CM " + listed.code() + ", which covers "
							+ same.code() + ", the same disease as " + dx + " in Mondo.");
				}
			}
		}
		return null;
	}

	/** The codes of the systems matching knows that Mondo maps to the same disease as {@code code}, sorted. */
	private Set<Coding> equivalents(Coding code) {
		Set<Coding> out = new TreeSet<>();
		crosswalk.equivalents(code.curie()).forEach(curie -> Coding.ofCurie(curie).ifPresent(out::add));
		return out;
	}

	private static Reason language(CaseFacts facts, SpecialistProfile p) {
		LanguageTag wanted = facts.language();
		if (wanted == null) {
			return Reason.plus(Kind.LANGUAGE, 0, "The patient's preferred language is not recorded.");
		}
		boolean speaks = p.languages().stream().map(LanguageTag::new).anyMatch(wanted::sameLanguage);
		return speaks ? Reason.plus(Kind.LANGUAGE, LANGUAGE, "Writes in " + wanted.displayName() + " (" + wanted.language()
				+ "), the patient's preferred language.")
				: Reason.plus(Kind.LANGUAGE, 0, "Does not list " + wanted.displayName() + " (" + wanted.language()
						+ "), the patient's preferred language.");
	}

	private static Reason jurisdiction(CaseFacts facts, SpecialistProfile p) {
		Jurisdiction place = facts.jurisdiction();
		if (place == null) {
			return Reason.plus(Kind.JURISDICTION, 0, "The patient's jurisdiction is not recorded; licences not checked.");
		}
		Optional<String> licence = p.licences().stream().filter(l -> new Jurisdiction(l).covers(place)).findFirst();
		return licence.map(l -> Reason.plus(Kind.JURISDICTION, LICENCE, "Licensed in " + l + ", which covers the patient's jurisdiction "
				+ place + "."))
			.orElseGet(() -> Reason.excluding(Kind.JURISDICTION, "Not licensed for the patient's jurisdiction " + place + "."));
	}

	private static Reason load(int open, SpecialistProfile p) {
		int capacity = p.weeklyCapacity();
		if (open >= capacity) {
			return Reason.excluding(Kind.LOAD, "No capacity left: " + open(open) + " for a weekly capacity of " + capacity + ".");
		}
		int points = FREE_CAPACITY * (capacity - open) / capacity;
		return Reason.plus(Kind.LOAD, points, open(open) + " for a weekly capacity of " + capacity + ".");
	}

	private static String open(int cases) {
		return cases + " open case" + (cases == 1 ? "" : "s");
	}

	private static Optional<Reason> absence(CaseFacts facts, SpecialistProfile p) {
		long window = java.time.temporal.ChronoUnit.DAYS.between(facts.today(), facts.reviewDue()) + 1;
		if (window <= 0) {
			return Optional.empty();
		}
		long away = p.absences().stream().mapToLong(a -> a.daysWithin(facts.today(), facts.reviewDue())).sum();
		if (away == 0) {
			return Optional.empty();
		}
		List<String> when = p.absences().stream().filter(a -> a.daysWithin(facts.today(), facts.reviewDue()) > 0)
			.map(a -> a.firstDay().equals(a.lastDay()) ? a.firstDay().toString() : a.firstDay() + " to " + a.lastDay()).toList();
		String text = "Away " + String.join(", ", when) + " (" + Math.min(away, window) + " of " + window + " days before the review is due on "
				+ facts.reviewDue() + ").";
		if (away >= window) {
			return Optional.of(Reason.excluding(Kind.ABSENCE, text));
		}
		return Optional.of(Reason.plus(Kind.ABSENCE, (int) -(ABSENCE * away / window), text));
	}
}
