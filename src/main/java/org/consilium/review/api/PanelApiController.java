package org.consilium.review.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.consilium.intake.CasePanel;
import org.consilium.intake.CaseQueries;
import org.consilium.review.Concordance;
import org.consilium.review.PanelDissent;
import org.consilium.review.PanelOpinion;
import org.consilium.review.PanelReview;
import org.consilium.review.ReviewManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;

/**
 * A case's panel as JSON: its chair and members, each member's independent opinion (readable once one's own is saved:
 * 403 {@code forbidden-action} before) and the dissents shown with the delivered opinion.
 */
@RestController
class PanelApiController {

	private final ReviewManagement review;

	private final PanelReview panels;

	private final CaseQueries queries;

	PanelApiController(ReviewManagement review, PanelReview panels, CaseQueries queries) {
		this.review = review;
		this.panels = panels;
		this.queries = queries;
	}

	record PanelOpinionBody(Concordance concordance, String opinion) {
	}

	record DissentBody(String dissent) {
	}

	@GetMapping("/api/cases/{id}/panel")
	CasePanel panel(@PathVariable UUID id) {
		return queries.panel(Actor.current(), new CaseId(id));
	}

	@PostMapping("/api/cases/{id}/panel/opinions")
	PanelOpinion save(@PathVariable UUID id, @RequestBody PanelOpinionBody body) {
		return panels.savePanelOpinion(Actor.current(), new CaseId(id), body.concordance(), body.opinion());
	}

	@GetMapping("/api/cases/{id}/panel/opinions")
	List<PanelOpinion> opinions(@PathVariable UUID id) {
		return panels.panelOpinions(Actor.current(), new CaseId(id));
	}

	@PostMapping("/api/cases/{id}/panel/dissents")
	PanelDissent dissent(@PathVariable UUID id, @RequestBody DissentBody body) {
		return panels.recordDissent(Actor.current(), new CaseId(id), body.dissent());
	}

	@GetMapping("/api/cases/{id}/panel/dissents")
	List<PanelDissent> dissents(@PathVariable UUID id) {
		return panels.dissents(Actor.current(), new CaseId(id));
	}
}
