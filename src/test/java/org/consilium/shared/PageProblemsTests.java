package org.consilium.shared;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageProblemsTests {

	@Test
	void answersWithTheActionsViewWhenNothingGoesWrong() {
		assertThat(PageProblems.attempt(() -> "redirect:/cases", problem -> "intake/draft-form")).isEqualTo("redirect:/cases");
	}

	@Test
	void rerendersWithTheProblemsMessage() {
		String view = PageProblems.attempt(() -> {
			throw new InvalidInputException("Write the question.");
		}, problem -> "opinion/opinion:" + problem.getMessage());

		assertThat(view).isEqualTo("opinion/opinion:Write the question.");
	}

	@Test
	void givesTheHandlerTheProblemItself() {
		String view = PageProblems.attempt(() -> {
			throw new EditConflictException();
		}, problem -> problem instanceof EditConflictException ? "conflict" : "other");

		assertThat(view).isEqualTo("conflict");
	}

	@Test
	void leavesNotFoundToTheErrorPage() {
		assertThatThrownBy(() -> PageProblems.attempt(() -> {
			throw new NotFoundException();
		}, problem -> "shown")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void leavesProblemsOfOtherTypesToTheErrorPageWhenThePageNamesItsTypes() {
		List<Class<? extends ConsiliumProblem>> handled = List.of(InvalidInputException.class);

		assertThat(PageProblems.attempt(handled, () -> {
			throw new InvalidInputException("Choose a file.");
		}, ConsiliumProblem::getMessage)).isEqualTo("Choose a file.");
		assertThatThrownBy(() -> PageProblems.attempt(handled, () -> {
			throw new ForbiddenActionException("Only the patient adds records.");
		}, problem -> "shown")).isInstanceOf(ForbiddenActionException.class);
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThatThrownBy(() -> PageProblems.attempt(() -> {
			throw new IllegalStateException("bug");
		}, problem -> "shown")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void redirectsWithTheMessageAsFlashError() {
		RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

		String view = PageProblems.attempt(() -> {
			throw new IllegalTransitionException("The case is not in triage.");
		}, PageProblems.flashError(redirect, "redirect:/cases/1/triage"));

		assertThat(view).isEqualTo("redirect:/cases/1/triage");
		assertThat(redirect.getFlashAttributes()).hasSize(1);
		assertThat(redirect.getFlashAttributes().get("error")).isEqualTo("The case is not in triage.");
	}
}
