package org.consilium.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.consilium.ddx.MondoCrosswalk;
import org.consilium.matching.Reason.Kind;
import org.consilium.matching.SpecialistRanking.Candidate;
import org.consilium.shared.Coding;
import org.consilium.shared.Jurisdiction;
import org.consilium.shared.LanguageTag;
import org.consilium.shared.UserId;

/** The matching policy on hand-built directories, with Mondo's real crosswalks from {@code ../shared/data/mondo}. */
class SpecialistRankingTests {

	static final String ONCOLOGY = "207RX0202X";

	static final String GENETICS = "207SG0201X";

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final LocalDate DUE = LocalDate.of(2026, 12, 10);

	static MondoCrosswalk mondo;

	@BeforeAll
	static void loadMondo() {
		mondo = MondoCrosswalk.load(Path.of("../shared/data/mondo"));
	}

	static SpecialistRanking ranking() {
		return new SpecialistRanking(mondo, Map.of(ONCOLOGY, "Medical Oncology", GENETICS, "Clinical Genetics (M.D.)"));
	}

	static CaseFacts facts(String diagnosis) {
		return new CaseFacts(null, diagnosis == null ? null : Coding.parse(diagnosis), null, null, "City Hospital", TODAY, DUE);
	}

	static SpecialistProfile profile(String... diseases) {
		return new SpecialistProfile(new UserId(UUID.randomUUID()), 1, List.of(GENETICS), List.of(diseases).stream().map(Coding::parse).toList(),
				List.of("en"), "University Clinic", List.of(), 10, List.of());
	}

	static Candidate candidate(SpecialistProfile p) {
		return candidate(p, 0);
	}

	static Candidate candidate(SpecialistProfile p, int open) {
		return new Candidate(UUID.randomUUID(), "Dr. Test", GENETICS, p, open);
	}

	static Reason reason(CaseFacts facts, Candidate c, Kind kind) {
		return ranking().reasons(facts, c).stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
	}

	@Test
	void rewardsTheChosenSpecialtyAndExcludesSpecialistsWhoDoNotPractiseIt() {
		CaseFacts genetics = new CaseFacts(GENETICS, null, null, null, "", TODAY, DUE);
		CaseFacts oncology = new CaseFacts(ONCOLOGY, null, null, null, "", TODAY, DUE);
		Candidate geneticist = candidate(profile());
		assertThat(reason(genetics, geneticist, Kind.SPECIALTY)).satisfies(r -> {
			assertThat(r.points()).isEqualTo(SpecialistRanking.SPECIALTY);
			assertThat(r.excludes()).isFalse();
			assertThat(r.text()).contains("Clinical Genetics (M.D.)");
		});
		assertThat(reason(oncology, geneticist, Kind.SPECIALTY)).satisfies(r -> {
			assertThat(r.excludes()).isTrue();
			assertThat(r.text()).isEqualTo("Does not practise Medical Oncology.");
		});
	}

	@Test
	void scoresTheFirstOpinionsExactCodeHighest() {
		Reason r = reason(facts("OMIM:230800"), candidate(profile("OMIM:230800")), Kind.DISEASE);
		assertThat(r.points()).isEqualTo(SpecialistRanking.DISEASE_EXACT);
		assertThat(r.text()).contains("OMIM:230800").contains("exact code");
	}

	@Test
	void matchesAnOrphaCodeToTheOmimCodeMondoMapsToTheSameDisease() {
		// MONDO:0009265 Gaucher disease type I: exactMatch OMIM:230800 and Orphanet:77259 (Mondo SSSOM, release 2026-08-04).
		Reason r = reason(facts("OMIM:230800"), candidate(profile("ORPHA:77259")), Kind.DISEASE);
		assertThat(r.points()).isEqualTo(SpecialistRanking.DISEASE_CROSSWALK);
		assertThat(r.text()).isEqualTo("Expertise in ORPHA:77259, the same disease as OMIM:230800 in Mondo (Mondo:0009265 Gaucher disease type I).");
		assertThat(new SpecialistRanking(MondoCrosswalk.EMPTY, Map.of()).reasons(facts("OMIM:230800"), candidate(profile("ORPHA:77259")))
			.stream().filter(x -> x.kind() == Kind.DISEASE).findFirst().orElseThrow().points())
			.as("without the crosswalk the two codes are unrelated").isZero();
	}

	@Test
	void letsAnIcd10CmCategoryCoverItsSubcodesWithOrWithoutTheCrosswalk() {
		for (MondoCrosswalk crosswalk : List.of(mondo, MondoCrosswalk.EMPTY)) {
			Reason r = new SpecialistRanking(crosswalk, Map.of()).reasons(facts("ICD-10-CM:E75.22"), candidate(profile("E75"))).stream()
				.filter(x -> x.kind() == Kind.DISEASE).findFirst().orElseThrow();
			assertThat(r.points()).isEqualTo(SpecialistRanking.DISEASE_CATEGORY);
			assertThat(r.text()).isEqualTo("Expertise in ICD-10-CM E75, the category that covers E75.22.");
		}
		assertThat(reason(facts("ICD-10-CM:E76.1"), candidate(profile("E75")), Kind.DISEASE).points()).isZero();
	}

