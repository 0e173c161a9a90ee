package org.consilium.records.vault;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.consilium.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encrypted document store on the filesystem backend: encryption at rest, checks on read, streaming, re-wrapping. */
class DocumentStoreTests {

	@TempDir
	Path dir;

	private final byte[] masterKey = Base64.getDecoder().decode(MasterKeys.generate());

	private FilesystemDocumentBackend backend() throws IOException {
		return new FilesystemDocumentBackend(dir.resolve("documents"));
	}

	private DocumentStore store(DocumentBackend backend, MasterKeys keys) throws IOException {
		return new DocumentStore(backend, keys, dir.resolve("documents/incoming"), null);
	}

	private DocumentStore store() throws IOException {
		return store(backend(), new MasterKeys(masterKey, null));
	}

	static byte[] content(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		byte[] marker = "Patient: Jane Example, diagnosis C50.9".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(marker, 0, bytes, 0, marker.length);
		return bytes;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	@Test
	void storesCiphertextUnderAnOpaqueKeyAndReadsThePlaintextBack() throws Exception {
		DocumentStore store = store();
		byte[] plain = content(3 * 1024 * 1024 + 17);
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(plain), Long.MAX_VALUE);
		assertThat(UUID.fromString(stored.key()).toString()).isEqualTo(stored.key());
		assertThat(stored.sizeBytes()).isEqualTo(plain.length);
		assertThat(stored.sha256()).isEqualTo(sha256(plain));
		byte[] onDisk = Files.readAllBytes(backend().path(stored.key()));
		assertThat(onDisk.length).as("ciphertext carries a header and a tag per segment").isGreaterThan(plain.length);
		assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("Jane Example");
		try (InputStream in = store.open(stored)) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		assertThat(Files.list(dir.resolve("documents/incoming"))).as("no spool file left").isEmpty();
	}

