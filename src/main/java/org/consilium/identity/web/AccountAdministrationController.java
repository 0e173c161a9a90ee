package org.consilium.identity.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.consilium.identity.AccountAdministration;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.StepUp;
import org.consilium.shared.Actor;
import org.consilium.shared.PageProblems;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * An administrator's pages for one account ({@code /admin/users/{id}}) and for the accounts that need attention
 * ({@code /admin/users/attention}: locked or deactivated). Every action posts, redirects back with its outcome and is
 * audited by {@link AccountAdministration}; a sign-in older than the step-up window asks for the password or a code first.
 */
@Controller
class AccountAdministrationController {

	private final AccountAdministration administration;

	private final IdentityManagement identity;

	private final StepUp stepUp;

	AccountAdministrationController(AccountAdministration administration, IdentityManagement identity, StepUp stepUp) {
		this.stepUp = stepUp;
		this.administration = administration;
		this.identity = identity;
	}

	@GetMapping("/admin/users/attention")
	String attention(Model model) {
		model.addAttribute("accounts", administration.needingAttention(Actor.current()));
		return "identity/attention";
	}

	@GetMapping("/admin/users/{id}")
	String account(@PathVariable UUID id, Model model) {
		model.addAttribute("state", administration.state(Actor.current(), new UserId(id)));
		model.addAttribute("specialties", identity.specialties());
		model.addAttribute("staffRoles", new Role[] { Role.COORDINATOR, Role.SPECIALIST, Role.REFERRING_PHYSICIAN, Role.ADMIN });
		return "identity/account";
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> redirect.addFlashAttribute("oneTimePassword", administration.resetPassword(Actor.current(), new UserId(id))));
	}

	@PostMapping("/admin/users/{id}/reset-link")
	String sendResetLink(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			administration.sendResetLink(Actor.current(), new UserId(id));
			redirect.addFlashAttribute("message", "A link to set a new password is on its way to the account's address.");
		});
	}

	@PostMapping("/admin/users/{id}/unlock")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			administration.unlock(Actor.current(), new UserId(id));
			redirect.addFlashAttribute("message", "The account's failed sign-ins are forgotten.");
		});
	}

	@PostMapping("/admin/users/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			administration.resetSecondFactor(Actor.current(), new UserId(id));
			redirect.addFlashAttribute("message", "The second factor is removed; the account sets up a new one at its next sign-in.");
		});
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			administration.deactivate(Actor.current(), new UserId(id), reason);
			redirect.addFlashAttribute("message", "The account is deactivated; its sessions end at their next click.");
		});
	}

	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			administration.reactivate(Actor.current(), new UserId(id));
			redirect.addFlashAttribute("message", "The account can sign in again.");
		});
	}

	@PostMapping("/admin/users/{id}/role")
	String changeRole(@PathVariable UUID id, @RequestParam Role role, @RequestParam(required = false) String specialtyCode,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			administration.changeRole(Actor.current(), new UserId(id), role, specialtyCode);
			redirect.addFlashAttribute("message", "The role is changed; the account signs in again to use it.");
		});
	}

	/** Runs the action after a recent confirmation ({@link StepUp}); otherwise asks for one first and changes nothing. */
	private String act(UUID id, RedirectAttributes redirect, Runnable action) {
		String back = "redirect:/admin/users/" + id;
		if (stepUp.isRequired()) {
			redirect.addFlashAttribute("message", "Nothing is changed yet. Confirm it is you, then do it again.");
			return "redirect:/account/confirm?continue=/admin/users/" + id;
		}
		return PageProblems.attempt(() -> {
			action.run();
			return back;
		}, PageProblems.flashError(redirect, back));
	}
}
