package org.consilium.records.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Crash safety of uploads. An upload stores its bytes first and commits its row second, so a document is visible only
 * when both exist; a crash in between leaves bytes without a row. Every {@code consilium.documents.sweeper.interval}
 * this removes stored objects (and spool files) older than {@code consilium.documents.sweeper.grace} that no row names,
 * and logs every row whose bytes are missing (by document and case identifier only, never a file name).
 */
class DocumentSweeper {

	private static final Logger log = LoggerFactory.getLogger(DocumentSweeper.class);

	private final DocumentBackend backend;

	private final Path spool;

	private final JdbcClient jdbc;

	private final Duration grace;

	private final Clock clock;

	DocumentSweeper(DocumentBackend backend, Path spool, JdbcClient jdbc, Duration grace, Clock clock) {
		this.backend = backend;
		this.spool = spool;
		this.jdbc = jdbc;
		this.grace = grace;
		this.clock = clock;
	}

	/** What one sweep did: objects and spool files removed, rows whose bytes are missing. */
	record Sweep(int removedObjects, int removedSpoolFiles, List<UUID> documentsWithoutBytes) {
	}

	@Scheduled(initialDelayString = "${consilium.documents.sweeper.interval:PT1H}", fixedDelayString = "${consilium.documents.sweeper.interval:PT1H}")
	void scheduled() {
		try {
			sweep();
		}
		catch (IOException | RuntimeException e) {
			log.error("The document sweeper failed; it runs again at its next interval", e);
		}
	}

	Sweep sweep() throws IOException {
		Instant listed = clock.instant();
		Instant cutoff = listed.minus(grace);
		Set<String> stored = new HashSet<>();
		int removed = 0;
		try (Stream<DocumentBackend.StoredObject> objects = backend.list()) {
			for (DocumentBackend.StoredObject object : (Iterable<DocumentBackend.StoredObject>) objects::iterator) {
				stored.add(object.key());
				if (object.lastModified().isBefore(cutoff) && !hasRow(object.key())) {
					backend.delete(object.key());
					removed++;
				}
			}
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		int spoolFiles = 0;
		try (Stream<Path> files = Files.list(spool)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
					spoolFiles++;
				}
			}
		}
		record Row(UUID id, UUID caseId, String storageKey) {
		}
		List<UUID> missing = jdbc.sql("SELECT id, case_id, storage_key FROM records.document WHERE uploaded_at < ?")
			.param(java.sql.Timestamp.from(listed)).query(Row.class).list().stream()
			.filter(r -> !stored.contains(r.storageKey()))
			.peek(r -> log.error("Document {} of case {} has a record but its stored content is missing (object {})", r.id(), r.caseId(),
					r.storageKey()))
			.map(Row::id).toList();
		if (removed > 0 || spoolFiles > 0) {
			log.info("Document sweeper removed {} stored objects and {} spool files without a record, older than {}", removed, spoolFiles,
					grace);
		}
		return new Sweep(removed, spoolFiles, missing);
	}

	private boolean hasRow(String key) {
		return jdbc.sql("SELECT count(*) FROM records.document WHERE storage_key = ?").param(key).query(Long.class).single() > 0;
	}
}
