package org.consilium.intake;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.DispatcherServlet;

import org.consilium.shared.EditConflictException;
import org.consilium.shared.UserId;

/**
 * Where the case aggregate is read and written, and the rule that a case row is read once per request: every access
 * check, transition and view of this module loads the {@link OpinionRequest} through here. Within a web request the loaded aggregate is kept in the request's
 * attributes for the rest of the request, across the transactions of the several modules one click calls; outside a
 * web request (listeners, scheduled work, tests calling a facade) it is kept for the current transaction. A saved
 * aggregate replaces the loaded one; a rolled back transaction forgets every case it touched, so the next read sees
 * the database again.
 */
@Component
class CaseStore {

	private static final String ATTRIBUTE = CaseStore.class.getName();

	private final OpinionRequestRepository requests;

	private final JdbcClient jdbc;

	CaseStore(OpinionRequestRepository requests, JdbcClient jdbc) {
		this.requests = requests;
		this.jdbc = jdbc;
	}

	/** The case, read from the database only the first time this request (or transaction) asks for it. */
	Optional<OpinionRequest> find(UUID caseId) {
		if (caseId == null) {
			return Optional.empty();
		}
		Map<UUID, OpinionRequest> loaded = loaded();
		if (loaded == null) {
			return requests.findById(caseId);
		}
		OpinionRequest known = loaded.get(caseId);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<OpinionRequest> found = requests.findById(caseId);
		found.ifPresent(r -> loaded.put(caseId, r));
		return found;
	}

	/**
	 * Saves the aggregate and the status changes it made (the timeline the clocks read), publishes its events, and
	 * keeps the saved state (with its new version) for the rest of the request.
	 * @throws EditConflictException (problem type {@code edit-conflict}, HTTP 409) when someone saved the case since it
	 *         was loaded
	 */
	OpinionRequest save(OpinionRequest request) {
		List<StatusChange> changes = request.drainPendingChanges();
		OpinionRequest saved;
		try {
			saved = requests.save(request);
		}
		catch (OptimisticLockingFailureException e) {
			forget(request.id());
			throw new EditConflictException();
		}
		for (StatusChange c : changes) {
			jdbc.sql("""
					INSERT INTO intake.status_change (opinion_request_id, from_status, to_status, at, by_user, note)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(saved.id(), c.fromStatus() == null ? null : c.fromStatus().name(), c.toStatus().name(), Timestamp.from(c.at()),
						UserId.valueOrNull(c.by()), c.note())
				.update();
		}
		remember(saved);
		return saved;
	}

	/** The case's status changes, oldest first. */
	List<StatusChange> timeline(UUID caseId) {
		return jdbc.sql("""
				SELECT from_status, to_status, at, by_user AS by, note FROM intake.status_change
				WHERE opinion_request_id = ? ORDER BY at, id""").param(caseId).query(StatusChange.class).list();
	}

	private void remember(OpinionRequest request) {
		Map<UUID, OpinionRequest> loaded = loaded();
		if (loaded != null) {
			loaded.put(request.id(), request);
			forgetOnRollback(request.id(), loaded);
		}
	}

	/** Forgets the loaded state of a case, e.g. after a transition failed half-way through on the aggregate. */
	void forget(UUID caseId) {
		Map<UUID, OpinionRequest> loaded = loaded();
		if (loaded != null) {
			loaded.remove(caseId);
		}
	}

	private static void forgetOnRollback(UUID caseId, Map<UUID, OpinionRequest> loaded) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						loaded.remove(caseId);
					}
				}
			});
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<UUID, OpinionRequest> loaded() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null) {
			Object map = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			if (map == null) {
				map = new HashMap<UUID, OpinionRequest>();
				request.setAttribute(ATTRIBUTE, map, RequestAttributes.SCOPE_REQUEST);
			}
			return (Map<UUID, OpinionRequest>) map;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Object map = TransactionSynchronizationManager.getResource(ATTRIBUTE);
		if (map == null) {
			Map<UUID, OpinionRequest> created = new HashMap<>();
			TransactionSynchronizationManager.bindResource(ATTRIBUTE, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ATTRIBUTE);
				}
			});
			return created;
		}
		return (Map<UUID, OpinionRequest>) map;
	}
}
