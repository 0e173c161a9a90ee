package org.consilium.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.TestCases;
import org.consilium.intake.TestDrafts;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.DateDisplay;
import org.consilium.shared.ProgramSettings;
import org.consilium.shared.Role;

/**
 * The patient's access log groups the trail: one line per person, day and kind of access with a count, a filter by
 * person, plain words only (no action codes, no role constants), and someone refused is never named.
 */
@ConsiliumIntegrationTest
class AccessLogTests {

	private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	IntakeManagement intake;

	@Autowired
	DateDisplay dates;

	@Autowired
	Clock clock;

	@Autowired
	ProgramSettings program;

	@Test
	void showsOneLinePerPersonDayAndKindOfAccessWithHowManyTimes() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor stranger = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, TestDrafts.PATIENT);
		intake.submit(patient, new CaseId(caseId));
		for (int i = 0; i < 3; i++) {
			page(coordinator, "/cases/" + caseId);
		}
		page(patient, "/cases/" + caseId);
		page(patient, "/cases/" + caseId);
		page(stranger, "/cases/" + caseId);
		page(stranger, "/cases/" + caseId);

		String log = page(patient, "/cases/" + caseId + "/access-log");
		List<String> lines = lines(log);

		assertThat(lines).filteredOn(l -> l.contains("Read the case")).containsExactlyInAnyOrder(
				line(coordinator.displayName() + " (Coordinator)", "Read the case", "3 times", "Done"),
				line("You (Patient)", "Read the case", "2 times", "Done"),
				line("Someone without access to your case", "Read the case", "2 times", "Refused"));
		assertThat(lines).filteredOn(l -> l.contains("Sent the request")).hasSize(1).allMatch(l -> l.contains("Once"));
		assertThat(log).doesNotContain("case.read", "COORDINATOR", stranger.id().toString());
	}

	@Test
	void filtersByPerson() throws Exception {
		Actor patient = accounts.create(Role.PATIENT);
		Actor coordinator = accounts.create(Role.COORDINATOR);
		Actor stranger = accounts.create(Role.PATIENT);
		UUID caseId = cases.draft(patient, TestDrafts.PATIENT);
		intake.submit(patient, new CaseId(caseId));
		page(coordinator, "/cases/" + caseId);
		page(stranger, "/cases/" + caseId);

		String everyone = page(patient, "/cases/" + caseId + "/access-log");
		assertThat(everyone).contains("<option value=\"" + coordinator.id() + "\">" + coordinator.displayName() + "</option>")
			.as("someone refused is not offered by name").doesNotContain(stranger.id().toString());

		String onlyCoordinator = page(patient, "/cases/" + caseId + "/access-log?who=" + coordinator.id());
		assertThat(lines(onlyCoordinator)).isNotEmpty().allMatch(l -> l.contains(coordinator.displayName()));
		assertThat(onlyCoordinator).contains("Showing only: <strong>" + coordinator.displayName() + "</strong>");

		String nobody = page(patient, "/cases/" + caseId + "/access-log?who=" + UUID.randomUUID());
		assertThat(lines(nobody)).isEmpty();
		assertThat(nobody).contains("This person has not accessed your case.");
	}

	private String page(Actor actor, String path) throws Exception {
		return mvc.perform(get(path).with(authentication(TestAccounts.authentication(actor)))).andReturn().getResponse().getContentAsString();
	}

	/** The rows of the log's table as text, cells separated by " | ". */
	private static List<String> lines(String html) {
		int table = html.indexOf("<tbody>");
		if (table < 0) {
			return List.of();
		}
		Matcher row = ROW.matcher(html.substring(table, html.indexOf("</tbody>", table)));
		List<String> lines = new java.util.ArrayList<>();
		while (row.find()) {
			lines.add(row.group(1).replaceAll("</td>\\s*<td>", " | ").replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()
				.replace("&#39;", "'"));
		}
		return lines;
	}

	private String line(String who, String what, String times, String result) {
		return "%s | %s | %s | %s | %s".formatted(dates.day(LocalDate.ofInstant(clock.instant(), program.zone())), who, what, times, result);
	}
}
