package org.consilium;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * zonky's default binaries, with the MD5 of the archive zonky reads: zonky unpacks it into
 * {@code <working directory>/PG-<md5>}, where {@code postgres --single} is found.
 */
final class DigestingResolver implements PgBinaryResolver {

	private volatile String md5;

	@Override
	public InputStream getPgBinary(String system, String machineHardware) throws IOException {
		InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
		try {
			MessageDigest digest = MessageDigest.getInstance("MD5");
			return new DigestInputStream(archive, digest) {
				private boolean done;

				@Override
				public void close() throws IOException {
					super.close();
					if (!done) {
						done = true;
						md5 = HexFormat.of().formatHex(digest.digest());
					}
				}
			};
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Path directory(Path workingDirectory) {
		if (md5 == null) {
			throw new IllegalStateException("the PostgreSQL binaries have not been unpacked yet");
		}
		return workingDirectory.resolve("PG-" + md5);
	}
}
