package org.consilium.intake.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.intake.OpinionRequestView;
import org.consilium.intake.PatientInvitations;
import org.consilium.intake.PatientInvitations.InvitationView;
import org.consilium.intake.PatientInvitations.PendingInvitation;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.NotFoundException;

/**
 * A referring physician's invitation to the patient, as JSON: the physician reads the code of a draft they made; the
 * patient lists the invitations to their address and accepts one with its code (in the body, never the URL).
 */
@RestController
class InvitationApiController {

	private final PatientInvitations invitations;

	InvitationApiController(PatientInvitations invitations) {
		this.invitations = invitations;
	}

	/** Body of an acceptance: the code the physician handed over. */
	record Acceptance(String code) {
	}

	/** The draft's invitation, for the referring physician who made it; 404 for anyone else or a draft without one. */
	@GetMapping("/api/cases/{id}/invitation")
	InvitationView ofCase(@PathVariable UUID id) {
		return invitations.of(Actor.current(), new CaseId(id)).orElseThrow(NotFoundException::new);
	}

	@GetMapping("/api/invitations")
	List<PendingInvitation> pending() {
		return invitations.pendingFor(Actor.current());
	}

	/** Accepts the invitation; 422 ({@code invalid-input}) when the code matches no open invitation to the caller's address. */
	@PostMapping("/api/invitations/accept")
	OpinionRequestView accept(@RequestBody Acceptance body) {
		return invitations.accept(Actor.current(), body == null ? null : body.code());
	}
}
