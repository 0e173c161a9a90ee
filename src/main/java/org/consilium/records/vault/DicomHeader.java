package org.consilium.records.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A check of our own of a DICOM Part 10 file header, because no DICOM library (dcm4che) is published on Maven Central.
 * DICOM PS3.10 section 7.1 (https://dicom.nema.org/medical/dicom/current/output/chtml/part10/chapter_7.html): a
 * 128-byte preamble, the prefix {@code DICM}, then the File Meta Information, group 0002, in Explicit VR Little Endian
 * (PS3.5 section 7.1.2). We walk that group element by element: each tag must be in group 0002, each VR one of PS3.5's
 * two-letter codes, each length must fit in the file; the group length (0002,0000), when present, must match; the
 * Media Storage SOP Class UID (0002,0002), SOP Instance UID (0002,0003) and Transfer Syntax UID (0002,0010) must be
 * present and be UIDs (digits and dots, at most 64 characters, PS3.5 section 9.1). The preamble must not start with
 * an executable or archive signature ({@code MZ}, ELF, {@code PK}, {@code #!}): the preamble is free for applications
 * (PS3.10 section 7.5) and so a known place to hide a second file type. The data set after the header is not parsed,
 * except that a deflated one (transfer syntaxes {@value #DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN} and
 * {@value #JPIP_REFERENCED_DEFLATE}, PS3.5 section A.5 and A.6: raw deflate, RFC 1951) is inflated once with a bounded
 * counter: a data set that inflates to more than {@value #MAX_INFLATION_RATIO} times its size, or past
 * {@link #MAX_INFLATED_BYTES}, is refused as a decompression bomb (the ZIP defaults of {@code ArchiveSettings}), and so is
 * one that is not valid deflate data.
 */
final class DicomHeader {

	static final int PREAMBLE = 128;

	private static final int MAX_META_BYTES = 64 * 1024;

	static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";

	static final String JPIP_REFERENCED_DEFLATE = "1.2.840.10008.1.2.4.95";

	static final long MAX_INFLATION_RATIO = 100;

	/** 2 GiB. */
	static final long MAX_INFLATED_BYTES = 2L * 1024 * 1024 * 1024;

	private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF",
			"OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");

	/** VRs with two reserved bytes and a 32-bit length in explicit VR encoding (PS3.5 table 7.1-1). */
	private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

	private DicomHeader() {
	}

	/** What is wrong with the header of {@code file}, or null when it is a valid DICOM Part 10 header. */
	static String problem(Path file) throws IOException {
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(PREAMBLE + 4 + MAX_META_BYTES);
		}
		if (bytes.length < PREAMBLE + 4 + 12) {
			return "the file is shorter than a preamble, the DICM prefix and one element";
		}
		if (!"DICM".equals(new String(bytes, PREAMBLE, 4, StandardCharsets.US_ASCII))) {
			return "the prefix DICM is missing after the 128-byte preamble";
		}
		String start = new String(bytes, 0, 4, StandardCharsets.ISO_8859_1);
		if (start.startsWith("MZ") || start.equals("\u007FELF") || start.startsWith("PK") || start.startsWith("#!")) {
			return "the preamble carries a program or archive signature";
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		buffer.position(PREAMBLE + 4);
		Set<Integer> seen = new HashSet<>();
		long groupEnd = -1;
		String transferSyntax = null;
		long dataSetStart = -1;
		while (buffer.remaining() >= 8) {
			int tagStart = buffer.position();
			if (groupEnd >= 0 && tagStart >= groupEnd) {
				dataSetStart = tagStart;
				break;
			}
			int group = Short.toUnsignedInt(buffer.getShort());
			int element = Short.toUnsignedInt(buffer.getShort());
			if (group != 0x0002) {
				if (groupEnd >= 0) {
					return "element (%04X,%04X) lies inside the file meta group length".formatted(group, element);
				}
				dataSetStart = tagStart;
				break;
			}
			String vr = new String(bytes, buffer.position(), 2, StandardCharsets.ISO_8859_1);
			buffer.position(buffer.position() + 2);
			if (!VRS.contains(vr)) {
				return "element (0002,%04X) has no valid value representation".formatted(element);
			}
			long length;
			if (LONG_VRS.contains(vr)) {
				if (buffer.remaining() < 6) {
					return "the file meta information is cut off";
				}
				buffer.getShort();
				length = Integer.toUnsignedLong(buffer.getInt());
			}
			else {
				length = Short.toUnsignedInt(buffer.getShort());
			}
			if (length > buffer.remaining()) {
				return "element (0002,%04X) is longer than the file meta information".formatted(element);
			}
			byte[] value = new byte[(int) length];
			buffer.get(value);
			if (element == 0x0000) {
				if (!vr.equals("UL") || length != 4 || !seen.isEmpty()) {
					return "the group length (0002,0000) is malformed";
				}
				groupEnd = buffer.position() + Integer.toUnsignedLong(ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt());
				if (groupEnd > bytes.length) {
					return "the group length (0002,0000) runs past the end of the file meta information";
				}
			}
			else if (element == 0x0002 || element == 0x0003 || element == 0x0010) {
				String uid = new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
				if (!vr.equals("UI") || !isUid(uid)) {
					return "element (0002,%04X) is not a UID".formatted(element);
				}
				if (element == 0x0010) {
					transferSyntax = uid;
				}
			}
			seen.add(element);
		}
		if (groupEnd >= 0 && buffer.position() != groupEnd) {
			return "the group length (0002,0000) does not match its elements";
		}
		for (int required : new int[] { 0x0002, 0x0003, 0x0010 }) {
			if (!seen.contains(required)) {
				return "the required element (0002,%04X) is missing".formatted(required);
			}
		}
		if (transferSyntax == null) {
			return "the transfer syntax is missing";
		}
		boolean deflated = transferSyntax.equals(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) || transferSyntax.equals(JPIP_REFERENCED_DEFLATE);
		return deflated ? inflationProblem(file, dataSetStart >= 0 ? dataSetStart : buffer.position()) : null;
	}

	/** What is wrong with the deflated data set from {@code dataSetStart} to the end of the file, or null. */
	private static String inflationProblem(Path file, long dataSetStart) throws IOException {
		long compressed = Math.max(1, Files.size(file) - dataSetStart);
		long bound = Math.min(MAX_INFLATED_BYTES, compressed * MAX_INFLATION_RATIO);
		Inflater inflater = new Inflater(true);
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(dataSetStart);
			byte[] input = new byte[64 * 1024];
			byte[] output = new byte[64 * 1024];
			long inflated = 0;
			while (!inflater.finished()) {
				if (inflater.needsDictionary()) {
					return "the deflated data set asks for a preset dictionary, which DICOM does not use";
				}
				if (inflater.needsInput()) {
					int read = in.read(input);
					if (read < 0) {
						return "the deflated data set is cut off";
					}
					inflater.setInput(input, 0, read);
				}
				inflated += inflater.inflate(output);
				if (inflated > bound) {
					return "the deflated data set inflates to more than %d times its size or %d bytes (a decompression bomb)"
						.formatted(MAX_INFLATION_RATIO, bound);
				}
			}
			return null;
		}
		catch (DataFormatException e) {
			return "the deflated data set is not valid deflate data";
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * Whether {@code uid} is 1 to 64 characters of digits in dot-separated non-empty components (PS3.5 section 9.1), i.e.
	 * {@code [0-9]+(\.[0-9]+)*}: a scan instead of that pattern, whose nested quantifier SpotBugs reports as a ReDoS risk.
	 */
	static boolean isUid(String uid) {
		if (uid.isEmpty() || uid.length() > 64) {
			return false;
		}
		char before = '.';
		for (int i = 0; i < uid.length(); i++) {
			char c = uid.charAt(i);
			if (c == '.' ? before == '.' : c < '0' || c > '9') {
				return false;
			}
			before = c;
		}
		return before != '.';
	}
}
