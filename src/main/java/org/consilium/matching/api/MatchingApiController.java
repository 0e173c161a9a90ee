package org.consilium.matching.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.intake.IntakeManagement;
import org.consilium.intake.PatientLocale;
import org.consilium.matching.AssignmentDecision;
import org.consilium.matching.SpecialistMatching.Candidates;
import org.consilium.matching.SpecialistMatching.DirectoryEntry;
import org.consilium.matching.SpecialistMatching.ProfileChange;
import org.consilium.matching.SpecialistMatching;
import org.consilium.matching.SpecialistProfile;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

/** The specialist directory and matching as JSON. Errors are problem details (invalid-input 422, forbidden 403, not-found 404). */
@RestController
class MatchingApiController {

	private final SpecialistMatching matching;

	private final IntakeManagement intake;

	MatchingApiController(SpecialistMatching matching, IntakeManagement intake) {
		this.matching = matching;
		this.intake = intake;
	}

	/**
	 * A profile to save. {@code expectedVersion} is the version read (null for a first save); lists hold codes as text:
	 * specialties NUCC, diseases {@code OMIM:230800} / {@code ORPHA:77259} / {@code ICD-10-CM:E75} ..., languages BCP 47,
	 * licences ISO 3166-1/-2, absences ISO 8601 intervals {@code 2026-12-01/2026-12-05}.
	 */
	record ProfileRequest(Integer expectedVersion, List<String> specialties, List<String> diseases, List<String> languages, String institution,
			List<String> licences, Integer weeklyCapacity, List<String> absences) {
	}

	/** The patient's preferred language (BCP 47) and jurisdiction (ISO 3166-1/-2); blank clears. */
	record LocaleRequest(String preferredLanguage, String jurisdiction) {
	}

	@GetMapping("/api/specialists")
	List<DirectoryEntry> directory() {
		return matching.directory(Actor.current());
	}

	@GetMapping("/api/specialists/{specialistId}/profile")
	SpecialistProfile profile(@PathVariable UUID specialistId) {
		return matching.profile(Actor.current(), UserId.ofNullable(specialistId)).orElseThrow(NotFoundException::new);
	}

	@PutMapping("/api/specialists/{specialistId}/profile")
	SpecialistProfile saveProfile(@PathVariable UUID specialistId, @RequestBody ProfileRequest body) {
		return matching.saveProfile(Actor.current(), UserId.ofNullable(specialistId), body.expectedVersion(), new ProfileChange(body.specialties(), body.diseases(),
				body.languages(), body.institution(), body.licences(), body.weeklyCapacity(), body.absences()));
	}

	/** The ranked, explained candidates for a case; {@code specialtyCode} (NUCC) defaults to the case's. */
	@GetMapping("/api/cases/{id}/candidates")
	Candidates candidates(@PathVariable UUID id, @RequestParam(required = false) String specialtyCode) {
		return matching.candidates(Actor.current(), new CaseId(id), specialtyCode);
	}


	/** The assignments made through matching, with override reasons. */
	@GetMapping("/api/cases/{id}/assignment-decisions")
	List<AssignmentDecision> decisions(@PathVariable UUID id) {
		return matching.decisions(Actor.current(), new CaseId(id));
	}

	@PutMapping("/api/cases/{id}/patient-locale")
	PatientLocale patientLocale(@PathVariable UUID id, @RequestBody LocaleRequest body) {
		return intake.updatePatientLocale(Actor.current(), new CaseId(id), body.preferredLanguage(), body.jurisdiction());
	}
}
