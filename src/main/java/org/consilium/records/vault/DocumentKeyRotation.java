package org.consilium.records.vault;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Master key rotation. Started with the new key as {@code consilium.documents.master-key} and the retired one as
 * {@code consilium.documents.previous-master-key}, the application re-wraps every data key wrapped by the retired key
 * with the new one, row by row, before it serves requests; the encrypted content is not read or rewritten. Reads work
 * throughout (a row names the master key that wrapped its data key). Once the log reports the rotation finished, the
 * previous key can be removed from the configuration. Running it again finds nothing left to do.
 */
class DocumentKeyRotation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DocumentKeyRotation.class);

	private final JdbcClient jdbc;

	private final DocumentStore store;

	private final MasterKeys keys;

	DocumentKeyRotation(JdbcClient jdbc, DocumentStore store, MasterKeys keys) {
		this.jdbc = jdbc;
		this.store = store;
		this.keys = keys;
	}

	@Override
	public void run(ApplicationArguments args) throws GeneralSecurityException {
		if (keys.previous() != null) {
			int count = rewrap(keys.previous().id());
			log.info("Document key rotation finished: {} data keys re-wrapped from master key {} to {}; the previous key may now be"
					+ " removed from the configuration", count, keys.previous().id(), keys.current().id());
		}
	}

	/**
	 * Re-wraps every data key wrapped by the master key {@code fromId} with the current master key.
	 * @return how many rows changed
	 * @throws GeneralSecurityException when a data key does not unwrap with the retired key (nothing further is changed)
	 */
	int rewrap(String fromId) throws GeneralSecurityException {
		record Row(UUID id, String storageKey, byte[] wrappedDataKey) {
		}
		List<Row> rows = jdbc.sql("SELECT id, storage_key, wrapped_data_key FROM records.document WHERE master_key_id = ?").param(fromId)
			.query(Row.class).list();
		int count = 0;
		for (Row row : rows) {
			byte[] rewrapped = store.rewrap(new DocumentStore.Stored(row.storageKey(), 0, null, row.wrappedDataKey(), fromId));
			count += jdbc.sql("UPDATE records.document SET wrapped_data_key = ?, master_key_id = ? WHERE id = ? AND master_key_id = ?")
				.params(rewrapped, keys.current().id(), row.id(), fromId).update();
		}
		return count;
	}
}
