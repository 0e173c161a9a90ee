package org.consilium.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.consilium.identity.SecondFactorManagement;
import org.consilium.identity.StepUp;
import org.consilium.shared.Actor;
import org.consilium.shared.PageProblems;

/**
 * The second factor's pages: the code after the password ({@code /account/second-factor}), and setting one up
 * ({@code /account/second-factor/enrol}: QR code, the secret as text, the first code, then the recovery codes once).
 * A right code completes the sign-in: the session gets a new id and the authentication with nothing pending. Step-up
 * ({@code /account/confirm}): the password or a code again before signing an opinion or changing another account.
 */
@Controller
class SecondFactorController {

	private final SecondFactorManagement secondFactors;

	private final StepUp stepUp;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(SecondFactorManagement secondFactors, StepUp stepUp) {
		this.secondFactors = secondFactors;
		this.stepUp = stepUp;
	}

	/** Step-up: the password or a code again, then back to {@code continue} (a path of this application only). */
	@GetMapping("/account/confirm")
	String confirmForm(@RequestParam(name = "continue", defaultValue = "/") String next, Model model) {
		model.addAttribute("next", localPath(next));
		model.addAttribute("offersCode", stepUp.offersCode(Actor.current()));
		model.addAttribute("singleSignOn", stepUp.isSingleSignOn());
		return "identity/confirm";
	}

	@PostMapping("/account/confirm")
	String confirm(@RequestParam(name = "continue", defaultValue = "/") String next, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, Authentication authentication, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return PageProblems.attempt(() -> {
			stepUp.confirm(Actor.current(), password, code, request.getRemoteAddr());
			signedIn(secondFactors.authenticatedNow(authentication), request, response);
			return "redirect:" + localPath(next);
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return confirmForm(next, model);
		});
	}

	/** The path when it is one of this application's (starts with one slash, no backslash), else the home page. */
	private static String localPath(String next) {
		return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\r")
				&& !next.contains("\n") ? next : "/";
	}

	@GetMapping("/account/second-factor")
	String codeForm() {
		return "identity/second-factor";
	}

	@PostMapping("/account/second-factor")
	String code(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return PageProblems.attempt(() -> {
			secondFactors.verify(Actor.current(), code, request.getRemoteAddr());
			signedIn(secondFactors.authenticatedNow(authentication), request, response);
			return "redirect:/";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return "identity/second-factor";
		});
	}

	@GetMapping("/account/second-factor/enrol")
	String enrolForm(Model model) {
		return PageProblems.attempt(() -> {
			model.addAttribute("enrolment", secondFactors.enrolment(Actor.current()));
			return "identity/enrol";
		}, problem -> {
			model.addAttribute("enrolled", problem.getMessage());
			return "identity/enrol";
		});
	}

	@PostMapping("/account/second-factor/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, Authentication authentication, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return PageProblems.attempt(() -> {
			model.addAttribute("recoveryCodes", secondFactors.confirmEnrolment(Actor.current(), code, request.getRemoteAddr()));
			signedIn(secondFactors.authenticatedNow(authentication), request, response);
			return "identity/recovery-codes";
		}, problem -> {
			model.addAttribute("error", problem.getMessage());
			return enrolForm(model);
		});
	}

	private void signedIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
