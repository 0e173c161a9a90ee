package org.consilium.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.intake.TestDrafts;
import org.consilium.intake.IntakeManagement;
import org.consilium.intake.Urgency;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.Role;
import org.consilium.triage.CaseTriage;

/**
 * Clock escalations with a fixed clock: the triage clock of a case submitted Monday 2027-03-01 09:00 Berlin with the
 * default 2 business days is due Wednesday 17:00 Berlin (16:00 UTC), 56 hours later; 50 % is reached after 28 hours,
 * 80 % after 44.8 hours.
 */
class EscalationTests extends MailTestSupport {

	static final Instant MONDAY_0900_BERLIN = Instant.parse("2027-03-01T08:00:00Z");

	@Autowired
	EscalationScan scan;

	@Autowired
	IdentityManagement identity;

	@Autowired
	IntakeManagement intake;

	@Autowired
	CaseTriage caseTriage;

	@Autowired
	JdbcClient jdbc;

	Actor seed(Role role) {
		UserView u = identity.seedAccount(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", role.label(), role, null).account();
		return new Actor(u.id(), role, u.displayName());
	}

	UUID submittedCase(Actor patient) {
		UUID id = intake.createDraft(patient, null, UUID.randomUUID(), TestDrafts.content("reason", "diagnosis", null, "", "treatment", "", "",
				null, "", List.of("Question?"), Urgency.ROUTINE, true)).id().value();
		intake.submit(patient, new CaseId(id));
		return id;
	}

	List<String> escalations(Actor to, UUID caseId) {
		return jdbc.sql("SELECT kind FROM notification.notice WHERE recipient_id = ? AND case_id = ? AND kind LIKE '%CLOCK%' ORDER BY kind")
			.params(to.id().value(), caseId).query(String.class).list();
	}

	@Test
	void eachThresholdOfTheTriageClockEscalatesOnceToTheCoordinatorWhoClaimedTheCase() {
		clock.set(MONDAY_0900_BERLIN);
		Actor patient = seed(Role.PATIENT);
		Actor claiming = seed(Role.COORDINATOR);
		Actor other = seed(Role.COORDINATOR);
		UUID claimed = submittedCase(patient);
		caseTriage.startTriage(claiming, new CaseId(claimed));
		UUID unclaimed = submittedCase(patient);
		UUID onHold = submittedCase(patient);
		caseTriage.startTriage(claiming, new CaseId(onHold));
		caseTriage.requestRecords(claiming, new CaseId(onHold), "The biopsy report, please.");

		clock.set(Instant.parse("2027-03-02T11:59:00Z"));
		scan.scan();
		assertThat(escalations(claiming, claimed)).as("49.9 %").isEmpty();

		clock.set(Instant.parse("2027-03-02T12:00:00Z"));
		scan.scan();
		scan.scan();
		assertThat(escalations(claiming, claimed)).containsExactly("TRIAGE_CLOCK_50");
		assertThat(escalations(other, claimed)).as("a claimed case escalates to its coordinator only").isEmpty();
		assertThat(escalations(other, unclaimed)).as("an unclaimed case escalates to every coordinator").containsExactly("TRIAGE_CLOCK_50");

		clock.set(Instant.parse("2027-03-03T04:48:00Z"));
		scan.scan();
		assertThat(escalations(claiming, claimed)).containsExactly("TRIAGE_CLOCK_50", "TRIAGE_CLOCK_80");

		clock.set(Instant.parse("2027-03-03T16:00:00Z"));
		scan.scan();
		clock.set(Instant.parse("2027-03-05T16:00:00Z"));
		scan.scan();
		assertThat(escalations(claiming, claimed)).containsExactly("TRIAGE_CLOCK_100", "TRIAGE_CLOCK_50", "TRIAGE_CLOCK_80");
		assertThat(jdbc.sql("SELECT count(*) FROM notification.escalation WHERE case_id = ?").param(claimed).query(Long.class).single())
			.isEqualTo(3);
		assertThat(escalations(claiming, onHold)).as("a paused clock does not escalate").isEmpty();
	}
}
