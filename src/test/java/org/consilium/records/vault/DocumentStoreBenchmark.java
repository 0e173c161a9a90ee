package org.consilium.records.vault;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/**
 * Prints what encryption at rest costs on the filesystem backend: for documents of 1, 10 and 100 MiB, the time to
 * store (encrypt, hash, move), the time to the first decrypted byte, and the time to read the whole (decrypt and
 * check the SHA-256), with throughput. A separate program, never part of the build; it fails on nothing.
 * <p>
 * Run: {@code ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -Xmx512m
 * -cp target/test-classes:target/classes:$(cat target/cp.txt) org.consilium.records.DocumentStoreBenchmark 3}
 */
public final class DocumentStoreBenchmark {

	private DocumentStoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		Path dir = Files.createTempDirectory("consilium-store-bench");
		DocumentStore store = new DocumentStore(new FilesystemDocumentBackend(dir.resolve("documents")),
				new MasterKeys(Base64.getDecoder().decode(MasterKeys.generate()), null), dir.resolve("documents/incoming"), null);
		for (int mib : new int[] { 1, 10, 100 }) {
			long size = mib * 1024L * 1024;
			for (int run = 1; run <= runs; run++) {
				long t0 = System.nanoTime();
				DocumentStore.Stored stored = store.put(new RandomBytes(size), Long.MAX_VALUE);
				long t1 = System.nanoTime();
				long firstByte;
				try (InputStream in = store.open(stored)) {
					in.read();
					firstByte = System.nanoTime();
					in.transferTo(OutputStream.nullOutputStream());
				}
				long t2 = System.nanoTime();
				System.out.printf("%4d MiB run %d: store %6.0f ms (%5.0f MiB/s), first byte %5.1f ms, read all %6.0f ms (%5.0f MiB/s)%n", mib, run,
						ms(t0, t1), mib / (ms(t0, t1) / 1000), ms(t1, firstByte), ms(t1, t2), mib / (ms(t1, t2) / 1000));
				store.delete(stored.key());
			}
		}
	}

	private static double ms(long from, long to) {
		return (to - from) / 1e6;
	}

	/** {@code size} pseudo-random bytes, generated as read. */
	private static final class RandomBytes extends InputStream {

		private final Random random = new Random(1);

		private long left;

		RandomBytes(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (left == 0) {
				return -1;
			}
			int n = (int) Math.min(len, left);
			byte[] chunk = new byte[n];
			random.nextBytes(chunk);
			System.arraycopy(chunk, 0, b, off, n);
			left -= n;
			return n;
		}
	}
}
