package org.consilium.phenotype;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.ddx.HpoRelease;
import org.consilium.ddx.HpoTerm;
import org.consilium.ddx.HpoTerms;
import org.consilium.ddx.HpoTerms.Branch;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;

/**
 * The third answer to a term of "What to check next" beside observed and excluded: it cannot be examined for this case
 * (table {@code phenotype.unexaminable_term}). It changes nothing in the phenotype and so nothing in the ranking; the
 * term is only not suggested again for the case ({@link DifferentialDiagnoses#nextTerms}). Audited as
 * {@code ddx.next.unexaminable}.
 */
@Service
@Transactional
public class UnexaminableTerms {

	private final CaseAccess access;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final HpoRelease hpo;

	private final Clock clock;

	UnexaminableTerms(CaseAccess access, AuditLog audit, JdbcClient jdbc, HpoRelease hpo, Clock clock) {
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.hpo = hpo;
		this.clock = clock;
	}

	/**
	 * Notes that the term cannot be examined for the case; noting it twice changes nothing more.
	 *
	 * @return the term noted
	 * @throws NotFoundException (404) for a case the actor has no relation to
	 * @throws ForbiddenActionException (403) for anyone but the specialist who may change the phenotype now (the
	 *         assigned specialist while reviewing, {@link PhenotypeManagement#mayEdit})
	 * @throws InvalidInputException (422) for an id that is not a current term below Phenotypic abnormality, or a term
	 *         the phenotype already holds (observed or excluded)
	 * @throws HpoUnavailableException (503) while the HPO release is not loaded
	 */
	public HpoTerm record(Actor actor, CaseId caseId, String hpoId) {
		AccessibleCase c = access.requireAccess(actor, caseId, AuditAction.DDX_NEXT_UNEXAMINABLE);
		if (!actor.is(Role.SPECIALIST) || !PhenotypeManagement.mayEdit(actor, c)) {
			audit.denied(actor, AuditAction.DDX_NEXT_UNEXAMINABLE, caseId, "UnexaminableTerm", caseId.value());
			throw new ForbiddenActionException("Only the specialist reviewing the case notes which suggested signs cannot be examined.");
		}
		return audit.recordingFailures(actor, AuditAction.DDX_NEXT_UNEXAMINABLE, caseId, "UnexaminableTerm", () -> {
			HpoTerms terms = hpo.terms().orElseThrow(() -> new HpoUnavailableException("The HPO release is not loaded; try again in a minute. Nothing was changed."));
			String id = hpoId == null ? "" : hpoId.strip().toUpperCase(Locale.ROOT);
			HpoTerm term = terms.find(id, Branch.PHENOTYPIC_ABNORMALITY)
				.orElseThrow(() -> new InvalidInputException(terms.rejection(id, Branch.PHENOTYPIC_ABNORMALITY), "hpoId"));
			boolean recorded = jdbc.sql("SELECT count(*) FROM phenotype.phenotypic_feature WHERE case_id = ? AND hpo_id = ? AND voided_at IS NULL")
				.params(caseId.value(), term.id()).query(Long.class).single() > 0;
			if (recorded) {
				throw new InvalidInputException(term.label() + " (" + term.id() + ") is already in the phenotype.", "hpoId");
			}
			UUID rowId = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO phenotype.unexaminable_term (id, case_id, hpo_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (case_id, hpo_id) DO NOTHING""")
				.params(rowId, caseId.value(), term.id(), actor.id().value(), Timestamp.from(clock.instant())).update();
			// noted before: the audit names the row that holds it
			UUID noted = jdbc.sql("SELECT id FROM phenotype.unexaminable_term WHERE case_id = ? AND hpo_id = ?").params(caseId.value(), term.id())
				.query(UUID.class).single();
			audit.success(actor, AuditAction.DDX_NEXT_UNEXAMINABLE, caseId, "UnexaminableTerm", noted);
			return term;
		});
	}

	/** The HPO ids noted as not examinable for the case; read with the suggestions, which are audited themselves. */
	Set<String> of(CaseId caseId) {
		return Set.copyOf(jdbc.sql("SELECT hpo_id FROM phenotype.unexaminable_term WHERE case_id = ?").param(caseId.value()).query(String.class).list());
	}
}
