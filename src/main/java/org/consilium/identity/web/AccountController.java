package org.consilium.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.IdentityManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.PageProblems;
import org.consilium.shared.Role;

/** Sign-in, patient self-registration, password change, staff accounts (admin) and patient invitations. */
@Controller
class AccountController {

	private final IdentityManagement identity;

	private final java.util.concurrent.Executor background;

	private final org.consilium.identity.AccountMail mail;

	private final org.consilium.identity.SecondFactorManagement secondFactors;

	AccountController(IdentityManagement identity,
			@org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") java.util.concurrent.Executor background,
			org.consilium.identity.AccountMail mail, org.consilium.identity.SecondFactorManagement secondFactors) {
		this.identity = identity;
		this.secondFactors = secondFactors;
		this.background = background;
		this.mail = mail;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	/** The registration form's fields. */
	static class RegistrationForm {
		private String displayName = "";
		private String email = "";
		private String password = "";
		private String preferredLanguage = "en";
		public String getDisplayName() { return displayName; }
		public void setDisplayName(String v) { displayName = v; }
		public String getEmail() { return email; }
		public void setEmail(String v) { email = v; }
		public String getPassword() { return password; }
		public void setPassword(String v) { password = v; }
		public String getPreferredLanguage() { return preferredLanguage; }
		public void setPreferredLanguage(String v) { preferredLanguage = v; }
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("form", new RegistrationForm());
		return "identity/register";
	}

	@PostMapping("/register")
	String register(@ModelAttribute("form") RegistrationForm form, Model model) {
		return PageProblems.attempt(() -> {
			identity.selfRegister(form.getEmail(), form.getDisplayName(), form.getPassword(), form.getPreferredLanguage());
			return "redirect:/account/check-email";
		}, problem -> {
			form.setPassword("");
			model.addAttribute("error", problem.getMessage());
			return "identity/register";
		});
	}

	/** The one answer to a registration or a reset request, whether or not the address has an account. */
	@GetMapping("/account/check-email")
	String checkEmail(Model model) {
		model.addAttribute("mailOn", mail.delivers());
		return "identity/check-email";
	}

	/** Shows a button that uses the verification link (a link scanner's GET does not use it up). */
	@GetMapping("/account/verify")
	String verifyForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "identity/verify";
	}

	@PostMapping("/account/verify")
	String verify(@RequestParam(defaultValue = "") String token, Model model) {
		return PageProblems.attempt(() -> {
			identity.verifyEmail(token);
			return "redirect:/login?verified";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return "identity/verify";
		});
	}

	@GetMapping("/account/reset")
	String resetRequestForm() {
		return "identity/reset-request";
	}

	/**
	 * Answers at once with the same redirect for every address; the look-up and the e-mail run afterwards in the
	 * background, so neither the answer nor its timing says whether the address has an account.
	 */
	@PostMapping("/account/reset")
	String requestReset(@RequestParam(defaultValue = "") String email) {
		background.execute(() -> {
			try {
				identity.requestPasswordReset(email);
			}
			catch (RuntimeException e) {
				org.slf4j.LoggerFactory.getLogger(AccountController.class).warn("Password reset request failed: {}", e.getClass().getName());
			}
		});
		return "redirect:/account/check-email";
	}

	@GetMapping("/account/reset/new")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		if (!identity.isResetLinkValid(token)) {
			model.addAttribute("error", "This link is not valid any more: it was used already or it expired. Ask for a new one.");
		}
		return "identity/reset";
	}

	@PostMapping("/account/reset/new")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword, Model model) {
		return PageProblems.attempt(() -> {
			identity.resetPassword(token, newPassword);
			return "redirect:/login?reset";
		}, problem -> {
			model.addAttribute("token", token);
			model.addAttribute("error", problem.getMessage());
			return "identity/reset";
		});
	}

	@GetMapping("/account/password")
	String passwordForm(Model model, Authentication authentication) {
		model.addAttribute("mustChange", mustChange(authentication));
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword, Model model,
			Authentication authentication, HttpServletRequest request) {
		return PageProblems.attempt(() -> {
			identity.changePassword(Actor.current(), currentPassword, newPassword);
			// Sign in again with the new password's account state (the one-time flag is gone).
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			return "redirect:/login?changed";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			model.addAttribute("mustChange", mustChange(authentication));
			return "identity/password";
		});
	}

	@GetMapping("/account/profile")
	String profile(Model model) {
		model.addAttribute("me", identity.findUser(Actor.current().id()).orElseThrow());
		model.addAttribute("recoveryCodesLeft", secondFactors.recoveryCodesLeft(Actor.current()).orElse(null));
		java.util.Map<String, String> languages = new java.util.LinkedHashMap<>();
		for (String tag : new String[] { "en", "de", "fr", "es", "it", "pt", "nl" }) {
			languages.put(tag, java.util.Locale.forLanguageTag(tag).getDisplayLanguage(java.util.Locale.ENGLISH));
		}
		model.addAttribute("languages", languages);
		return "identity/profile";
	}

	/** Saves name and language; the new name shows from the next sign-in on. */
	@PostMapping("/account/profile")
	String saveProfile(@RequestParam String displayName, @RequestParam String preferredLanguage, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		return PageProblems.attempt(() -> {
			identity.updateProfile(Actor.current(), displayName, preferredLanguage);
			redirect.addFlashAttribute("message", "Your profile is saved.");
			return "redirect:/account/profile";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return profile(model);
		});
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", identity.allUsers());
		model.addAttribute("specialties", identity.specialties());
		return "identity/users";
	}

	@PostMapping("/admin/users")
	String createUser(@RequestParam String displayName, @RequestParam String email, @RequestParam Role role,
			@RequestParam(required = false) String specialtyCode, Model model) {
		return PageProblems.attempt(() -> {
			model.addAttribute("created", identity.createStaffAccount(Actor.current(), email, displayName, role, specialtyCode, "en"));
			return users(model);
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return users(model);
		});
	}

	@GetMapping("/patients/invite")
	String inviteForm() {
		return "identity/invite";
	}

	@PostMapping("/patients/invite")
	String invite(@RequestParam String displayName, @RequestParam String email, @RequestParam(defaultValue = "en") String preferredLanguage,
			Model model) {
		return PageProblems.attempt(() -> {
			model.addAttribute("created", identity.invitePatient(Actor.current(), email, displayName, preferredLanguage));
			return "identity/invite";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return "identity/invite";
		});
	}

	private static boolean mustChange(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(a -> ConsiliumUser.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
	}
}
