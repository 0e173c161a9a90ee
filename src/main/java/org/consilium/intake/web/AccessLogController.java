package org.consilium.intake.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.consilium.audit.AccessSummary;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.audit.AuditOutcome;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.CaseQueries;
import org.consilium.intake.ExternalReaders;
import org.consilium.intake.OpinionRequestView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.Pages;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The patient's access log of their case, in plain words: one line per person, day (in the program's time zone) and
 * kind of access, with how many times, 50 lines a page, latest first, and a filter by person. Only the patient reads
 * it (403 for anyone else with access to the case, 404 for anyone without); reading it is itself audited
 * ({@code case.access-log}).
 */
@Controller
class AccessLogController {

	static final int LINES_PER_PAGE = 50;

	private final CaseQueries queries;

	private final AuditLog audit;

	private final IdentityManagement identity;

	private final ProgramSettings program;

	private final ObjectProvider<ExternalReaders> externalReaders;

	AccessLogController(CaseQueries queries, AuditLog audit, IdentityManagement identity, ProgramSettings program,
			ObjectProvider<ExternalReaders> externalReaders) {
		this.externalReaders = externalReaders;
		this.queries = queries;
		this.audit = audit;
		this.identity = identity;
		this.program = program;
	}

	@GetMapping("/cases/{id}/access-log")
	String accessLog(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) UUID who,
			Model model) {
		Actor actor = Actor.current();
		CaseId caseId = new CaseId(id);
		OpinionRequestView c = queries.read(actor, caseId, AuditAction.CASE_ACCESS_LOG);
		if (!actor.id().equals(c.patientId())) {
			throw new ForbiddenActionException("Only the patient reads the access log.");
		}
		UserId person = UserId.ofNullable(who);
		int offset = Pages.offset(page, LINES_PER_PAGE);
		long total = audit.countSummaryForCase(caseId, program.zone(), person);
		Pages.requireWithinList(page, (int) Math.max(0, Math.min(LINES_PER_PAGE, total - offset)));
		Map<UserId, String> names = new HashMap<>();
		List<Person> people = audit.accessorsOfCase(caseId).stream()
			.map(accessor -> new Person(accessor.value(), name(accessor, actor, names)))
			.sorted(Comparator.comparing((Person p) -> !p.id().equals(actor.id().value())).thenComparing(Person::name))
			.toList();
		model.addAttribute("c", c);
		model.addAttribute("people", people);
		model.addAttribute("who", who);
		model.addAttribute("whoName", person == null ? null : name(person, actor, names));
		model.addAttribute("lines", audit.summaryForCase(caseId, program.zone(), person, offset, LINES_PER_PAGE).stream()
			.map(line -> line(line, actor, names))
			.toList());
		model.addAttribute("page", page);
		model.addAttribute("hasNext", (long) (page + 1) * LINES_PER_PAGE < total);
		return "intake/access-log";
	}

	private Line line(AccessSummary s, Actor reader, Map<UserId, String> names) {
		boolean external = Actor.EXTERNAL_ROLE.equals(s.actorRole());
		String who = s.outcome() == AuditOutcome.DENIED ? "Someone without access to your case"
				: s.actorId() == null ? "Consilium (automatic)" : external ? externalName(s.actorId(), names) : name(s.actorId(), reader, names);
		return new Line(s.day(), s.last(), who, s.outcome() == AuditOutcome.DENIED ? null : external ? null : roleLabel(s.actorRole()),
				AuditAction.wordingOf(s.action()), outcome(s.outcome()), s.count());
	}

	/** "You" for the reader, "Consilium (automatic)" for background work, else the account's name. */
	private String name(UserId id, Actor reader, Map<UserId, String> names) {
		if (id.equals(reader.id())) {
			return "You";
		}
		if (id.equals(Actor.SYSTEM.id())) {
			return "Consilium (automatic)";
		}
		return names.computeIfAbsent(id, i -> identity.findUser(i).map(UserView::displayName).or(() -> external(i)).orElse("A former account"));
	}

	/** A reader outside the program, as the grant that let them in names them ("Dr X (treating physician, by link)"). */
	private String externalName(UserId id, Map<UserId, String> names) {
		return names.computeIfAbsent(id, i -> external(i).orElse("A reader outside Consilium"));
	}

	private java.util.Optional<String> external(UserId id) {
		return externalReaders.orderedStream().map(r -> r.describe(id)).flatMap(java.util.Optional::stream).findFirst();
	}

	private static String roleLabel(String role) {
		try {
			return Role.valueOf(role).label();
		}
		catch (IllegalArgumentException e) {
			return "Consilium";
		}
	}

	private static String outcome(AuditOutcome outcome) {
		return switch (outcome) {
			case SUCCESS -> "Done";
			case DENIED -> "Refused";
			case FAILED -> "Not completed";
		};
	}

	/** Someone who appears in the log, for the filter. */
	record Person(UUID id, String name) {
	}

	/**
	 * One line as the patient reads it: the day, when last, who and in which role (null for someone refused), what,
	 * how it ended and how many times.
	 */
	record Line(java.time.LocalDate day, java.time.Instant last, String who, String role, String what, String outcome, long times) {
	}
}