	@Test
	void aLargeObjectStreamsItsFirstBytesBeforeTheWholeIsDecrypted() throws Exception {
		AtomicLong ciphertextRead = new AtomicLong();
		FilesystemDocumentBackend files = backend();
		DocumentBackend counting = new DelegatingBackend(files) {
			@Override
			public InputStream open(String key) throws IOException {
				return new FilterInputStream(files.open(key)) {
					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						int n = super.read(b, off, len);
						ciphertextRead.addAndGet(Math.max(n, 0));
						return n;
					}
				};
			}
		};
		DocumentStore store = store(counting, new MasterKeys(masterKey, null));
		byte[] plain = content(24 * 1024 * 1024);
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(plain), Long.MAX_VALUE);
		try (InputStream in = store.open(stored)) {
			byte[] first = in.readNBytes(1000);
			assertThat(first).isEqualTo(java.util.Arrays.copyOf(plain, 1000));
			assertThat(ciphertextRead.get()).as("one 1 MiB segment, not 24 MiB, read for the first bytes").isLessThan(3L * 1024 * 1024);
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(plain, 1000, plain.length));
		}
	}

	@Test
	void aTamperedSmallObjectIsRefusedBeforeAnyByteIsServed() throws Exception {
		DocumentStore store = store();
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(content(200_000)), Long.MAX_VALUE);
		flipByte(backend().path(stored.key()), 100_000);
		assertThatThrownBy(() -> store.open(stored)).isInstanceOf(DocumentIntegrityException.class).hasMessageContaining(stored.key());
	}

	@Test
	void aSmallObjectWhoseRowHashWasChangedIsRefusedBeforeAnyByteIsServed() throws Exception {
		DocumentStore store = store();
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(content(200_000)), Long.MAX_VALUE);
		DocumentStore.Stored tamperedRow = new DocumentStore.Stored(stored.key(), stored.sizeBytes(), sha256(new byte[] { 1 }),
				stored.wrappedDataKey(), stored.masterKeyId());
		assertThatThrownBy(() -> store.open(tamperedRow)).isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("SHA-256");
	}

	@Test
	void aLargeObjectWhoseRowHashWasChangedFailsTheReadAtTheEndInsteadOfCompletingIt() throws Exception {
		DocumentStore store = store();
		byte[] plain = content(6 * 1024 * 1024);
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(plain), Long.MAX_VALUE);
		DocumentStore.Stored tamperedRow = new DocumentStore.Stored(stored.key(), stored.sizeBytes(), sha256(new byte[] { 1 }),
				stored.wrappedDataKey(), stored.masterKeyId());
		try (InputStream in = store.open(tamperedRow)) {
			assertThat(in.readNBytes(plain.length)).as("authenticated segments stream").isEqualTo(plain);
			assertThatThrownBy(in::read).isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("SHA-256");
		}
		try (InputStream in = store.open(tamperedRow)) {
			assertThatThrownBy(() -> in.transferTo(java.io.OutputStream.nullOutputStream())).isInstanceOf(DocumentIntegrityException.class);
		}
	}

	@Test
	void aTamperedSegmentOfALargeObjectFailsTheReadWhereItIs() throws Exception {
		DocumentStore store = store();
		byte[] plain = content(6 * 1024 * 1024);
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(plain), Long.MAX_VALUE);
		flipByte(backend().path(stored.key()), 4 * 1024 * 1024);
		try (InputStream in = store.open(stored)) {
			assertThat(in.readNBytes(1024 * 1024)).isEqualTo(java.util.Arrays.copyOf(plain, 1024 * 1024));
			assertThatThrownBy(in::readAllBytes).isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("authentication");
		}
	}

	@Test
	void anObjectCopiedOverAnotherKeyDoesNotDecrypt() throws Exception {
		DocumentStore store = store();
		DocumentStore.Stored a = store.put(new ByteArrayInputStream(content(1000)), Long.MAX_VALUE);
		DocumentStore.Stored b = store.put(new ByteArrayInputStream(content(2000)), Long.MAX_VALUE);
		Files.copy(backend().path(a.key()), backend().path(b.key()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThatThrownBy(() -> store.open(b)).isInstanceOf(DocumentIntegrityException.class);
		DocumentStore.Stored bWithKeyOfA = new DocumentStore.Stored(b.key(), a.sizeBytes(), a.sha256(), a.wrappedDataKey(), a.masterKeyId());
		assertThatThrownBy(() -> store.open(bWithKeyOfA)).as("a data key moved to another row").isInstanceOf(DocumentIntegrityException.class);
	}

	@Test
	void aMissingObjectIsReportedAsMissing() throws Exception {
		DocumentStore store = store();
		DocumentStore.Stored stored = store.put(new ByteArrayInputStream(content(1000)), Long.MAX_VALUE);
		Files.delete(backend().path(stored.key()));
		assertThatThrownBy(() -> store.open(stored)).isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void anOversizedUploadKeepsNothing() throws Exception {
		DocumentStore store = store();
		assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content(300_000)), 200_000)).isInstanceOf(InvalidInputException.class);
		try (var objects = backend().list()) {
			assertThat(objects).isEmpty();
		}
		assertThat(Files.list(dir.resolve("documents/incoming"))).isEmpty();
	}

	@Test
	void reWrappingWithANewMasterKeyLeavesTheCiphertextUntouchedAndNeedsTheOldKey() throws Exception {
		DocumentStore oldStore = store();
		byte[] plain = content(2 * 1024 * 1024);
		DocumentStore.Stored stored = oldStore.put(new ByteArrayInputStream(plain), Long.MAX_VALUE);
		byte[] ciphertext = Files.readAllBytes(backend().path(stored.key()));

		byte[] newKey = Base64.getDecoder().decode(MasterKeys.generate());
		MasterKeys transition = new MasterKeys(newKey, masterKey);
		byte[] rewrapped = store(backend(), transition).rewrap(stored);
		DocumentStore.Stored after = new DocumentStore.Stored(stored.key(), stored.sizeBytes(), stored.sha256(), rewrapped,
				transition.current().id());

		assertThat(Files.readAllBytes(backend().path(stored.key()))).isEqualTo(ciphertext);
		DocumentStore newOnly = store(backend(), new MasterKeys(newKey, null));
		try (InputStream in = newOnly.open(after)) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		assertThatThrownBy(() -> newOnly.open(stored)).as("the old wrapping needs the old key").isInstanceOf(DocumentIntegrityException.class)
			.hasMessageContaining("previous-master-key");
		assertThatThrownBy(() -> store(backend(), new MasterKeys(Base64.getDecoder().decode(MasterKeys.generate()), null)).rewrap(stored))
			.isInstanceOf(java.security.GeneralSecurityException.class);
	}

	static void flipByte(Path file, long position) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		bytes[(int) position] ^= 0x01;
		Files.write(file, bytes);
	}

	/** A backend that passes everything to another. */
	static class DelegatingBackend implements DocumentBackend {

		private final DocumentBackend delegate;

		DelegatingBackend(DocumentBackend delegate) {
			this.delegate = delegate;
		}

		@Override
		public void put(String key, Path file) throws IOException {
			delegate.put(key, file);
		}

		@Override
		public InputStream open(String key) throws IOException {
			return delegate.open(key);
		}

		@Override
		public void delete(String key) throws IOException {
			delegate.delete(key);
		}

		@Override
		public java.util.stream.Stream<StoredObject> list() throws IOException {
			return delegate.list();
		}
	}
}
