package org.consilium.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one place where a page answers a problem its action raised. A page controller says once what to show when the
 * action fails: the form re-rendered with the message and what was typed, a fragment, or a redirect with a flash
 * message. It writes no {@code try}/{@code catch} of its own.
 * <p>
 * A {@link NotFoundException} is never handled here: it goes on to {@link ProblemResponses}, so a case the user may
 * not see answers the same 404 page as a case that does not exist. So does every problem of a type the page did not
 * name, and anything that is not a {@link ConsiliumProblem}.
 *
 * <pre>{@code
 * return PageProblems.attempt(() -> {
 *     review.acceptAssignment(actor, caseId);
 *     redirect.addFlashAttribute("done", "You accepted the case.");
 *     return "redirect:/cases/" + id + "/review";
 * }, problem -> render(id, model, problem.getMessage()));
 * }</pre>
 */
public final class PageProblems {

	private PageProblems() {
	}

	/**
	 * Runs {@code action} and returns its view name; on any {@link ConsiliumProblem} but not-found, returns what
	 * {@code onProblem} makes of it instead.
	 */
	public static String attempt(Supplier<String> action, Function<ConsiliumProblem, String> onProblem) {
		return attempt(List.of(ConsiliumProblem.class), action, onProblem);
	}

	/**
	 * As {@link #attempt(Supplier, Function)}, for a page that answers only problems of the {@code handled} types
	 * itself; any other problem becomes the error page.
	 */
	public static String attempt(List<Class<? extends ConsiliumProblem>> handled, Supplier<String> action,
			Function<ConsiliumProblem, String> onProblem) {
		try {
			return action.get();
		}
		catch (ConsiliumProblem problem) {
			if (problem instanceof NotFoundException || handled.stream().noneMatch(type -> type.isInstance(problem))) {
				throw problem;
			}
			return onProblem.apply(problem);
		}
	}

	/**
	 * The answer of a post whose page shows the outcome after a redirect: the problem's message as the flash attribute
	 * {@code error}, then {@code redirect} (a view name such as {@code "redirect:/cases/{id}/triage"}).
	 */
	public static Function<ConsiliumProblem, String> flashError(RedirectAttributes attributes, String redirect) {
		return problem -> {
			attributes.addFlashAttribute("error", problem.getMessage());
			return redirect;
		};
	}
}