	@Test
	void reachesAnIcd10CmCategoryThroughTheCrosswalk() {
		// ORPHA:355 Gaucher disease = MONDO:0018150 = ICD10CM:E75.22, which category E75 covers.
		Reason r = reason(facts("ORPHA:355"), candidate(profile("ICD-10-CM:E75")), Kind.DISEASE);
		assertThat(r.points()).isEqualTo(SpecialistRanking.DISEASE_CATEGORY);
		assertThat(r.text()).contains("E75").contains("E75.22").contains("ORPHA:355");
	}

	@Test
	void prefersSpecialistsWhoWriteInThePatientsLanguage() {
		CaseFacts german = new CaseFacts(null, null, LanguageTag.parse("de-AT"), null, "", TODAY, DUE);
		SpecialistProfile speaksGerman = new SpecialistProfile(new UserId(UUID.randomUUID()), 1, List.of(GENETICS), List.of(), List.of("de", "en"), "", List.of(), 5, List.of());
		Reason yes = reason(german, candidate(speaksGerman), Kind.LANGUAGE);
		Reason no = reason(german, candidate(profile()), Kind.LANGUAGE);
		assertThat(yes.points()).isEqualTo(SpecialistRanking.LANGUAGE);
		assertThat(yes.text()).contains("German (de)");
		assertThat(no.points()).isZero();
		assertThat(no.excludes()).isFalse();
		assertThat(no.text()).startsWith("Does not list German");
	}

	@Test
	void requiresALicenceForTheKnownJurisdictionOfThePatient() {
		CaseFacts california = new CaseFacts(null, null, null, Jurisdiction.parse("us-ca"), "", TODAY, DUE);
		SpecialistProfile nationwide = licensed("US");
		SpecialistProfile inCalifornia = licensed("US-CA");
		SpecialistProfile inNewYork = licensed("US-NY", "DE");
		assertThat(reason(california, candidate(nationwide), Kind.JURISDICTION).points()).isEqualTo(SpecialistRanking.LICENCE);
		assertThat(reason(california, candidate(inCalifornia), Kind.JURISDICTION).text()).isEqualTo("Licensed in US-CA, which covers the patient's jurisdiction US-CA.");
		Reason notLicensed = reason(california, candidate(inNewYork), Kind.JURISDICTION);
		assertThat(notLicensed.excludes()).isTrue();
		assertThat(notLicensed.text()).isEqualTo("Not licensed for the patient's jurisdiction US-CA.");
		assertThat(reason(facts(null), candidate(inNewYork), Kind.JURISDICTION).excludes()).as("unknown jurisdiction").isFalse();
	}

	static SpecialistProfile licensed(String... licences) {
		return new SpecialistProfile(new UserId(UUID.randomUUID()), 1, List.of(GENETICS), List.of(), List.of(), "", List.of(licences), 5, List.of());
	}

	@Test
	void weighsOpenCasesAgainstWeeklyCapacityAndExcludesAFullSpecialist() {
		SpecialistProfile p = profile();
		assertThat(reason(facts(null), candidate(p, 0), Kind.LOAD).points()).isEqualTo(SpecialistRanking.FREE_CAPACITY);
		assertThat(reason(facts(null), candidate(p, 5), Kind.LOAD).points()).isEqualTo(5);
		Reason full = reason(facts(null), candidate(p, 10), Kind.LOAD);
		assertThat(full.excludes()).isTrue();
		assertThat(full.text()).isEqualTo("No capacity left: 10 open cases for a weekly capacity of 10.");
	}

