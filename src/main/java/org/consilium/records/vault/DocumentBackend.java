package org.consilium.records.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the encrypted bytes of documents live, each under an opaque key (a random UUID), never under a name a user gave.
 * The backends see ciphertext only: encryption and checks are {@link DocumentStore}'s.
 */
interface DocumentBackend {

	/** One stored object, as the sweeper sees it. */
	record StoredObject(String key, Instant lastModified) {
	}

	/** Stores the complete file under {@code key} and takes it over (the file is gone afterwards). */
	void put(String key, Path file) throws IOException;

	/**
	 * Streams the object.
	 * @throws NoSuchFileException when there is no object under this key
	 */
	InputStream open(String key) throws IOException;

	/** Removes the object; nothing happens when it does not exist. */
	void delete(String key) throws IOException;

	/** Every stored object; the caller closes the stream. */
	Stream<StoredObject> list() throws IOException;
}
