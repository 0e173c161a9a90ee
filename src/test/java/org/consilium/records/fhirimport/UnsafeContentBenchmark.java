package org.consilium.records.fhirimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints the CPU time of the unsafe-content check on one Condition whose text is an HTML tag left open ({@code <a }
 * and spaces), for the pattern the check used before issue #11 and for the scanner it uses now. A separate program
 * ({@code bench/redos.sh}), never part of the build; it fails on nothing. The old pattern runs only up to 40 kB: it is
 * quadratic, so 1 MB would take hours.
 */
public final class UnsafeContentBenchmark {

	private static final Pattern OLD_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?\\s*>");

	private UnsafeContentBenchmark() {
	}

	public static void main(String[] args) {
		for (int size : new int[] { 5_000, 10_000, 20_000, 40_000 }) {
			String text = "<a " + " ".repeat(size);
			long t0 = System.nanoTime();
			boolean found = OLD_TAG.matcher(text).find();
			System.out.printf("old pattern   %,9d chars: %,8d ms (tag found: %s)%n", text.length(), (System.nanoTime() - t0) / 1_000_000, found);
		}
		ObjectMapper json = new ObjectMapper();
		for (int size : new int[] { 40_000, 1_000_000, 4_000_000, 16_000_000 }) {
			ObjectNode condition = json.createObjectNode().put("resourceType", "Condition");
			condition.putObject("code").put("text", "<a " + " ".repeat(size));
			List<String> problems = new ArrayList<>();
			long t0 = System.nanoTime();
			UnsafeContentRules.check(condition, "Condition", problems);
			System.out.printf("scanner check %,9d chars: %,8.1f ms (problems: %d)%n", size + 3, (System.nanoTime() - t0) / 1e6, problems.size());
		}
	}
}
