package org.consilium.intake;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.identity.IdentityManagement;
import org.consilium.identity.UserView;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * A referring physician's invitation to the patient a draft is for (issue #11, "accounts that cannot be abused"). The
 * physician names the patient by e-mail; the draft is linked to a patient account only when the patient, signed in with
 * that very address, enters the code the physician hands over (in person, by phone). Until then the draft is the
 * physician's alone and cannot be submitted. Nothing the physician sees tells whether the address has an account: the
 * answer is the same and the invitation e-mail ({@link IdentityManagement#inviteToCase}) goes out alike.
 */
@Service
@Transactional
public class PatientInvitations {

	/** Where a patient accepts an invitation, below the base URL; the e-mail links here. */
	public static final String ACCEPT_PATH = "/invitations";

	/** How long an invitation can be accepted. */
	static final Duration VALIDITY = Duration.ofDays(30);

	/** Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or copied by hand survives. */
	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final CaseStore store;

	private final CaseAccess access;

	private final CaseQueries queries;

	private final IdentityManagement identity;

	private final AuditLog audit;

	private final Clock clock;

	PatientInvitations(JdbcClient jdbc, CaseStore store, CaseAccess access, CaseQueries queries, IdentityManagement identity,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.access = access;
		this.queries = queries;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A draft's invitation as its referring physician sees it.
	 * @param email the address the patient was invited at
	 * @param code the code to hand over, {@code XXXX-XXXX} (8 characters of Crockford's base 32, 40 bits)
	 * @param acceptedAt when the patient accepted, or null
	 * @param open whether it could still be accepted when it was read
	 */
	public record InvitationView(String email, String code, Instant createdAt, Instant expiresAt, Instant acceptedAt, boolean open) {
	}

	/** An invitation waiting for the signed-in patient: who sent it and until when it can be accepted. */
	public record PendingInvitation(String physician, Instant invitedAt, Instant expiresAt) {
	}

	/** Records the invitation of a draft just made by a referring physician (in {@link IntakeManagement}'s transaction). */
	void invite(UUID caseId, String normalizedEmail) {
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO intake.patient_invitation (case_id, email, code, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(caseId, normalizedEmail, newCode(), Timestamp.from(now), Timestamp.from(now.plus(VALIDITY))).update();
	}

	/**
	 * The invitation of a draft, for the referring physician who made it; empty for anyone else and for a case that was
	 * not made by invitation. The caller audits its own read of the case.
	 * @throws org.consilium.shared.NotFoundException when the actor has no access to the case (audited as DENIED)
	 */
	@Transactional(readOnly = true)
	public Optional<InvitationView> of(Actor actor, CaseId caseId) {
		AccessibleCase c = access.requireAccess(actor, caseId, AuditAction.CASE_READ);
		if (c.referrerId() == null || !c.referrerId().equals(actor.id())) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT email, code, created_at, expires_at, accepted_at FROM intake.patient_invitation WHERE case_id = ?")
			.param(caseId.value())
			.query((rs, n) -> {
				Instant expiresAt = rs.getTimestamp(4).toInstant();
				Instant acceptedAt = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
				return new InvitationView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), expiresAt, acceptedAt,
						acceptedAt == null && clock.instant().isBefore(expiresAt));
			})
			.optional();
	}

	/** The open invitations addressed to the signed-in patient's own address, newest first; empty for other roles. */
	@Transactional(readOnly = true)
	public List<PendingInvitation> pendingFor(Actor patient) {
		Optional<String> email = addressOf(patient);
		if (email.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT r.referrer_id, i.created_at, i.expires_at FROM intake.patient_invitation i
				  JOIN intake.opinion_request r ON r.id = i.case_id
				WHERE i.email = ? AND i.accepted_at IS NULL AND i.expires_at > ? AND r.status = 'DRAFT'
				ORDER BY i.created_at DESC""")
			.params(email.get(), Timestamp.from(clock.instant()))
			.query((rs, n) -> new PendingInvitation(identity.displayName(UserId.ofNullable(rs.getObject(1, UUID.class))),
					rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * The signed-in patient accepts an invitation by its code: the draft becomes theirs (the physician keeps acting for
	 * them), audited as {@link AuditAction#CASE_INVITATION_ACCEPT}. Spaces, hyphens and letter case in the code do not
	 * matter.
	 * @return the case, now the patient's
	 * @throws ForbiddenActionException (403) for anyone but a patient
	 * @throws InvalidInputException (problem type {@code invalid-input}, 422) when the code matches no open invitation to
	 *         this patient's address: unknown, for another address, accepted, expired or its draft withdrawn all get one
	 *         message, audited as DENIED
	 */
	public OpinionRequestView accept(Actor patient, String code) {
		if (!patient.is(Role.PATIENT)) {
			throw new ForbiddenActionException("Only the invited patient accepts an invitation.");
		}
		String email = addressOf(patient).orElseThrow(PatientInvitations::noMatch);
		Optional<UUID> caseId = jdbc.sql("""
				SELECT case_id FROM intake.patient_invitation
				WHERE code = ? AND email = ? AND accepted_at IS NULL AND expires_at > ? FOR UPDATE""")
			.params(normalized(code), email, Timestamp.from(clock.instant())).query(UUID.class).optional();
		Optional<OpinionRequest> request = caseId.flatMap(store::find);
		if (request.isEmpty() || !request.get().acceptPatient(patient.id().value())) {
			audit.denied(patient, AuditAction.CASE_INVITATION_ACCEPT, null, "PatientInvitation", null);
			throw noMatch();
		}
		OpinionRequest saved = store.save(request.get());
		jdbc.sql("UPDATE intake.patient_invitation SET accepted_at = ? WHERE case_id = ?")
			.params(Timestamp.from(clock.instant()), saved.id()).update();
		audit.success(patient, AuditAction.CASE_INVITATION_ACCEPT, new CaseId(saved.id()), "PatientInvitation", saved.id());
		return queries.view(patient, saved);
	}

	private Optional<String> addressOf(Actor patient) {
		if (!patient.is(Role.PATIENT)) {
			return Optional.empty();
		}
		return identity.findUser(patient.id()).map(UserView::email);
	}

	private static InvalidInputException noMatch() {
		return new InvalidInputException("This code does not match an open invitation for the address you signed in with. "
				+ "Check the code with your physician, and that you signed in with the address they invited.");
	}

	/** The code as stored: upper case, {@code XXXX-XXXX}; what was typed with other separators or case matches it. */
	static String normalized(String code) {
		String plain = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
		return plain.length() == 8 ? plain.substring(0, 4) + "-" + plain.substring(4) : plain;
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(9);
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}
}
