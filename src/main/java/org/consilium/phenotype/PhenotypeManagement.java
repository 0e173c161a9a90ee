package org.consilium.phenotype;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.ddx.HpoRelease;
import org.consilium.ddx.HpoTerm;
import org.consilium.ddx.HpoTerms.Branch;
import org.consilium.ddx.HpoTerms;
import org.consilium.ddx.TermSuggestion;
import org.consilium.identity.IdentityManagement;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.records.RecordsManagement;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.UserId;

/**
 * Reads and changes the phenotype of a case. Every method asks {@link CaseAccess#requireAccess} first (a case the
 * actor has no relation to answers {@link NotFoundException}, 404, audited as denied) and audits what it did.
 * Changes ({@link #addFeature}, {@link #removeFeature}, {@link #importPhenopacket}) are for the people named in
 * {@link #mayEdit}, else {@link ForbiddenActionException} (403) or, on a case no longer open,
 * {@link IllegalTransitionException} (409); each publishes {@link PhenotypeChanged}. Bad input gets
 * {@link InvalidInputException} (422) and changes nothing; while the HPO release is not loaded, changes answer
 * {@link HpoUnavailableException} (503).
 */
@Service
@Transactional
public class PhenotypeManagement {

	/** Suggestions a search answers at most. */
	public static final int SUGGESTIONS = 15;

	private static final Set<OpinionRequestStatus> SPECIALIST_EDITS = EnumSet.of(OpinionRequestStatus.IN_REVIEW, OpinionRequestStatus.AWAITING_PATIENT);

	private final CaseAccess access;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final HpoRelease hpo;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final IdentityManagement identity;

	PhenotypeManagement(CaseAccess access, AuditLog audit, JdbcClient jdbc, JdbcTemplate batch, HpoRelease hpo,
			ApplicationEventPublisher events, Clock clock, IdentityManagement identity) {
		this.access = access;
		this.identity = identity;
		this.audit = audit;
		this.jdbc = jdbc;
		this.batch = batch;
		this.hpo = hpo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Who may change a case's phenotype now: whoever may add records ({@link RecordsManagement#mayAddRecords}: the
	 * patient, their referring physician, coordinators, while the case is open for records) and the assigned specialist
	 * while the case is in review or awaiting the patient.
	 */
	public static boolean mayEdit(Actor actor, AccessibleCase c) {
		return RecordsManagement.mayAddRecords(actor, c) || (actor.id().equals(c.specialistId()) && SPECIALIST_EDITS.contains(c.status()));
	}

	/** The phenotype of a case; audited as one read. */
	public PhenotypeView phenotype(Actor actor, CaseId caseId) {
		AccessibleCase c = access.requireAccess(actor, caseId, AuditAction.PHENOTYPE_READ);
		List<PhenotypicFeatureView> features = jdbc.sql("""
				SELECT id, hpo_id, label, excluded, onset_hpo_id, onset_label, onset_age, onset_gestational_weeks, onset_gestational_days,
				  import_id, added_by, added_at
				FROM phenotype.phenotypic_feature WHERE case_id = ? AND voided_at IS NULL""")
			.param(caseId.value())
			.query((rs, n) -> new PhenotypicFeatureView(rs.getObject("id", UUID.class), rs.getString("hpo_id"), rs.getString("label"),
					rs.getBoolean("excluded"), new Onset(rs.getString("onset_hpo_id"), rs.getString("onset_label"), rs.getString("onset_age"),
							(Integer) rs.getObject("onset_gestational_weeks"), (Integer) rs.getObject("onset_gestational_days")),
					rs.getObject("import_id", UUID.class), UserId.ofNullable(rs.getObject("added_by", UUID.class)), rs.getTimestamp("added_at").toInstant(), null))
			.list().stream()
			.map(withName(new HashMap<>()))
			.sorted(Comparator.comparing(PhenotypicFeatureView::excluded).thenComparing(f -> f.label().toLowerCase(java.util.Locale.ROOT))
				.thenComparing(PhenotypicFeatureView::hpoId))
			.toList();
		PhenopacketImportView lastImport = jdbc.sql("""
				SELECT i.id, i.phenopacket_id, i.diagnosis_id, i.diagnosis_label,
				  (SELECT count(*) FROM phenotype.phenotypic_feature f WHERE f.import_id = i.id AND NOT f.excluded) AS observed,
				  (SELECT count(*) FROM phenotype.phenotypic_feature f WHERE f.import_id = i.id AND f.excluded) AS excluded,
				  i.imported_at, NULL AS replaced
				FROM phenotype.phenopacket_import i WHERE i.case_id = ? AND i.voided_at IS NULL ORDER BY i.imported_at DESC LIMIT 1""")
			.param(caseId.value()).query(PhenopacketImportView.class).optional().orElse(null);
		audit.success(actor, AuditAction.PHENOTYPE_READ, caseId, "Phenotype", caseId.value());
		return new PhenotypeView(caseId, features, lastImport, mayEdit(actor, c), availability(), contradictions(features), c.patient());
	}

