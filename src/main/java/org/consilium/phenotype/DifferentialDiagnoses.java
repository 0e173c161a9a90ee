package org.consilium.phenotype;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.ddx.DifferentialDiagnosis;
import org.consilium.ddx.HpoData;
import org.consilium.ddx.HpoRelease;
import org.consilium.ddx.MondoRelease;
import org.consilium.ddx.RankedDisease;
import org.consilium.ddx.Ranking;
import org.consilium.intake.AccessibleCase;
import org.consilium.intake.CaseAccess;
import org.consilium.intake.OpinionRequestStatus;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.InvalidInputException;
import org.consilium.shared.NotFoundException;
import org.consilium.shared.Role;
import org.consilium.shared.UserId;

/**
 * The differential diagnosis of a case (issue #4): the {@link DifferentialDiagnosis} engine of module {@code ddx} run
 * on the case's phenotype, over the OMIM and Orphanet diseases of the loaded HPO release, and stored with the case
 * (table {@code phenotype.differential_ranking}: inputs, releases, engine settings, the top
 * {@value #SHOWN} with their explanation) so that what the specialist saw can be shown later.
 * <p>
 * It is decision support for the reviewing specialist only: every method asks {@link CaseAccess#requireAccess}
 * (404 for a case without relation) and then refuses anyone but a specialist reviewing the case (the chair or a panel
 * member) with {@link ForbiddenActionException} (403, problem type {@code forbidden-action}); the patient never sees it.
 * Every read is audited. How the first opinion's diagnosis ranks is part of the view only when the first opinion is
 * visible to the specialist ({@link AccessibleCase#firstOpinionBlinded()} false, i.e. after their independent
 * impression).
 * <p>
 * A change of the phenotype ({@link PhenotypeChanged}) recomputes the ranking in the same transaction; a view finds a
 * stored ranking out of date (different terms, release or engine) and recomputes it too, e.g. when the HPO release
 * was still loading at the change.
 */
@Service
@Transactional
public class DifferentialDiagnoses {

	/** How many candidates are stored and shown, with their explanation. */
	public static final int SHOWN = 20;

	/**
	 * The engine and its settings, as stored with each ranking; its explanations' wording is part of it, so that a
	 * stored ranking with older explanations (the frequency the ranking used instead of the written one) is recomputed.
	 */
	static final String ENGINE = "consilium-ddx 2 explanations 2 " + DifferentialDiagnosis.Settings.DEFAULT;

	/** The ids of the diseases a ranking may hold, as the annotation file writes them. */
	private static final java.util.regex.Pattern DISEASE_ID = java.util.regex.Pattern.compile("(OMIM|ORPHA):\\d{1,7}");

	private static final Logger log = LoggerFactory.getLogger(DifferentialDiagnoses.class);

	private static final Set<OpinionRequestStatus> REVIEWING = EnumSet.of(OpinionRequestStatus.IN_REVIEW, OpinionRequestStatus.AWAITING_PATIENT);

	private static final TypeReference<List<DifferentialCandidate>> CANDIDATES = new TypeReference<>() {
	};

	private final CaseAccess access;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final HpoRelease hpo;

	private final MondoRelease mondo;

	private final DifferentialFlagSettings flag;

	private final Clock clock;

	private final UnexaminableTerms unexaminableTerms;

	private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	/** The engine of the loaded release, replaced when another release is loaded. */
	private volatile Engine engine;

	private record Engine(HpoData data, DifferentialDiagnosis ranking) {
	}

	DifferentialDiagnoses(CaseAccess access, AuditLog audit, JdbcClient jdbc, HpoRelease hpo, MondoRelease mondo, DifferentialFlagSettings flag,
			Clock clock, UnexaminableTerms unexaminableTerms) {
		this.unexaminableTerms = unexaminableTerms;
		this.access = access;
		this.audit = audit;
		this.jdbc = jdbc;
		this.hpo = hpo;
		this.mondo = mondo;
		this.flag = flag;
		this.clock = clock;
	}

