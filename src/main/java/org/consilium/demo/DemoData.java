package org.consilium.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.AdministrativeSex;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientDetails;
import org.consilium.intake.Urgency;
import org.consilium.matching.SpecialistMatching;
import org.consilium.records.RecordsManagement;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CodeSystem;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * Seeds the demo once: a coordinator, four specialists with directory profiles (three oncologists, one of them at the
 * first opinion's institution, and a cardiologist), a referring physician and two
 * patients, each with a random one-time password printed once to the console, and one submitted case for the first
 * patient with the synthetic bundle {@code demo/demo-bundle.json} imported.
 * <p>
 * The accounts, profiles and the rare-disease case are seeded while the application starts, before the web server
 * accepts requests (a {@link SmartInitializingSingleton} runs after the migrations and before the server starts), so
 * the login page never answers while the demo accounts are missing. The first patient's case follows in the background
 * once the application is ready, because validating its FHIR bundle takes the validator's first-run seconds.
 */
@Component
@ConditionalOnProperty(name = "consilium.demo", havingValue = "true")
class DemoData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String COORDINATOR = "coordinator@demo.consilium.local";

	static final String ONCOLOGY = "207RX0202X";

	/** Clinical Genetics (M.D.). */
	static final String GENETICS = "207SG0201X";

	static final String GENETICIST = "geneticist@demo.consilium.local";

	static final String RARE_DISEASE_PATIENT = "patient3@demo.consilium.local";

	static final String PATIENT = "patient@demo.consilium.local";

	private final IdentityManagement identity;

	private final IntakeManagement intake;

	private final CaseQueries queries;

	private final CaseTriage caseTriage;

	private final ReviewManagement review;

	private final RecordsManagement records;

	private final SpecialistMatching matching;

	DemoData(IdentityManagement identity, IntakeManagement intake, CaseQueries queries, CaseTriage caseTriage, ReviewManagement review, RecordsManagement records,
			SpecialistMatching matching) {
		this.identity = identity;
		this.intake = intake;
		this.queries = queries;
		this.caseTriage = caseTriage;
		this.review = review;
		this.records = records;
		this.matching = matching;
	}

	private record AccountSeed(String email, String displayName, Role role, String specialtyCode) {
	}

	private void profile(CreatedAccount specialist, List<String> diseases, List<String> languages, String institution, List<String> licences,
			int weeklyCapacity, List<String> absences) {
		matching.saveProfile(Actor.SYSTEM, specialist.account().id(), null, new SpecialistMatching.ProfileChange(List.of(specialist.account()
			.specialtyCode()), diseases, languages, institution, licences, weeklyCapacity, absences));
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (identity.findByEmail(COORDINATOR).isPresent()) {
			return;
		}
		long start = System.nanoTime();
		// each account's password hash (BCrypt, cost 12) takes a core for a quarter of a second: seed them side by side
		ExecutorService hashing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		List<CreatedAccount> created;
		try {
			List<CompletableFuture<CreatedAccount>> seeding = Stream.of(
					new AccountSeed(COORDINATOR, "Carla Coordinator", Role.COORDINATOR, null),
					new AccountSeed("oncologist@demo.consilium.local", "Dr. Olga Onco", Role.SPECIALIST, ONCOLOGY),
					new AccountSeed("cardiologist@demo.consilium.local", "Dr. Karl Cardio", Role.SPECIALIST, "207RC0000X"),
					new AccountSeed("breast-oncologist@demo.consilium.local", "Dr. Brigitte Brust", Role.SPECIALIST, ONCOLOGY),
					new AccountSeed("city-oncologist@demo.consilium.local", "Dr. Hanna Haus", Role.SPECIALIST, ONCOLOGY),
					new AccountSeed("referrer@demo.consilium.local", "Dr. Rita Referrer", Role.REFERRING_PHYSICIAN, null),
					new AccountSeed(PATIENT, "Pat Demo", Role.PATIENT, null),
					new AccountSeed("patient2@demo.consilium.local", "Sam Second", Role.PATIENT, null),
					new AccountSeed(GENETICIST, "Dr. Greta Gene", Role.SPECIALIST, GENETICS),
					new AccountSeed(RARE_DISEASE_PATIENT, "Mira Rare", Role.PATIENT, null))
				.map(seed -> CompletableFuture.supplyAsync(() -> identity.seedAccount(seed.email(), seed.displayName(), seed.role(), seed.specialtyCode()),
						hashing))
				.toList();
			created = seeding.stream().map(CompletableFuture::join).toList();
		}
		finally {
			hashing.shutdown();
		}
		CreatedAccount olga = created.get(1);
		CreatedAccount karl = created.get(2);
		CreatedAccount brigitte = created.get(3);
		CreatedAccount hanna = created.get(4);
		CreatedAccount greta = created.get(8);
		CreatedAccount mira = created.get(9);
		profile(olga, List.of("ICD-10-CM:C50"), List.of("en", "fr"), "University Cancer Centre", List.of("DE", "FR"), 3, List.of());
		profile(karl, List.of("ICD-10-CM:I42"), List.of("de", "en"), "Heart Institute", List.of("DE"), 4, List.of());
		profile(brigitte, List.of("ICD-10-CM:C50.912", "ORPHA:227535"), List.of("de", "en"), "Breast Centre North", List.of("DE-BE"), 5,
				List.of(LocalDate.now().plusDays(3) + "/" + LocalDate.now().plusDays(4)));
		profile(hanna, List.of("ICD-10-CM:C50"), List.of("de"), "City Hospital", List.of("DE"), 5, List.of());
		profile(greta, List.of("ORPHA:558", "ICD-10-CM:Q87.4"), List.of("en", "de"), "Rare Disease Centre", List.of("DE"), 4, List.of());

		rareDiseaseCaseInReview(mira, greta);

		StringBuilder out = new StringBuilder("\n=== Consilium demo accounts (passwords shown once; change them at first sign-in) ===\n");
		for (CreatedAccount a : created) {
			out.append(String.format("%-22s %-40s %s%n", a.account().role().label(), a.account().email(), a.oneTimePassword()));
		}
		out.append("A submitted case for Pat Demo waits in the coordinator's triage queue a few seconds after start (its FHIR bundle is"
				+ " imported first); choose Medical Oncology to see the ranked specialists.\n");
		out.append("A rare-disease case of Mira Rare is in review with Dr. Greta Gene; with consilium.hpo.dir set (README, \"Human Phenotype Ontology\")"
				+ " its workspace shows the phenotype and the differential diagnosis.\n");
		System.out.println(out);
		log.info("Demo: accounts, profiles and the rare-disease case seeded in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	/** Starts the first patient's case in the background once the application is ready (see the class comment). */
	@EventListener(ApplicationReadyEvent.class)
	void submitFirstCaseInBackground() {
		Thread thread = new Thread(this::submitFirstCase, "demo-case");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * The first patient's submitted case, with the synthetic bundle imported; done at any start where the patient has no
	 * case yet.
	 */
	private void submitFirstCase() {
		try {
			UserView patient = identity.findByEmail(PATIENT).orElse(null);
			if (patient == null) {
				return;
			}
			Actor patientActor = new Actor(patient.id(), Role.PATIENT, patient.displayName());
			if (!queries.myCases(patientActor).isEmpty()) {
				return;
			}
			OpinionRequestView draft = intake.createDraft(patientActor, null, UUID.randomUUID(), new DraftContent(
					"I was told I need a mastectomy and would like to know whether breast-conserving surgery is an option.",
					"Invasive ductal carcinoma of the left breast", CodeSystem.ICD_10_CM, "C50.912",
					"Left mastectomy followed by adjuvant chemotherapy", "Dr. First", "City Hospital", LocalDate.now().minusDays(10),
					"Lump found in the left breast three months ago; biopsy showed invasive ductal carcinoma, 2.1 cm.",
					List.of("Is breast-conserving surgery with radiotherapy an option for me?", "Do I need chemotherapy before surgery?"),
					Urgency.SOON, true, new PatientDetails("Demo", "Pat", LocalDate.of(1971, 4, 12), AdministrativeSex.FEMALE)));
			try (InputStream bundle = new ClassPathResource("demo/demo-bundle.json").getInputStream()) {
				records.importFhirBundle(patientActor, draft.id(), "demo-bundle.json", bundle.readAllBytes());
			}
			intake.updatePatientLocale(patientActor, draft.id(), "de", "DE-BE");
			intake.submit(patientActor, draft.id());
			log.info("Demo: Pat Demo's case is submitted and waits in the triage queue");
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Demo: Pat Demo's case could not be submitted: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * A case whose first opinion says Marfan syndrome and proposes surgery, assigned to and accepted by the geneticist; its
	 * phenotype is added by {@link DemoPhenotype} once the HPO release is loaded.
	 */
	private void rareDiseaseCaseInReview(CreatedAccount patient, CreatedAccount geneticist) {
		Actor patientActor = new Actor(patient.account().id(), Role.PATIENT, patient.account().displayName());
		Actor coordinator = new Actor(identity.findByEmail(COORDINATOR).orElseThrow().id(), Role.COORDINATOR, "Carla Coordinator");
		Actor specialist = new Actor(geneticist.account().id(), Role.SPECIALIST, geneticist.account().displayName());
		OpinionRequestView rare = intake.createDraft(patientActor, null, UUID.randomUUID(), new DraftContent(
				"I was told I have an inherited connective tissue disease and need an operation on my aorta now. Is the diagnosis right, and is surgery needed yet?",
				"Marfan syndrome", CodeSystem.ICD_10_CM, "Q87.4", "Prophylactic aortic root replacement", "Dr. First", "County Hospital",
				LocalDate.now().minusDays(20), "Tall since childhood, long fingers, a dislocated lens in the left eye, aortic root 45 mm on echocardiography.",
				List.of("Is the diagnosis right?", "Can the operation wait?"), Urgency.ROUTINE, true,
				new PatientDetails("Rare", "Mira", LocalDate.of(1996, 9, 14), AdministrativeSex.FEMALE)));
		intake.submit(patientActor, rare.id());
		caseTriage.assign(coordinator, rare.id(), GENETICS, Urgency.ROUTINE, specialist.id(), "The demo's rare-disease case goes to its geneticist.");
		review.acceptAssignment(specialist, rare.id());
	}
}