	/** Fills in who recorded each term, asking identity once per account. */
	private UnaryOperator<PhenotypicFeatureView> withName(Map<UserId, String> names) {
		return f -> new PhenotypicFeatureView(f.id(), f.hpoId(), f.label(), f.excluded(), f.onset(), f.importId(), f.addedBy(), f.addedAt(),
				names.computeIfAbsent(f.addedBy(), this::nameOf));
	}

	/** The display name of an account; "Consilium" for the system actor ({@link Actor#SYSTEM}), which has no account. */
	private String nameOf(UserId userId) {
		return Actor.SYSTEM.id().equals(userId) ? Actor.SYSTEM.displayName() : identity.displayName(userId);
	}

	/**
	 * The excluded terms that an observed term contradicts (the excluded term itself or one of its ancestors is
	 * observed), one sentence each; empty while the HPO release is not loaded. Terms entered one by one cannot
	 * contradict ({@link #addFeature} refuses them), but an imported phenopacket is taken as published (13 of the 7,340
	 * shared phenopacket-store cases hold such a pair), so the page points them out instead.
	 */
	private List<String> contradictions(List<PhenotypicFeatureView> features) {
		HpoTerms terms = hpo.terms().orElse(null);
		if (terms == null) {
			return List.of();
		}
		List<String> found = new java.util.ArrayList<>();
		for (PhenotypicFeatureView observed : features) {
			if (observed.excluded()) {
				continue;
			}
			Set<String> ancestors = terms.ancestors(observed.hpoId());
			for (PhenotypicFeatureView excluded : features) {
				if (excluded.excluded() && (excluded.hpoId().equals(observed.hpoId()) || ancestors.contains(excluded.hpoId()))) {
					found.add(excluded.label() + " (" + excluded.hpoId() + ") is recorded as absent, yet " + observed.label() + " ("
							+ observed.hpoId() + "), a kind of it, is observed; remove the one that is wrong.");
				}
			}
		}
		return List.copyOf(found);
	}

	/** Whether the HPO release is loaded, for pages that show the phenotype. */
	public HpoAvailability availability() {
		HpoRelease.Status status = hpo.status();
		String problem = switch (status) {
			case NOT_CONFIGURED -> "This installation has no copy of the Human Phenotype Ontology (HPO) yet, so terms cannot be looked up.";
			case LOADING -> "Loading the HPO release…";
			case UNAVAILABLE -> "The Human Phenotype Ontology (HPO) release could not be read, so terms cannot be looked up.";
			case READY -> null;
		};
		return new HpoAvailability(status.name(), hpo.terms().map(HpoTerms::acknowledgement).orElse(null), problem);
	}

	/**
	 * Term suggestions for the phenotype form ({@link HpoTerms#search}); access-checked, not audited as a read because
	 * it reads nothing of the case. Empty while the release is not loaded.
	 */
	@Transactional(readOnly = true)
	public List<TermSuggestion> suggest(Actor actor, CaseId caseId, String query, Branch branch) {
		access.requireAccess(actor, caseId, AuditAction.PHENOTYPE_TERMS_SEARCH);
		return hpo.terms().map(t -> t.search(query, branch, SUGGESTIONS)).orElse(List.of());
	}