	/**
	 * The case's current differential diagnosis, computed and stored first when the stored one is missing or out of
	 * date. Audited as {@code ddx.read}.
	 *
	 * @throws NotFoundException (404) for a case the actor has no relation to
	 * @throws ForbiddenActionException (403) for anyone but a specialist reviewing the case
	 */
	public DifferentialView differential(Actor actor, CaseId caseId) {
		AccessibleCase c = requireReviewer(actor, caseId, AuditAction.DDX_READ);
		RankingInputs inputs = RankingInputs.read(jdbc, caseId.value(), hpo.data());
		Optional<HpoData> data = hpo.data();
		Optional<Stored> latest = latest(caseId);
		if (data.isEmpty()) {
			latest.ifPresent(s -> audit.success(actor, AuditAction.DDX_READ, caseId, "DifferentialRanking", s.id()));
			return latest.map(s -> view(actor, c, s, s.sameInputs(inputs), null)).orElseGet(() -> new DifferentialView(caseId,
					DifferentialView.Status.HPO_UNAVAILABLE, hpoProblem(), null, null, null, 0, inputs.observed(), inputs.excluded(), List.of(), false,
					null, null, false));
		}
		if (inputs.observed().isEmpty()) {
			audit.success(actor, AuditAction.DDX_READ, caseId, "DifferentialRanking", caseId.value());
			return new DifferentialView(caseId, DifferentialView.Status.NO_OBSERVED_TERMS, inputs.excluded().isEmpty()
					? "Add at least one observed HPO term to the phenotype to rank diseases."
					: "The phenotype holds only excluded terms (" + inputs.excluded().size() + "): signs that are absent cannot rank diseases on "
							+ "their own, since most diseases do not show any given sign. Add at least one observed term.", null, null, data.get().release(), data.get().candidateCount(),
					inputs.observed(), inputs.excluded(), List.of(), true, null, null, false);
		}
		if (engine(data.get()).tooGeneral(inputs.query())) {
			audit.success(actor, AuditAction.DDX_READ, caseId, "DifferentialRanking", caseId.value());
			return new DifferentialView(caseId, DifferentialView.Status.TOO_GENERAL,
					"The observed terms are too general to rank diseases by (each is shared by at least a quarter of them, e.g. "
							+ data.get().label(inputs.observed().get(0)) + "). Add a more specific observed term.",
					null, null, data.get().release(), data.get().candidateCount(), inputs.observed(), inputs.excluded(), List.of(), true, null, null, false);
		}
		String digest = inputs.digest(data.get(), ENGINE);
		Stored stored = latest.filter(s -> s.digest().equals(digest)).orElseGet(() -> store(actor.id(), caseId, data.get(), inputs, digest));
		audit.success(actor, AuditAction.DDX_READ, caseId, "DifferentialRanking", stored.id());
		return view(actor, c, stored, true, data.get());
	}

	/**
	 * A stored ranking of the case by its id, as it was computed (e.g. for an opinion that shows what the specialist
	 * saw); the submitted diagnosis's rank as recorded then, if any, and only when the first opinion is visible.
	 *
	 * @throws NotFoundException (404) for an unknown ranking or one of another case
	 */
	public DifferentialView ranking(Actor actor, CaseId caseId, UUID rankingId) {
		AccessibleCase c = requireReviewer(actor, caseId, AuditAction.DDX_READ);
		Stored stored = jdbc.sql(SELECT + " WHERE id = ? AND case_id = ?").params(rankingId, caseId.value()).query(this::stored).optional()
			.orElseThrow(NotFoundException::new);
		audit.success(actor, AuditAction.DDX_READ, caseId, "DifferentialRanking", stored.id());
		return view(actor, c, stored, stored.sameInputs(RankingInputs.read(jdbc, caseId.value(), hpo.data())), null);
	}

	/**
	 * The per-term explanation of any candidate (also outside the top {@value #SHOWN}) for the case's current phenotype.
	 * Audited as {@code ddx.explain}.
	 *
	 * @param diseaseId {@code OMIM:154700} or {@code ORPHA:558}
	 * @throws InvalidInputException (422) for a disease that is not a candidate of the loaded release, or when the
	 *         phenotype has no observed term
	 * @throws HpoUnavailableException (503) while the HPO release is not loaded
	 */
	public List<TermEvidence> explain(Actor actor, CaseId caseId, String diseaseId) {
		requireReviewer(actor, caseId, AuditAction.DDX_EXPLAIN);
		HpoData data = hpo.data().orElseThrow(() -> new HpoUnavailableException(hpoProblem()));
		String id = diseaseId == null ? "" : diseaseId.strip().toUpperCase(Locale.ROOT);
		if (!DISEASE_ID.matcher(id).matches()) {
			throw new InvalidInputException("Name the disease by its OMIM or Orphanet identifier, e.g. OMIM:154700 or ORPHA:558.");
		}
		if (!data.isCandidate(id)) {
			throw new InvalidInputException(id + " has no phenotype annotations in the loaded HPO release, so it is not ranked.");
		}
		RankingInputs inputs = RankingInputs.read(jdbc, caseId.value(), hpo.data());
		if (inputs.observed().isEmpty()) {
			throw new InvalidInputException("Add at least one observed HPO term to the phenotype first.");
		}
		List<TermEvidence> evidence = engine(data).explain(inputs.query(), id).stream()
			.map(t -> TermEvidence.of(t, id, hpo.frequencies().orElse(null))).toList();
		audit.success(actor, AuditAction.DDX_EXPLAIN, caseId, "DifferentialRanking", caseId.value());
		return evidence;
	}

