package org.consilium.records.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

import org.consilium.records.DocumentType;
import org.consilium.shared.InvalidInputException;

/**
 * Inspects a ZIP archive before anything is extracted, from its central directory (Apache Commons Compress
 * {@link ZipFile}, which also reads the symbolic-link flag in each entry's external attributes):
 * <ul>
 * <li>at most {@code maxEntries} entries (folders count);</li>
 * <li>no entry whose path has a {@code ..} segment, is absolute ({@code /x}, {@code \x}, {@code C:x}) or is a symbolic
 * link; no encrypted entry, no compression method we cannot read, no two entries sharing bytes (overlapping entries are
 * how the densest zip bombs work, https://www.bamsoftware.com/hacks/zipbomb/);</li>
 * <li>at most {@code maxUncompressedBytes} uncompressed in total, and a compression ratio of at most
 * {@code maxCompressionRatio}:1 for the whole archive and for each entry larger than {@value #RATIO_EXEMPT_BYTES} bytes
 * (small, highly compressible files such as a blank form are harmless and common).</li>
 * </ul>
 * Only then is each file entry decompressed, counted as it streams (an entry that inflates beyond its declared size or
 * the ratio is cut off at once) into a temporary file, and checked by the {@link DocumentTypePolicy} like an upload of
 * its own. Nested archives are rejected: each level would need the same inspection, and nothing a patient sends needs
 * them. Folder entries and macOS Finder metadata ({@code __MACOSX/}, {@code .DS_Store}) are skipped, never listed.
 */
public final class ZipInspection {

	static final long RATIO_EXEMPT_BYTES = 1024 * 1024;

	/** ZIP compression methods read here (APPNOTE 4.4.5): stored, deflated, Deflate64, BZIP2. */
	private static final java.util.Set<Integer> READABLE_METHODS = java.util.Set.of(ZipMethod.STORED.getCode(),
			ZipMethod.DEFLATED.getCode(), ZipMethod.ENHANCED_DEFLATED.getCode(), ZipMethod.BZIP2.getCode());

	private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

	/** Limits from {@link ArchiveSettings}. */
	record Limits(int maxEntries, long maxUncompressedBytes, int maxCompressionRatio) {
	}

	/** A file entry that passed: its path in the archive, type, uncompressed size and SHA-256 (lower-case hex). */
	public record Entry(int index, String path, DocumentType type, long sizeBytes, String sha256) {
	}

	/** The file entries in central-directory order and their uncompressed bytes in total. */
	public record Result(List<Entry> entries, long uncompressedBytes) {
	}

	private final DocumentTypePolicy policy;

	private final Path workDir;

	ZipInspection(DocumentTypePolicy policy, Path workDir) {
		this.policy = policy;
		this.workDir = workDir;
	}