	/**
	 * Adds one term.
	 *
	 * @throws InvalidInputException (422, problem type {@code invalid-input}) for an id that is not a current term below
	 *         Phenotypic abnormality (the root HP:0000118 itself is too general), an onset that is not a term below
	 *         Onset or an ISO 8601 period, a term the phenotype already holds, or a term that contradicts the phenotype:
	 *         excluding a term while it or one of its descendants is observed, or observing a term while one of its
	 *         ancestors is excluded (the message names both terms). An observed general term with an excluded more
	 *         specific one is fine. Phenopacket imports are not checked this way: {@link #importPhenopacket} takes the
	 *         file as given
	 * @throws ObsoleteTermException (422, problem type {@code obsolete-term}) for an obsolete id that the ontology
	 *         replaced: the user confirms by adding the replacement instead
	 */
	public PhenotypicFeatureView addFeature(Actor actor, CaseId caseId, AddPhenotypicFeature command) {
		checkMayEdit(actor, caseId, AuditAction.PHENOTYPE_FEATURE_ADD);
		return audit.recordingFailures(actor, AuditAction.PHENOTYPE_FEATURE_ADD, caseId, "PhenotypicFeature", () -> {
			HpoTerms terms = requireTerms();
			String id = command.hpoId() == null ? "" : command.hpoId().strip().toUpperCase(java.util.Locale.ROOT);
			terms.replacementOfObsolete(id, Branch.PHENOTYPIC_ABNORMALITY).ifPresent(r -> {
				throw new ObsoleteTermException(id, r, terms.acknowledgement());
			});
			HpoTerm term = terms.find(id, Branch.PHENOTYPIC_ABNORMALITY)
				.orElseThrow(() -> new InvalidInputException(terms.rejection(id, Branch.PHENOTYPIC_ABNORMALITY)));
			Onset onset = onset(terms, command.onsetHpoId(), command.onsetAge());
			boolean present = jdbc.sql("SELECT count(*) FROM phenotype.phenotypic_feature WHERE case_id = ? AND hpo_id = ? AND voided_at IS NULL")
				.params(caseId.value(), term.id()).query(Long.class).single() > 0;
			if (present) {
				throw new InvalidInputException(term.label() + " (" + term.id() + ") is already in the phenotype; remove it first to change it.");
			}
			checkConsistent(terms, caseId, term, command.excluded());
			UUID featureId = UUID.randomUUID();
			Instant now = clock.instant();
			insert(List.of(new PhenopacketReader.Feature(term, command.excluded(), onset)), caseId, null, actor.id(), now, featureId);
			audit.success(actor, AuditAction.PHENOTYPE_FEATURE_ADD, caseId, "PhenotypicFeature", featureId);
			events.publishEvent(new PhenotypeChanged(caseId, now));
			return new PhenotypicFeatureView(featureId, term.id(), term.label(), command.excluded(), onset, null, actor.id(), now,
					nameOf(actor.id()));
		});
	}

	/**
	 * Removes a term: voids it with the reason, never deletes.
	 *
	 * @throws NotFoundException for a term that is not a current term of this case
	 */
	public void removeFeature(Actor actor, CaseId caseId, UUID featureId, String reason) {
		checkMayEdit(actor, caseId, AuditAction.PHENOTYPE_FEATURE_REMOVE);
		Instant now = clock.instant();
		int voided = jdbc.sql("""
				UPDATE phenotype.phenotypic_feature SET voided_at = ?, voided_by = ?, void_reason = ?
				WHERE id = ? AND case_id = ? AND voided_at IS NULL""")
			.params(Timestamp.from(now), actor.id().value(), reason == null || reason.isBlank() ? "removed" : reason.strip(), featureId, caseId.value()).update();
		if (voided == 0) {
			audit.denied(actor, AuditAction.PHENOTYPE_FEATURE_REMOVE, caseId, "PhenotypicFeature", featureId);
			throw new NotFoundException();
		}
		audit.success(actor, AuditAction.PHENOTYPE_FEATURE_REMOVE, caseId, "PhenotypicFeature", featureId);
		events.publishEvent(new PhenotypeChanged(caseId, now));
	}

