package org.consilium.triage.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

import org.consilium.identity.Actor;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.triage.ChecklistItemState;
import org.consilium.triage.TriageManagement;

/**
 * Adds the completeness parts to the pages of {@link TriageController} (rendered by the fragments in
 * {@code triage/completeness.html}), kept apart from that controller so its assign step stays separate: on the queue
 * the open urgent findings; on a case's triage page its checklist, urgent findings and the specialists for the panel
 * form. Only for page reads (GET); the actions post to {@link CompletenessController}.
 */
@ControllerAdvice(assignableTypes = TriageController.class)
class TriagePageAdditions {

	private final TriageManagement triage;

	private final IdentityManagement identity;

	TriagePageAdditions(TriageManagement triage, IdentityManagement identity) {
		this.triage = triage;
		this.identity = identity;
	}

	@ModelAttribute
	void completeness(HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod())) {
			return;
		}
		Actor actor = Actor.current();
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String id = variables == null ? null : variables.get("id");
		if (id == null) {
			model.addAttribute("openFindings", triage.openUrgentFindings(actor));
			return;
		}
		UUID caseId;
		try {
			caseId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return;
		}
		model.addAttribute("checklist", triage.checklist(actor, caseId));
		model.addAttribute("itemStates", ChecklistItemState.values());
		model.addAttribute("findings", triage.urgentFindings(actor, caseId));
		model.addAttribute("allSpecialists", identity.specialties().stream()
			.flatMap(s -> identity.specialists(s.code()).stream()).sorted(java.util.Comparator.comparing(UserView::displayName)).toList());
	}

}