	@Test
	void penalisesAbsenceBeforeTheReviewIsDueAndExcludesAbsenceThroughout() {
		Reason partly = reason(facts(null), candidate(away(new Absence(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 7)))), Kind.ABSENCE);
		assertThat(partly.points()).isEqualTo(-(SpecialistRanking.ABSENCE * 5 / 10));
		assertThat(partly.excludes()).isFalse();
		assertThat(partly.text()).isEqualTo("Away 2026-12-03 to 2026-12-07 (5 of 10 days before the review is due on 2026-12-10).");
		Reason throughout = reason(facts(null), candidate(away(new Absence(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 31)))), Kind.ABSENCE);
		assertThat(throughout.excludes()).isTrue();
		assertThat(ranking().reasons(facts(null), candidate(away(new Absence(LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 20))))))
			.as("an absence after the deadline does not count").noneMatch(r -> r.kind() == Kind.ABSENCE);
	}

	static SpecialistProfile away(Absence absence) {
		return new SpecialistProfile(new UserId(UUID.randomUUID()), 1, List.of(GENETICS), List.of(), List.of(), "", List.of(), 5, List.of(absence));
	}

	@Test
	void excludesASpecialistFromTheFirstOpinionsInstitution() {
		SpecialistProfile sameHouse = new SpecialistProfile(new UserId(UUID.randomUUID()), 1, List.of(GENETICS), List.of(Coding.parse("OMIM:230800")),
				List.of("en"), "St. Mary’s  Hospital", List.of(), 5, List.of());
		CaseFacts facts = new CaseFacts(null, Coding.parse("OMIM:230800"), null, null, "st marys hospital", TODAY, DUE);
		List<RankedSpecialist> ranked = ranking().rank(facts, List.of(candidate(sameHouse), candidate(profile())));
		RankedSpecialist conflicted = ranked.get(1);
		assertThat(conflicted.eligible()).isFalse();
		assertThat(conflicted.reasons()).anySatisfy(r -> {
			assertThat(r.kind()).isEqualTo(Kind.CONFLICT);
			assertThat(r.text()).contains("St. Mary’s  Hospital").contains("first opinion");
		});
		assertThat(ranked.get(0).eligible()).as("an eligible specialist without expertise still ranks above the conflicted expert").isTrue();
	}

	@Test
	void ranksASpecialistWithoutProfileOnTheirAccountSpecialtyOnly() {
		Candidate newcomer = new Candidate(UUID.randomUUID(), "Dr. New", GENETICS, null, 2);
		RankedSpecialist r = ranking().rank(new CaseFacts(GENETICS, null, null, null, "", TODAY, DUE), List.of(newcomer)).get(0);
		assertThat(r.eligible()).isTrue();
		assertThat(r.score()).isEqualTo(SpecialistRanking.SPECIALTY);
		assertThat(r.reasons()).extracting(Reason::text).contains("Has no directory profile yet: only the account's specialty is known.",
				"2 open cases; no weekly capacity set.");
		assertThat(ranking().rank(new CaseFacts(ONCOLOGY, null, null, null, "", TODAY, DUE), List.of(newcomer)).get(0).eligible()).isFalse();
		assertThat(ranking().rank(new CaseFacts(GENETICS, null, null, Jurisdiction.parse("DE"), "", TODAY, DUE), List.of(newcomer)).get(0)
			.eligible()).as("no licence known").isFalse();
	}

	@Test
	void ranksADirectoryOfThirtySixTheSameWhateverOrderItComesIn() {
		List<Candidate> directory = directory();
		CaseFacts facts = new CaseFacts(GENETICS, Coding.parse("OMIM:230800"), LanguageTag.parse("de"), Jurisdiction.parse("DE-BY"),
				"City Hospital", TODAY, DUE);
		List<RankedSpecialist> expected = ranking().rank(facts, directory);
		assertThat(expected).hasSize(36);
		for (long seed = 1; seed <= 20; seed++) {
			List<Candidate> shuffled = new ArrayList<>(directory);
			Collections.shuffle(shuffled, new Random(seed));
			assertThat(ranking().rank(facts, shuffled)).as("seed " + seed).isEqualTo(expected);
		}
		// Eligible first, then score descending, ties by account id ascending.
		for (int i = 1; i < expected.size(); i++) {
			RankedSpecialist a = expected.get(i - 1);
			RankedSpecialist b = expected.get(i);
			assertThat(b.rank()).isEqualTo(i + 1);
			if (a.eligible() == b.eligible()) {
				assertThat(a.score()).isGreaterThanOrEqualTo(b.score());
				if (a.score() == b.score()) {
					assertThat(a.specialistId().value()).isLessThan(b.specialistId().value());
				}
			}
			else {
				assertThat(a.eligible()).isTrue();
			}
		}
		assertThat(expected.get(0).reasons()).extracting(Reason::kind).contains(Kind.DISEASE);
		assertThat(expected.get(0).score()).isEqualTo(SpecialistRanking.SPECIALTY + SpecialistRanking.DISEASE_EXACT + SpecialistRanking.LANGUAGE
				+ SpecialistRanking.LICENCE + SpecialistRanking.FREE_CAPACITY);
		assertThat(expected.stream().filter(RankedSpecialist::eligible).count()).isBetween(6L, 35L);
	}

	/** 36 specialists: every combination of 3 expertise codes, 2 languages, 3 licences and 2 loads, ids fixed. */
	static List<Candidate> directory() {
		List<Candidate> out = new ArrayList<>();
		int n = 0;
		for (String disease : List.of("OMIM:230800", "ORPHA:77259", "ICD-10-CM:E75")) {
			for (String language : List.of("de", "fr")) {
				for (String licence : List.of("DE", "DE-BY", "FR")) {
					for (int open : List.of(0, 5)) {
						UUID id = new UUID(0, ++n);
						SpecialistProfile p = new SpecialistProfile(new UserId(id), 1, List.of(GENETICS), List.of(Coding.parse(disease)), List.of(language),
								"Clinic " + (n % 4), List.of(licence), 10, List.of());
						out.add(new Candidate(id, "Dr. " + n, GENETICS, p, open));
					}
				}
			}
		}
		return out;
	}
}
