package org.consilium.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditLog;
import org.consilium.intake.CaseAccess;
import org.consilium.records.FhirImportStatus.State;
import org.consilium.records.fhirimport.FhirImport;
import org.consilium.shared.Actor;
import org.consilium.shared.CaseId;
import org.consilium.shared.ConsiliumProblem;
import org.consilium.shared.ForbiddenActionException;
import org.consilium.shared.IllegalTransitionException;
import org.consilium.shared.NotFoundException;

/**
 * FHIR imports from the records page, run in the background so that the page can show progress.
 * <p>
 * {@link #start} checks that the actor may add records to the case, then queues the upload on a bounded executor
 * ({@code consilium.records.fhir.import-threads} threads, default 1, and {@code consilium.records.fhir.import-queue}
 * waiting uploads, default 4; beyond that {@link ImportsBusyException}). The job validates and stores through
 * {@link FhirImports}, the same path as {@link RecordsManagement#importFhirBundle}; storing is one transaction. When
 * the Bundle's Patient differs from the case's, nothing is stored: the validated result (summary rows and identifiers,
 * not the file) is held in memory until someone who may add records confirms or discards it, for at most
 * {@code consilium.records.fhir.hold-minutes} (default 10); then it expires and the file must be uploaded again.
 * Finished jobs are forgotten after the same time. Jobs live in this instance's memory: behind a load balancer the
 * progress page needs sticky sessions (the API is synchronous and needs nothing).
 * <p>
 * Status answers only to people with access to the case ({@link CaseAccess#requireAccess}), is audited, and holds
 * counts, the outcome and, while a confirmation is pending, the two patients' names and birth dates.
 */