	/** How many terms "What to check next" offers. */
	static final int NEXT_TERMS = 5;

	/**
	 * "What to check next": the {@value #NEXT_TERMS} unrecorded HPO terms the leading candidates suggest checking next
	 * of the case's current phenotype ({@link DifferentialDiagnosis#recommend}), each with the candidates it favours
	 * either way and its lay synonym. Terms noted as not examinable for the case ({@link UnexaminableTerms}) are left
	 * out. Uses the phenotype only, never the first opinion's diagnosis, so it is as blind as the ranking.
	 * Empty while the release is loading or the phenotype is too thin to rank. Audited as {@code ddx.next}.
	 *
	 * @throws ForbiddenActionException (403) for anyone but a specialist reviewing the case
	 */
	public List<NextTerm> nextTerms(Actor actor, CaseId caseId) {
		requireReviewer(actor, caseId, AuditAction.DDX_NEXT);
		Optional<HpoData> data = hpo.data();
		RankingInputs inputs = RankingInputs.read(jdbc, caseId.value(), hpo.data());
		if (data.isEmpty() || inputs.observed().isEmpty() || engine(data.get()).tooGeneral(inputs.query())) {
			return List.of();
		}
		DifferentialDiagnosis e = engine(data.get());
		Ranking ranking = e.rank(inputs.query());
		Set<String> unexaminable = unexaminableTerms.of(caseId);
		List<NextTerm> next = e.recommend(inputs.query(), ranking, NEXT_TERMS + unexaminable.size()).stream()
			.filter(t -> !unexaminable.contains(t.hpoId())).limit(NEXT_TERMS)
			.map(t -> new NextTerm(t.hpoId(), t.label(), hpo.terms().flatMap(terms -> terms.laypersonSynonym(t.hpoId())).orElse(null),
					t.expectedInformationBits(), names(ranking, t.favouredIfPresent()), names(ranking, t.favouredIfAbsent())))
			.toList();
		audit.success(actor, AuditAction.DDX_NEXT, caseId, "DifferentialRanking", caseId.value());
		return next;
	}

	private static List<String> names(Ranking ranking, List<String> diseaseIds) {
		// an OMIM entry and its Orphanet entry often share the name: name the disease once
		return diseaseIds.stream().map(id -> ranking.find(id).map(RankedDisease::name).orElse(id)).distinct().limit(3).toList();
	}

	/**
	 * Recomputes and stores the ranking when the phenotype changed, in the transaction of the change, unless the HPO
	 * release is not loaded or no observed term is left. A failure is logged by case id and never undoes the change.
	 */
	@EventListener
	void on(PhenotypeChanged event) {
		Optional<HpoData> data = hpo.data();
		if (data.isEmpty()) {
			return;
		}
		try {
			RankingInputs inputs = RankingInputs.read(jdbc, event.caseId().value(), hpo.data());
			if (inputs.observed().isEmpty()) {
				return;
			}
			String digest = inputs.digest(data.get(), ENGINE);
			if (latest(event.caseId()).filter(s -> s.digest().equals(digest)).isEmpty()) {
				Stored stored = store(Actor.SYSTEM.id(), event.caseId(), data.get(), inputs, digest);
				audit.success(Actor.SYSTEM, AuditAction.DDX_RANK, event.caseId(), "DifferentialRanking", stored.id());
			}
		}
		catch (IllegalArgumentException ex) {
			log.warn("Differential diagnosis of case {} not recomputed: {}", event.caseId(), ex.getClass().getSimpleName());
		}
	}

	private AccessibleCase requireReviewer(Actor actor, CaseId caseId, AuditAction action) {
		AccessibleCase c = access.requireAccess(actor, caseId, action);
		if (!actor.is(Role.SPECIALIST)) {
			audit.denied(actor, action, caseId, "DifferentialRanking", caseId.value());
			throw new ForbiddenActionException("The differential diagnosis is decision support for the specialists reviewing the case.");
		}
		return c;
	}

	private String hpoProblem() {
		return switch (hpo.status()) {
			case NOT_CONFIGURED -> "This installation has no copy of the Human Phenotype Ontology (HPO), so no differential diagnosis can be computed. "
					+ "An administrator downloads the release from " + HpoRelease.DOWNLOAD_PAGE + " and " + HpoRelease.ANNOTATIONS_PAGE
					+ " and sets consilium.hpo.dir.";
			case LOADING -> "The HPO release is still loading; reload in a minute.";
			case READY -> hpo.problem() == null ? "The HPO annotations are still loading; reload in a minute." : hpo.problem();
			default -> hpo.problem() != null ? hpo.problem() : "The HPO annotations (phenotype.hpoa) could not be read, so no differential diagnosis can be computed.";
		};
	}

