package org.consilium.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.consilium.identity.Actor;
import org.consilium.identity.IdentityManagement.CreatedAccount;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.Role;
import org.consilium.intake.CodeSystem;
import org.consilium.intake.DraftContent;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.Urgency;
import org.consilium.matching.SpecialistMatching;
import org.consilium.records.RecordsManagement;
import org.consilium.review.ReviewManagement;
import org.consilium.triage.CaseTriage;

/**
 * Seeds the demo once: a coordinator, four specialists with directory profiles (three oncologists, one of them at the
 * first opinion's institution, and a cardiologist), a referring physician and two
 * patients, each with a random one-time password printed once to the console, and one submitted case for the first
 * patient with the synthetic bundle {@code demo/demo-bundle.json} imported.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "consilium.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

	static final String COORDINATOR = "coordinator@demo.consilium.local";

	static final String ONCOLOGY = "207RX0202X";

	/** Clinical Genetics (M.D.). */
	static final String GENETICS = "207SG0201X";

	static final String GENETICIST = "geneticist@demo.consilium.local";

	static final String RARE_DISEASE_PATIENT = "patient3@demo.consilium.local";

	private final IdentityManagement identity;

	private final IntakeManagement intake;

	private final CaseTriage caseTriage;

	private final ReviewManagement review;

	private final RecordsManagement records;

	private final SpecialistMatching matching;

	DemoData(IdentityManagement identity, IntakeManagement intake, CaseTriage caseTriage, ReviewManagement review, RecordsManagement records,
			SpecialistMatching matching) {
		this.identity = identity;
		this.intake = intake;
		this.caseTriage = caseTriage;
		this.review = review;
		this.records = records;
		this.matching = matching;
	}

	private void profile(CreatedAccount specialist, List<String> diseases, List<String> languages, String institution, List<String> licences,
			int weeklyCapacity, List<String> absences) {
		matching.saveProfile(Actor.SYSTEM, specialist.account().id(), null, new SpecialistMatching.ProfileChange(List.of(specialist.account()
			.specialtyCode()), diseases, languages, institution, licences, weeklyCapacity, absences));
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (identity.findByEmail(COORDINATOR).isPresent()) {
			return;
		}
		List<CreatedAccount> created = new ArrayList<>();
		created.add(identity.seedAccount(COORDINATOR, "Carla Coordinator", Role.COORDINATOR, null));
		CreatedAccount olga = identity.seedAccount("oncologist@demo.consilium.local", "Dr. Olga Onco", Role.SPECIALIST, ONCOLOGY);
		created.add(olga);
		CreatedAccount karl = identity.seedAccount("cardiologist@demo.consilium.local", "Dr. Karl Cardio", Role.SPECIALIST, "207RC0000X");
		created.add(karl);
		CreatedAccount brigitte = identity.seedAccount("breast-oncologist@demo.consilium.local", "Dr. Brigitte Brust", Role.SPECIALIST, ONCOLOGY);
		created.add(brigitte);
		CreatedAccount hanna = identity.seedAccount("city-oncologist@demo.consilium.local", "Dr. Hanna Haus", Role.SPECIALIST, ONCOLOGY);
		created.add(hanna);
		profile(olga, List.of("ICD-10-CM:C50"), List.of("en", "fr"), "University Cancer Centre", List.of("DE", "FR"), 3, List.of());
		profile(karl, List.of("ICD-10-CM:I42"), List.of("de", "en"), "Heart Institute", List.of("DE"), 4, List.of());
		profile(brigitte, List.of("ICD-10-CM:C50.912", "ORPHA:227535"), List.of("de", "en"), "Breast Centre North", List.of("DE-BE"), 5,
				List.of(LocalDate.now().plusDays(3) + "/" + LocalDate.now().plusDays(4)));
		profile(hanna, List.of("ICD-10-CM:C50"), List.of("de"), "City Hospital", List.of("DE"), 5, List.of());
		created.add(identity.seedAccount("referrer@demo.consilium.local", "Dr. Rita Referrer", Role.REFERRING_PHYSICIAN, null));
		CreatedAccount patient = identity.seedAccount("patient@demo.consilium.local", "Pat Demo", Role.PATIENT, null);
		created.add(patient);
		created.add(identity.seedAccount("patient2@demo.consilium.local", "Sam Second", Role.PATIENT, null));
		CreatedAccount greta = identity.seedAccount(GENETICIST, "Dr. Greta Gene", Role.SPECIALIST, GENETICS);
		created.add(greta);
		profile(greta, List.of("ORPHA:558", "ICD-10-CM:Q87.4"), List.of("en", "de"), "Rare Disease Centre", List.of("DE"), 4, List.of());
		CreatedAccount mira = identity.seedAccount(RARE_DISEASE_PATIENT, "Mira Rare", Role.PATIENT, null);
		created.add(mira);

		Actor patientActor = new Actor(patient.account().id(), Role.PATIENT, patient.account().displayName());
		OpinionRequestView draft = intake.createDraft(patientActor, null, UUID.randomUUID(), new DraftContent(
				"I was told I need a mastectomy and would like to know whether breast-conserving surgery is an option.",
				"Invasive ductal carcinoma of the left breast", CodeSystem.ICD_10_CM, "C50.912",
				"Left mastectomy followed by adjuvant chemotherapy", "Dr. First", "City Hospital", LocalDate.now().minusDays(10),
				"Lump found in the left breast three months ago; biopsy showed invasive ductal carcinoma, 2.1 cm.",
				List.of("Is breast-conserving surgery with radiotherapy an option for me?", "Do I need chemotherapy before surgery?"),
				Urgency.SOON, true));
		try (InputStream bundle = new ClassPathResource("demo/demo-bundle.json").getInputStream()) {
			records.importFhirBundle(patientActor, draft.id(), "demo-bundle.json", bundle.readAllBytes());
		}
		intake.updatePatientLocale(patientActor, draft.id(), "de", "DE-BE");
		intake.submit(patientActor, draft.id());

		rareDiseaseCaseInReview(mira, greta);

		StringBuilder out = new StringBuilder("\n=== Consilium demo accounts (passwords shown once; change them at first sign-in) ===\n");
		for (CreatedAccount a : created) {
			out.append(String.format("%-22s %-40s %s%n", a.account().role().label(), a.account().email(), a.oneTimePassword()));
		}
		out.append("A submitted case for Pat Demo waits in the coordinator's triage queue; choose Medical Oncology to see the ranked specialists.\n");
		out.append("A rare-disease case of Mira Rare is in review with Dr. Greta Gene; with consilium.hpo.dir set (README, \"Human Phenotype Ontology\")"
				+ " its workspace shows the phenotype and the differential diagnosis.\n");
		System.out.println(out);
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
				List.of("Is the diagnosis right?", "Can the operation wait?"), Urgency.ROUTINE, true));
		intake.submit(patientActor, rare.id());
		caseTriage.assign(coordinator, rare.id(), GENETICS, Urgency.ROUTINE, specialist.userId(), "The demo's rare-disease case goes to its geneticist.");
		review.acceptAssignment(specialist, rare.id());
	}
}
