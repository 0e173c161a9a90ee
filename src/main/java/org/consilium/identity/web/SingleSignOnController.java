package org.consilium.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import org.consilium.identity.SingleSignOnFailure;
import org.consilium.identity.SingleSignOnSettings;

/**
 * The pages of single sign-on: why a sign-on failed ({@code /sso/failed?reason=<code>}, open to everyone; the code is
 * one of {@link SingleSignOnFailure}'s, anything else reads as a general failure) and the page of an account that has
 * no role yet ({@code /sso/no-role}).
 */
@Controller
class SingleSignOnController {

	@GetMapping("/sso/failed")
	String failed(@RequestParam(defaultValue = "") String reason, Model model) {
		model.addAttribute("failure", SingleSignOnFailure.fromCode(reason));
		return "identity/sso-failed";
	}

	@GetMapping("/sso/no-role")
	String noRole() {
		return "identity/sso-no-role";
	}

	/** Gives the sign-in page (and the other account pages) the sign-on button when single sign-on is configured. */
	@ControllerAdvice(assignableTypes = { AccountController.class, SingleSignOnController.class })
	static class SignOnButton {

		private final SingleSignOnSettings settings;

		SignOnButton(SingleSignOnSettings settings) {
			this.settings = settings;
		}

		@ModelAttribute("sso")
		SingleSignOnSettings sso() {
			return settings;
		}
	}
}