	/**
	 * Imports a GA4GH Phenopacket v2 (JSON): its terms replace the case's current phenotype (those are voided with the
	 * reason "replaced by phenopacket import"), and its diagnosis is kept with the import. All or nothing.
	 *
	 * @throws InvalidInputException (422) for a file that is not a v2 phenopacket, or that holds terms not in the loaded
	 *         release (the message names them all); nothing changes
	 */
	public PhenopacketImportView importPhenopacket(Actor actor, CaseId caseId, byte[] json) {
		checkMayEdit(actor, caseId, AuditAction.PHENOTYPE_PHENOPACKET_IMPORT);
		return audit.recordingFailures(actor, AuditAction.PHENOTYPE_PHENOPACKET_IMPORT, caseId, "PhenopacketImport", () -> {
			PhenopacketReader.Read read = PhenopacketReader.read(json, requireTerms());
			UUID importId = UUID.randomUUID();
			Instant now = clock.instant();
			String reason = "replaced by phenopacket import " + importId;
			jdbc.sql("UPDATE phenotype.phenotypic_feature SET voided_at = ?, voided_by = ?, void_reason = ? WHERE case_id = ? AND voided_at IS NULL")
				.params(Timestamp.from(now), actor.id().value(), reason, caseId.value()).update();
			jdbc.sql("UPDATE phenotype.phenopacket_import SET voided_at = ?, voided_by = ?, void_reason = ? WHERE case_id = ? AND voided_at IS NULL")
				.params(Timestamp.from(now), actor.id().value(), reason, caseId.value()).update();
			jdbc.sql("""
					INSERT INTO phenotype.phenopacket_import (id, case_id, phenopacket_id, diagnosis_id, diagnosis_label, imported_by, imported_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(importId, caseId.value(), read.phenopacketId(), read.diagnosisId(), read.diagnosisLabel(), actor.id().value(), Timestamp.from(now))
				.update();
			insert(read.features(), caseId, importId, actor.id(), now, null);
			audit.success(actor, AuditAction.PHENOTYPE_PHENOPACKET_IMPORT, caseId, "PhenopacketImport", importId);
			events.publishEvent(new PhenotypeChanged(caseId, now));
			int excluded = (int) read.features().stream().filter(PhenopacketReader.Feature::excluded).count();
			return new PhenopacketImportView(importId, read.phenopacketId(), read.diagnosisId(), read.diagnosisLabel(),
					read.features().size() - excluded, excluded, now, read.replaced());
		});
	}

	/** The oldest age at onset accepted: above the longest documented human life span (122 years). */
	static final int MAX_ONSET_YEARS = 125;

	private static double yearsOf(Period p) {
		return p.getYears() + p.getMonths() / 12.0 + p.getDays() / 365.25;
	}

	/** Whether the text is an ISO 8601 period of years, months, weeks and days ({@code P3Y}, {@code P1Y6M}, {@code P10D}), not negative. */
	static boolean isIsoPeriod(String text) {
		if (text == null || text.length() > 32 || !text.matches("P(?=\\d)(\\d++Y)?(\\d++M)?(\\d++W)?(\\d++D)?")) {
			return false;
		}
		try {
			Period.parse(text);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private Onset onset(HpoTerms terms, String onsetHpoId, String onsetAge) {
		HpoTerm term = null;
		if (onsetHpoId != null && !onsetHpoId.isBlank()) {
			String id = onsetHpoId.strip().toUpperCase(java.util.Locale.ROOT);
			term = terms.find(id, Branch.ONSET).orElseThrow(() -> new InvalidInputException("Onset: " + terms.rejection(id, Branch.ONSET)));
		}
		String age = onsetAge == null || onsetAge.isBlank() ? null : onsetAge.strip().toUpperCase(java.util.Locale.ROOT);
		if (age != null && !isIsoPeriod(age)) {
			String shown = onsetAge.strip().length() > 20 ? onsetAge.strip().substring(0, 20) + "…" : onsetAge.strip();
			throw new InvalidInputException("Age at onset '" + shown + "' is not an ISO 8601 period: write P3Y for 3 years, P1Y6M for 18 months, P10D for 10 days.");
		}
		if (age != null && yearsOf(Period.parse(age)) > MAX_ONSET_YEARS) {
			throw new InvalidInputException("Age at onset " + age + " is more than " + MAX_ONSET_YEARS + " years; check the value.");
		}
		return new Onset(term == null ? null : term.id(), term == null ? null : term.label(), age, null, null);
	}

	/**
	 * Refuses a term that contradicts the case's current terms: an excluded term must not be an ancestor of (or equal to)
	 * an observed one, since "no abnormal finger morphology" denies "arachnodactyly"; for the same reason an observed
	 * term must not have an excluded ancestor.
	 */
	private void checkConsistent(HpoTerms terms, CaseId caseId, HpoTerm term, boolean excluded) {
		List<HpoTerm> others = jdbc.sql("SELECT hpo_id, label FROM phenotype.phenotypic_feature WHERE case_id = ? AND excluded = ? AND voided_at IS NULL")
			.params(caseId.value(), !excluded)
			.query((rs, n) -> new HpoTerm(rs.getString("hpo_id"), rs.getString("label")))
			.list();
		if (others.isEmpty()) {
			return;
		}
		if (excluded) {
			for (HpoTerm observed : others) {
				String id = terms.find(observed.id(), Branch.PHENOTYPIC_ABNORMALITY).map(HpoTerm::id).orElse(observed.id());
				if (id.equals(term.id()) || terms.ancestors(id).contains(term.id())) {
					throw new InvalidInputException(named(term) + " cannot be excluded: " + named(observed) + " is observed, and it is a kind of "
							+ term.label() + ". Remove " + observed.label() + " first if it was recorded by mistake.");
				}
			}
		}
		else {
			var ancestors = terms.ancestors(term.id());
			for (HpoTerm absent : others) {
				String id = terms.find(absent.id(), Branch.PHENOTYPIC_ABNORMALITY).map(HpoTerm::id).orElse(absent.id());
				if (id.equals(term.id()) || ancestors.contains(id)) {
					throw new InvalidInputException(named(term) + " cannot be observed: " + named(absent) + " is excluded, and " + term.label()
							+ " is a kind of it. Remove the exclusion of " + absent.label() + " first if it was recorded by mistake.");
				}
			}
		}
	}

	private static String named(HpoTerm term) {
		return term.label() + " (" + term.id() + ")";
	}

	private void insert(List<PhenopacketReader.Feature> features, CaseId caseId, UUID importId, UserId by, Instant at, UUID singleId) {
		Timestamp now = Timestamp.from(at);
		batch.batchUpdate("""
				INSERT INTO phenotype.phenotypic_feature (id, case_id, hpo_id, label, excluded, onset_hpo_id, onset_label, onset_age,
				  onset_gestational_weeks, onset_gestational_days, import_id, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				features, 500, (ps, f) -> {
					Onset o = f.onset();
					ps.setObject(1, singleId != null ? singleId : UUID.randomUUID());
					ps.setObject(2, caseId.value());
					ps.setString(3, f.term().id());
					ps.setString(4, f.term().label());
					ps.setBoolean(5, f.excluded());
					ps.setString(6, o.hpoId());
					ps.setString(7, o.label());
					ps.setString(8, o.age());
					ps.setObject(9, o.gestationalWeeks(), java.sql.Types.INTEGER);
					ps.setObject(10, o.gestationalDays(), java.sql.Types.INTEGER);
					ps.setObject(11, importId);
					ps.setObject(12, UserId.valueOrNull(by));
					ps.setTimestamp(13, now);
				});
	}

	private HpoTerms requireTerms() {
		return hpo.terms().orElseThrow(() -> new HpoUnavailableException(switch (hpo.status()) {
			case LOADING -> "The HPO release is still loading; try again in a minute. Nothing was changed.";
			default -> "This installation has no usable copy of the Human Phenotype Ontology, so terms cannot be checked. An administrator "
					+ "downloads the official release from " + HpoRelease.DOWNLOAD_PAGE + " and sets consilium.hpo.dir. Nothing was changed.";
		}));
	}

	private AccessibleCase checkMayEdit(Actor actor, CaseId caseId, AuditAction action) {
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!mayEdit(actor, c)) {
			audit.denied(actor, action, caseId, "Phenotype", caseId.value());
			if (actor.id().equals(c.specialistId())) {
				throw new ForbiddenActionException("The assigned specialist changes the phenotype only while reviewing the case.");
			}
			// everyone else with access to the case adds records to it while it is open
			throw new IllegalTransitionException("The phenotype can no longer be changed (status: " + c.status().label() + ").");
		}
		return c;
	}
}