	/**
	 * @throws InvalidInputException when a rule above is broken; the message names the entry and the rule
	 */
	Result inspect(Path archive, Limits limits) throws IOException {
		try (ZipFile zip = open(archive)) {
			List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
			if (all.size() > limits.maxEntries()) {
				throw new InvalidInputException("This archive has " + all.size() + " entries; at most " + limits.maxEntries() + " are accepted.");
			}
			if (all.isEmpty()) {
				throw new InvalidInputException("This archive is empty.");
			}
			long declared = 0;
			for (ZipArchiveEntry entry : all) {
				checkEntry(zip, entry, limits);
				declared += Math.max(0, entry.getSize());
			}
			checkOverlap(all);
			if (declared > limits.maxUncompressedBytes()) {
				throw new InvalidInputException("This archive holds " + declared + " bytes once uncompressed; at most " + limits.maxUncompressedBytes()
						+ " are accepted.");
			}
			long compressed = Files.size(archive);
			if (declared > RATIO_EXEMPT_BYTES && declared > compressed * limits.maxCompressionRatio()) {
				throw ratio("This archive", limits);
			}
			List<Entry> entries = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				ZipArchiveEntry entry = all.get(i);
				if (!entry.isDirectory() && !isFinderMetadata(entry.getName())) {
					entries.add(extractAndCheck(zip, entry, i, limits));
				}
			}
			if (entries.isEmpty()) {
				throw new InvalidInputException("This archive holds no files.");
			}
			return new Result(List.copyOf(entries), entries.stream().mapToLong(Entry::sizeBytes).sum());
		}
	}

	/** Opens one entry of an archive that passed {@link #inspect}, cut off at {@code sizeBytes}. The caller closes it. */
	static InputStream openEntry(Path archive, int index, String path, long sizeBytes) throws IOException {
		ZipFile zip = open(archive);
		try {
			List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
			if (index >= all.size() || !all.get(index).getName().equals(path)) {
				throw new IOException("The archive no longer holds the entry it was checked with.");
			}
			InputStream in = zip.getInputStream(all.get(index));
			return new InputStream() {
				long left = sizeBytes;

				@Override
				public int read() throws IOException {
					byte[] one = new byte[1];
					return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					if (left <= 0) {
						return -1;
					}
					int n = in.read(b, off, (int) Math.min(len, left));
					if (n > 0) {
						left -= n;
					}
					return n;
				}

				@Override
				public void close() throws IOException {
					try {
						in.close();
					}
					finally {
						zip.close();
					}
				}
			};
		}
		catch (IOException | RuntimeException e) {
			zip.close();
			throw e;
		}
	}

	private static ZipFile open(Path archive) throws IOException {
		try {
			return ZipFile.builder().setPath(archive).get();
		}
		catch (IOException e) {
			throw new InvalidInputException("This file starts like a ZIP archive but its central directory cannot be read (" + e.getMessage() + ").");
		}
	}

	private static void checkEntry(ZipFile zip, ZipArchiveEntry entry, Limits limits) {
		String name = entry.getName();
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			throw rejected(name, "has control characters in its name");
		}
		String path = name.replace('\\', '/');
		if (path.startsWith("/") || DRIVE.matcher(path).matches()) {
			throw rejected(name, "has an absolute path");
		}
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				throw rejected(name, "climbs out of the archive with '..'");
			}
		}
		if (entry.isUnixSymlink()) {
			throw rejected(name, "is a symbolic link");
		}
		if (entry.getGeneralPurposeBit().usesEncryption()) {
			throw rejected(name, "is encrypted, so it cannot be checked");
		}
		// only methods Commons Compress reads by itself: Zstandard, XZ and LZMA need libraries that are not here, and an
		// entry using one failed with NoClassDefFoundError instead of a refusal (found by VaultFuzzTests.zipInspection)
		if (!READABLE_METHODS.contains(entry.getMethod()) || !zip.canReadEntryData(entry)) {
			throw rejected(name, "uses a compression method that cannot be read (use a standard ZIP: deflate or no compression)");
		}
		if (entry.getSize() > RATIO_EXEMPT_BYTES && entry.getSize() > Math.max(1, entry.getCompressedSize()) * limits.maxCompressionRatio()) {
			throw ratio("The entry '" + name + "'", limits);
		}
	}

	private static void checkOverlap(List<ZipArchiveEntry> all) {
		List<ZipArchiveEntry> byOffset = new ArrayList<>(all);
		byOffset.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
		long end = -1;
		for (ZipArchiveEntry entry : byOffset) {
			if (entry.getLocalHeaderOffset() < end) {
				throw rejected(entry.getName(), "shares its bytes with another entry (an overlapping zip bomb)");
			}
			end = entry.getDataOffset() + Math.max(0, entry.getCompressedSize());
		}
	}

	private Entry extractAndCheck(ZipFile zip, ZipArchiveEntry entry, int index, Limits limits) throws IOException {
		long allowed = Math.min(entry.getSize(), limits.maxUncompressedBytes());
		long ratioBound = Math.max(RATIO_EXEMPT_BYTES, Math.max(1, entry.getCompressedSize()) * limits.maxCompressionRatio());
		Path tmp = Files.createTempFile(workDir, "entry-", ".part");
		try {
			MessageDigest sha = sha256();
			long size = 0;
			try (InputStream in = zip.getInputStream(entry); OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					size += n;
					if (size > allowed || size > ratioBound) {
						throw size > ratioBound ? ratio("The entry '" + entry.getName() + "'", limits)
								: rejected(entry.getName(), "holds more bytes than its header declares");
					}
					out.write(buffer, 0, n);
				}
			}
			catch (IOException e) {
				throw rejected(entry.getName(), "does not decompress (" + e.getMessage() + ")");
			}
			DocumentType type;
			try {
				type = policy.check(tmp);
			}
			catch (InvalidInputException e) {
				throw rejected(entry.getName(), "is not accepted: " + e.getMessage());
			}
			if (type == DocumentType.ZIP) {
				throw rejected(entry.getName(), "is an archive itself; nested archives are not accepted, upload it on its own");
			}
			return new Entry(index, entry.getName(), type, size, HexFormat.of().formatHex(sha.digest()));
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static boolean isFinderMetadata(String name) {
		return name.startsWith("__MACOSX/") || name.equals(".DS_Store") || name.endsWith("/.DS_Store");
	}

	private static InvalidInputException rejected(String name, String why) {
		return new InvalidInputException("The archive entry '" + FileNames.readable(name) + "' " + why + ".");
	}

	private static InvalidInputException ratio(String what, Limits limits) {
		return new InvalidInputException(what + " is compressed more than " + limits.maxCompressionRatio()
				+ " to 1, as zip bombs are, so it is not accepted.");
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
