package org.consilium.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.opinion.OpinionVersionSigned;
import org.consilium.shared.Actor;

/**
 * A new version of a delivered opinion (an addendum, {@link OpinionVersionSigned}) reaches every physician the patient
 * sent the opinion to and whose consent still stands: each gets a fresh link (same documents, same
 * {@link PhysicianLinks#VALIDITY}) in an e-mail that says there is a new version, without health data. A physician whose
 * consent was revoked gets nothing. Runs in the transaction that signs the version; audited per link as
 * {@code sharing.link.send} by the program itself.
 */
@Component
class NewVersionLinks {

	private record Latest(UUID consentId, String email) {
	}

	private final JdbcClient jdbc;

	private final Consents consents;

	private final PhysicianMail mail;

	private final AuditLog audit;

	private final Clock clock;

	NewVersionLinks(JdbcClient jdbc, Consents consents, PhysicianMail mail, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.consents = consents;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OpinionVersionSigned event) {
		if (!mail.delivers()) {
			return;
		}
		List<Latest> sentTo = jdbc.sql("""
				SELECT DISTINCT ON (consent_id) consent_id, email FROM sharing.physician_link WHERE case_id = ?
				ORDER BY consent_id, created_at DESC""")
			.param(event.caseId().value())
			.query((rs, n) -> new Latest(rs.getObject("consent_id", UUID.class), rs.getString("email")))
			.list();
		Instant now = clock.instant();
		for (Latest to : sentTo) {
			if (!consents.isActive(to.consentId())) {
				continue;
			}
			String token = PhysicianLinks.newToken();
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO sharing.physician_link (id, case_id, consent_id, recipient, physician_name, institution, email, document_ids,
					  document_names, token_hash, created_at, expires_at, sent_by)
					SELECT ?, case_id, consent_id, recipient, physician_name, institution, email, document_ids, document_names, ?, ?, ?, sent_by
					FROM sharing.physician_link WHERE consent_id = ? ORDER BY created_at DESC LIMIT 1""")
				.params(id, PhysicianLinks.hash(token), Timestamp.from(now), Timestamp.from(now.plus(PhysicianLinks.VALIDITY)),
						to.consentId())
				.update();
			mail.sendNewVersionLink(to.email(), PhysicianLinks.LINK_PATH + token);
			audit.success(Actor.SYSTEM, AuditAction.SHARING_LINK_SEND, event.caseId(), "PhysicianLink", id);
		}
	}
}
