package org.consilium.records.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files {@code <root>/<key>}. A file is moved into place atomically when complete (the caller writes it on the
 * same filesystem), so a crash never leaves a half-written object under a real key.
 */
class FilesystemDocumentBackend implements DocumentBackend {

	private final Path root;

	FilesystemDocumentBackend(Path root) throws IOException {
		this.root = Files.createDirectories(root);
	}

	@Override
	public void put(String key, Path file) throws IOException {
		Files.move(file, path(key), StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	@Override
	public Stream<StoredObject> list() throws IOException {
		Stream<Path> files = Files.list(root);
		return files.filter(Files::isRegularFile).filter(f -> isKey(f.getFileName().toString())).map(f -> {
			try {
				return new StoredObject(f.getFileName().toString(), Files.getLastModifiedTime(f).toInstant());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}).onClose(files::close);
	}

	/** The file of a key; a key is a UUID, so no key can name a path outside the root. */
	Path path(String key) {
		return root.resolve(UUID.fromString(key).toString());
	}

	/** Whether the name is a document key: a UUID in its canonical form. */
	static boolean isKey(String name) {
		try {
			return UUID.fromString(name).toString().equals(name);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
