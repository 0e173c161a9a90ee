package org.consilium.triage.web;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.triage.ChecklistItemState;
import org.consilium.triage.TriageManagement;

/**
 * The completeness parts of the pages of {@link TriageController} (rendered by the fragments in
 * {@code triage/completeness.html}), kept apart from that controller so its assign step stays separate: on the queue
 * the open urgent findings; on a case's triage page its checklist, urgent findings and the specialists for the panel
 * form. The actions post to {@link CompletenessController}.
 */
@Component
class TriagePageAdditions {

	private final TriageManagement triage;

	private final IdentityManagement identity;

	TriagePageAdditions(TriageManagement triage, IdentityManagement identity) {
		this.triage = triage;
		this.identity = identity;
	}

	/** The open urgent findings the actor may see, for the top of the queue. */
	void addToQueue(Actor actor, Model model) {
		model.addAttribute("openFindings", triage.openUrgentFindings(actor));
	}

	/** The case's checklist, urgent findings and the specialists a panel may be formed of. */
	void addToCase(Actor actor, UUID caseId, Model model) {
		model.addAttribute("checklist", triage.checklist(actor, new CaseId(caseId)));
		model.addAttribute("itemStates", ChecklistItemState.values());
		model.addAttribute("findings", triage.urgentFindings(actor, new CaseId(caseId)));
		model.addAttribute("allSpecialists", identity.specialties().stream()
			.flatMap(s -> identity.specialists(s.code()).stream()).sorted(java.util.Comparator.comparing(UserView::displayName)).toList());
	}
}