	private DifferentialDiagnosis engine(HpoData data) {
		Engine e = engine;
		if (e == null || e.data() != data) {
			e = new Engine(data, new DifferentialDiagnosis(data));
			engine = e;
		}
		return e.ranking();
	}

	/** One row of {@code phenotype.differential_ranking}. */
	private record Stored(UUID id, Instant computedAt, String release, String digest, List<String> observed, List<String> excluded, int candidateCount,
			List<DifferentialCandidate> candidates, SubmittedDiagnosisRank submitted) {

		boolean sameInputs(RankingInputs inputs) {
			return observed.equals(inputs.observed()) && excluded.equals(inputs.excluded());
		}
	}

	private static final String SELECT = """
			SELECT id, computed_at, hpo_release, inputs_digest, observed, excluded, candidate_count, top_candidates::text AS top,
			  submitted_check::text AS submitted
			FROM phenotype.differential_ranking""";

	private Optional<Stored> latest(CaseId caseId) {
		return jdbc.sql(SELECT + " WHERE case_id = ? ORDER BY computed_at DESC, id LIMIT 1").param(caseId.value()).query(this::stored).optional();
	}

	private Stored stored(java.sql.ResultSet rs, int row) throws SQLException {
		String submitted = rs.getString("submitted");
		return new Stored(rs.getObject("id", UUID.class), rs.getTimestamp("computed_at").toInstant(), rs.getString("hpo_release"),
				rs.getString("inputs_digest"), strings(rs.getArray("observed")), strings(rs.getArray("excluded")), rs.getInt("candidate_count"),
				json.readValue(rs.getString("top"), CANDIDATES), submitted == null ? null : json.readValue(submitted, SubmittedDiagnosisRank.class));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private Stored store(UserId by, CaseId caseId, HpoData data, RankingInputs inputs, String digest) {
		Ranking ranking = engine(data).rank(inputs.query());
		List<DifferentialCandidate> top = DifferentialCandidate.firstDistinct(ranking, mondo.crosswalk(), SHOWN, hpo.frequencies().orElse(null));
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO phenotype.differential_ranking (id, case_id, computed_at, computed_by, hpo_release, engine, inputs_digest, observed, excluded,
				  candidate_count, top_candidates)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?::jsonb)""")
			.params(id, caseId.value(), Timestamp.from(now), UserId.valueOrNull(by), data.release(), ENGINE, digest, arrayLiteral(inputs.observed()), arrayLiteral(inputs.excluded()),
					data.candidateCount(), json.writeValueAsString(top))
			.update();
		return new Stored(id, now, data.release(), digest, inputs.observed(), inputs.excluded(), data.candidateCount(), top, null);
	}

	/** A PostgreSQL array literal of HPO ids (which hold no quotes, commas or braces). */
	private static String arrayLiteral(List<String> ids) {
		return "{" + String.join(",", ids) + "}";
	}

	/**
	 * The view of a stored ranking. With the release loaded and the ranking current ({@code data} not null), how the
	 * first opinion's diagnosis ranks is computed and recorded with the ranking the first time a specialist who may
	 * see the first opinion looks at it.
	 */
	private DifferentialView view(Actor actor, AccessibleCase c, Stored stored, boolean current, HpoData data) {
		SubmittedDiagnosisRank submitted = null;
		String submittedProblem = null;
		if (!c.firstOpinionBlinded()) {
			submitted = stored.submitted();
			if (submitted == null && data != null) {
				submitted = SubmittedDiagnosisRank.of(c, engine(data), mondo, new RankingInputs(stored.observed(), stored.excluded()), flag.thresholds(),
						hpo.frequencies().orElse(null));
				jdbc.sql("""
						UPDATE phenotype.differential_ranking SET submitted_check = ?::jsonb, submitted_checked_at = ?, submitted_checked_by = ?
						WHERE id = ? AND submitted_check IS NULL""")
					.params(json.writeValueAsString(submitted), Timestamp.from(clock.instant()), actor.id().value(), stored.id()).update();
			}
			if (submitted == null) {
				submittedProblem = "How the first opinion's diagnosis ranks cannot be worked out now: " + hpoProblem();
			}
		}
		boolean mayCopy = current && actor.id().equals(c.specialistId()) && REVIEWING.contains(c.status()) && !c.firstOpinionBlinded();
		return new DifferentialView(c.id(), DifferentialView.Status.RANKED, current ? null
				: "The phenotype changed since this ranking and it cannot be recomputed now: " + hpoProblem(), stored.id(), stored.computedAt(),
				stored.release(), stored.candidateCount(), stored.observed(), stored.excluded(), stored.candidates(), current, submitted, submittedProblem,
				mayCopy);
	}

}