@Component
public class FhirImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FhirImportJobs.class);

	private static final int MAX_JOBS = 64;

	private final RecordsAccess access;

	private final FhirImports imports;

	private final CaseAccess cases;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration hold;

	private final ThreadPoolExecutor executor;

	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

	FhirImportJobs(RecordsAccess access, FhirImports imports, CaseAccess cases, AuditLog audit, Clock clock,
			@Value("${consilium.records.fhir.import-threads:1}") int threads, @Value("${consilium.records.fhir.import-queue:4}") int queue,
			@Value("${consilium.records.fhir.hold-minutes:10}") int holdMinutes) {
		this.access = access;
		this.imports = imports;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
		this.hold = Duration.ofMinutes(holdMinutes);
		AtomicInteger n = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue), r -> {
			Thread t = new Thread(r, "fhir-import-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Queues an upload for import into the case; validation and storing happen in the background, their outcome is
	 * told by {@link #status}.
	 * @param json the Bundle's bytes, UTF-8 JSON
	 * @return the job id for {@link #status}
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a case the actor cannot see
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, HTTP 403) for anyone but the patient, their
	 *         referring physician or a coordinator
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, HTTP 409) when the case is closed for records
	 * @throws ImportsBusyException (problem type {@code imports-busy}, HTTP 503) when every slot is taken
	 */
	public UUID start(Actor actor, CaseId caseId, String fileName, byte[] json) {
		access.checkMayAdd(actor, caseId.value(), AuditAction.RECORDS_FHIR_IMPORT);
		sweep();
		if (jobs.size() >= MAX_JOBS) {
			throw new ImportsBusyException(jobs.size());
		}
		Job job = new Job(UUID.randomUUID(), caseId, actor, fileName);
		jobs.put(job.id, job);
		try {
			executor.execute(() -> run(job, json));
		}
		catch (RejectedExecutionException e) {
			jobs.remove(job.id);
			throw new ImportsBusyException(executor.getActiveCount() + executor.getQueue().size());
		}
		return job.id;
	}

	/**
	 * Where an import of the case stands; audited as {@code records.fhir.import.status} once per job and person (the
	 * progress page polls every second, and the patient's access log would otherwise list every poll). A refusal is
	 * audited every time.
	 * @return counts, the state and, once finished, the outcome; the two patients while a confirmation is pending
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a job of another case, an unknown or
	 *         forgotten job, or a case the actor cannot see
	 */
	@Transactional
	public FhirImportStatus status(Actor actor, CaseId caseId, UUID jobId) {
		cases.requireAccess(actor, caseId, AuditAction.RECORDS_FHIR_IMPORT_STATUS);
		sweep();
		Job job = find(actor, caseId, jobId, AuditAction.RECORDS_FHIR_IMPORT_STATUS);
		if (job.firstReadBy(actor)) {
			audit.success(actor, AuditAction.RECORDS_FHIR_IMPORT_STATUS, caseId, "FhirImportJob", jobId);
		}
		return job.status();
	}

	/**
	 * Stores a held import whose Patient differs from the case's, as confirmed by the actor (audited as
	 * {@code records.fhir.import.patient-mismatch-confirmed} with the actor).
	 * @return where the import stands afterwards: imported, or rejected with the reason
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a job of another case, an unknown or
	 *         forgotten job, or a case the actor cannot see
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, HTTP 403) for anyone who may not add records
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, HTTP 409) when the job holds nothing to
	 *         confirm (already stored, discarded or expired) or the case is closed for records
	 */
	public FhirImportStatus confirmPatientMismatch(Actor actor, CaseId caseId, UUID jobId) {
		access.checkMayAdd(actor, caseId.value(), AuditAction.RECORDS_FHIR_IMPORT);
		sweep();
		Job job = find(actor, caseId, jobId, AuditAction.RECORDS_FHIR_IMPORT);
		FhirImport held = job.takeHeld();
		if (held == null) {
			throw new IllegalTransitionException("This import does not wait for a confirmation any more.");
		}
		store(job, actor, held, true);
		return job.status();
	}

	/**
	 * Drops a held import without storing it; audited as {@code records.fhir.import.discarded}. Does nothing when the job
	 * holds nothing any more.
	 * @throws NotFoundException (problem type {@code not-found}, HTTP 404) for a job of another case, an unknown or
	 *         forgotten job, or a case the actor cannot see
	 * @throws ForbiddenActionException (problem type {@code forbidden-action}, HTTP 403) for anyone who may not add records
	 * @throws IllegalTransitionException (problem type {@code illegal-transition}, HTTP 409) when the case is closed for records
	 */
	@Transactional
	public void discard(Actor actor, CaseId caseId, UUID jobId) {
		access.checkMayAdd(actor, caseId.value(), AuditAction.RECORDS_FHIR_IMPORT);
		Job job = find(actor, caseId, jobId, AuditAction.RECORDS_FHIR_IMPORT);
		if (job.takeHeld() != null) {
			job.finish(State.REJECTED, "The file was not imported: you chose not to import a bundle about another patient.", List.of(), null);
			audit.success(actor, AuditAction.RECORDS_FHIR_IMPORT_DISCARDED, caseId, "FhirImportJob", jobId);
		}
	}

	private void run(Job job, byte[] json) {
		job.state = State.VALIDATING;
		FhirImport result;
		try {
			result = imports.validate(job.actor, job.caseId, json, (validated, total) -> job.progress(validated, total));
		}
		catch (ConsiliumProblem problem) {
			job.reject(problem.getMessage());
			return;
		}
		catch (RuntimeException | Error e) {
			log.error("FHIR import job {} failed: {}", job.id, e.getClass().getName());
			job.reject("The import failed unexpectedly; nothing was stored. Try again, or tell an administrator.");
			return;
		}
		store(job, job.actor, result, false);
	}

	private void store(Job job, Actor actor, FhirImport result, boolean confirmed) {
		try {
			FhirImportView view = imports.store(actor, job.caseId, job.fileName, result, confirmed);
			job.finish(State.IMPORTED, "Imported " + view.entryCount() + " entries from " + view.fileName()
					+ (view.warnings().isEmpty() ? "." : ", with " + view.warnings().size() + " warnings."), List.of(), view);
		}
		catch (WrongPatientException wrong) {
			job.await(result, wrong.onFile(), wrong.inBundle());
		}
		catch (ConsiliumProblem problem) {
			job.reject(problem.getMessage());
		}
		catch (RuntimeException e) {
			log.error("FHIR import job {} failed while storing: {}", job.id, e.getClass().getName());
			job.reject("The import failed unexpectedly; nothing was stored. Try again, or tell an administrator.");
		}
	}

	private Job find(Actor actor, CaseId caseId, UUID jobId, AuditAction action) {
		Job job = jobs.get(jobId);
		if (job == null || !job.caseId.equals(caseId)) {
			audit.denied(actor, action, caseId, "FhirImportJob", jobId);
			throw new NotFoundException();
		}
		return job;
	}

	/** Expires held imports and forgets finished jobs older than the hold time. */
	private void sweep() {
		Instant limit = clock.instant().minus(hold);
		jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(limit));
		jobs.values().stream().filter(job -> job.heldSince != null && job.heldSince.isBefore(limit)).forEach(job -> {
			if (job.takeHeld() != null) {
				job.finish(State.EXPIRED, "The confirmation was not given within " + hold.toMinutes()
						+ " minutes; nothing was stored. Upload the file again to import it.", List.of(), null);
			}
		});
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	private final class Job {

		final UUID id;

		final CaseId caseId;

		final Actor actor;

		final String fileName;

		volatile State state = State.QUEUED;

		volatile int validated;

		volatile int total;

		volatile String message;

		volatile List<String> problems = List.of();

		volatile FhirImportView imported;

		volatile Instant finishedAt;

		private FhirImport held;

		volatile Instant heldSince;

		volatile PatientDemographics onFile;

		volatile PatientDemographics inBundle;

		private final Set<String> readers = ConcurrentHashMap.newKeySet();

		Job(UUID id, CaseId caseId, Actor actor, String fileName) {
			this.id = id;
			this.caseId = caseId;
			this.actor = actor;
			this.fileName = fileName;
		}

		/** Whether this is the first time this person reads where the job stands. */
		boolean firstReadBy(Actor reader) {
			return readers.add(String.valueOf(reader.id()));
		}

		void progress(int validated, int total) {
			this.total = total;
			this.validated = Math.max(this.validated, validated);
		}

		synchronized void await(FhirImport result, PatientDemographics onFile, PatientDemographics inBundle) {
			this.held = result;
			this.heldSince = clock.instant();
			this.onFile = onFile;
			this.inBundle = inBundle;
			this.state = State.AWAITING_CONFIRMATION;
		}

		/** The held result, once: null when there is none (or another request took it). */
		synchronized FhirImport takeHeld() {
			FhirImport taken = held;
			held = null;
			heldSince = null;
			if (taken != null) {
				state = State.VALIDATING;
			}
			return taken;
		}

		void reject(String message) {
			String[] lines = message.split("\n");
			finish(State.REJECTED, lines[0], Arrays.stream(lines).skip(1).toList(), null);
		}

		synchronized void finish(State state, String message, List<String> problems, FhirImportView imported) {
			this.message = message;
			this.problems = problems;
			this.imported = imported;
			this.onFile = null;
			this.inBundle = null;
			this.finishedAt = clock.instant();
			this.state = state;
		}

		synchronized FhirImportStatus status() {
			return new FhirImportStatus(id, state, validated, total, message, problems, imported, onFile, inBundle);
		}
	}
}
