package org.consilium;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small, real documents for tests. */
public final class TestDocuments {

	private TestDocuments() {
	}

	/** A minimal one-page PDF 1.4 document (header, catalog, pages, page, cross-reference table, trailer). */
	public static byte[] pdf() {
		String[] objects = {
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>" };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.4\n");
		int[] offsets = new int[objects.length];
		for (int i = 0; i < objects.length; i++) {
			offsets[i] = out.size();
			write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
		for (int offset : offsets) {
			table.append(String.format("%010d 00000 n \n", offset));
		}
		write(out, table + "trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
	}
}
