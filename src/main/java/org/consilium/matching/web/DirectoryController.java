package org.consilium.matching.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.identity.IdentityManagement;
import org.consilium.intake.IntakeManagement;
import org.consilium.matching.SpecialistMatching;
import org.consilium.matching.SpecialistMatching.ProfileChange;
import org.consilium.matching.SpecialistProfile;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.PageProblems;
import org.consilium.shared.UserId;

/**
 * The specialist directory pages: the list for administrators and coordinators, and the profile form (theirs for
 * specialists). Lists in the form are one entry per line (or separated by commas).
 */
@Controller
class DirectoryController {

	private final SpecialistMatching matching;

	private final IdentityManagement identity;

	private final IntakeManagement intake;

	DirectoryController(SpecialistMatching matching, IdentityManagement identity, IntakeManagement intake) {
		this.matching = matching;
		this.identity = identity;
		this.intake = intake;
	}

	@GetMapping("/specialists")
	String directory(Model model) {
		var entries = matching.directory(Actor.current());
		var names = matching.specialtyNames();
		java.util.Map<UserId, String> specialtiesText = new java.util.HashMap<>();
		entries.stream().filter(e -> e.profile() != null).forEach(e -> specialtiesText.put(e.specialist().id(),
				String.join(", ", e.profile().specialties().stream().map(code -> names.getOrDefault(code, code)).toList())));
		model.addAttribute("entries", entries);
		model.addAttribute("specialtiesText", specialtiesText);
		model.addAttribute("crosswalk", matching.crosswalkStatus());
		return "matching/directory";
	}

	/** A specialist's own profile. */
	@GetMapping("/specialists/me")
	String mine() {
		return "redirect:/specialists/" + Actor.current().id() + "/profile";
	}

	@GetMapping("/specialists/{specialistId}/profile")
	String profile(@PathVariable UUID specialistId, Model model) {
		Actor actor = Actor.current();
		model.addAttribute("specialist", matching.specialist(actor, UserId.ofNullable(specialistId)));
		if (!model.containsAttribute("form")) {
			SpecialistProfile p = matching.profile(actor, UserId.ofNullable(specialistId)).orElse(null);
			model.addAttribute("form", p == null ? ProfileForm.empty() : ProfileForm.of(p));
		}
		model.addAttribute("specialties", identity.specialties());
		model.addAttribute("crosswalk", matching.crosswalkStatus());
		return "matching/profile";
	}

	/** The profile form's fields as the page shows them; lists as text, one entry per line. */
	record ProfileForm(Integer version, List<String> specialties, String diseases, String languages, String institution, String licences,
			Integer weeklyCapacity, String absences) {

		static ProfileForm empty() {
			return new ProfileForm(null, List.of(), "", "", "", "", 5, "");
		}

		static ProfileForm of(SpecialistProfile p) {
			return new ProfileForm(p.version(), p.specialties(), lines(p.diseases()), lines(p.languages()), p.institution(), lines(p.licences()),
					p.weeklyCapacity(), lines(p.absences()));
		}

		private static String lines(List<?> values) {
			return String.join("\n", values.stream().map(Object::toString).toList());
		}

		ProfileChange change() {
			return new ProfileChange(specialties, split(diseases), split(languages), institution, split(licences), weeklyCapacity, split(absences));
		}

		private static List<String> split(String text) {
			return text == null ? List.of() : Arrays.stream(text.split("[\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
	}

	@PostMapping("/specialists/{specialistId}/profile")
	String save(@PathVariable UUID specialistId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) List<String> specialties, @RequestParam(defaultValue = "") String diseases,
			@RequestParam(defaultValue = "") String languages, @RequestParam(defaultValue = "") String institution,
			@RequestParam(defaultValue = "") String licences, @RequestParam(required = false) Integer weeklyCapacity,
			@RequestParam(defaultValue = "") String absences, Model model, RedirectAttributes redirect) {
		ProfileForm form = new ProfileForm(version, specialties == null ? List.of() : specialties, diseases, languages, institution, licences,
				weeklyCapacity, absences);
		return PageProblems.attempt(() -> {
			matching.saveProfile(Actor.current(), UserId.ofNullable(specialistId), version, form.change());
			redirect.addFlashAttribute("message", "The profile is saved.");
			return "redirect:/specialists/" + specialistId + "/profile";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			model.addAttribute("form", form);
			return profile(specialistId, model);
		});
	}

	/** The coordinator records the patient's preferred language and jurisdiction on the triage page. */
	@PostMapping("/cases/{id}/triage/patient-locale")
	String patientLocale(@PathVariable UUID id, @RequestParam(defaultValue = "") String preferredLanguage,
			@RequestParam(defaultValue = "") String jurisdiction, RedirectAttributes redirect) {
		String back = "redirect:/cases/" + id + "/triage";
		return PageProblems.attempt(() -> {
			intake.updatePatientLocale(Actor.current(), new CaseId(id), preferredLanguage, jurisdiction);
			redirect.addFlashAttribute("message", "The patient's language and jurisdiction are saved; the suggestions are updated.");
			return back;
		}, PageProblems.flashError(redirect, back));
	}
}
