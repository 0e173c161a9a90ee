package org.consilium.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.identity.TestAccounts;
import org.consilium.intake.TestCases;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;

/** Without e-mail ({@code spring.mail.host} unset) no link can reach a physician, so none is made, and the patient is told. */
@ConsiliumIntegrationTest
class SharingWithoutEmailTests {

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestCases cases;

	@Autowired
	PhysicianLinks links;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesToSendALinkThatNoEmailCanCarry() {
		Actor patient = accounts.create(Role.PATIENT);
		CaseId id = cases.submitted(patient);
		assertThatThrownBy(() -> links.send(patient, id, new SendToPhysician(ConsentChoice.TREATING_PHYSICIAN, "Dr Anna Berg", "City Hospital",
				"anna@hospital.example.org", Set.of()))).isInstanceOf(InvalidInputException.class).hasMessageContaining("E-mail is not set up");
		assertThat(jdbc.sql("SELECT count(*) FROM sharing.physician_link WHERE case_id = ?").param(id.value()).query(Long.class).single())
			.isZero();
	}
}
