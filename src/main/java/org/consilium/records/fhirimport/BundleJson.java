package org.consilium.records.fhirimport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The first two steps of a {@link FhirBundleImporter} import, which stop at their first failure: the upload read as
 * UTF-8 text within {@link FhirImportLimits} (size; one streaming pass that enforces the nesting depth with Jackson's
 * {@link StreamReadConstraints} and counts the top-level entries, stopping at the first beyond the limit), then strict
 * JSON syntax (no comments, no duplicate keys, no trailing content), reported with line and column. Thread-safe.
 */
final class BundleJson {

	private final FhirImportLimits limits;

	private final ObjectMapper json;

	private final com.fasterxml.jackson.databind.ObjectWriter canonical;

	BundleJson(FhirImportLimits limits) {
		this.limits = limits;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(limits.maxNestingDepth())
				.maxDocumentLength(limits.maxBytes())
				.maxStringLength((int) limits.maxBytes())
				.build())
			.build();
		this.json = JsonMapper.builder(factory)
			.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.build();
		this.canonical = JsonMapper.builder()
			.enable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
			.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build()
			.writer();
	}

	/**
	 * The upload as text: at most {@link FhirImportLimits#maxBytes()} bytes of UTF-8, without a byte-order mark.
	 * @throws FhirImportRejectedException for an empty, oversized or non-UTF-8 file
	 */
	String text(byte[] json) throws FhirImportRejectedException {
		if (json != null && json.length > limits.maxBytes()) {
			throw new FhirImportRejectedException("the file is larger than " + megabytes(limits.maxBytes()),
					List.of("the file has " + json.length + " bytes; at most " + limits.maxBytes() + " are accepted"));
		}
		return decode(json);
	}

	/**
	 * The SHA-256 of the parsed JSON in canonical form, as 64 lower-case hex digits: object keys sorted, no white space
	 * outside strings, numbers as written (exact decimals), so that the same Bundle formatted or ordered differently has
	 * the same digest. Written straight into the digest, never held as text.
	 */
	String canonicalSha256(JsonNode root) {
		try {
			java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
			try (java.io.OutputStream out = new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha256)) {
				canonical.writeValue(out, root);
			}
			return java.util.HexFormat.of().formatHex(sha256.digest());
		}
		catch (IOException | java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("the canonical form of a parsed Bundle could not be written", e);
		}
	}

	/** An empty object from the same node factory (exact decimals), for a chunk of the Bundle to validate. */
	ObjectNode objectNode() {
		return json.createObjectNode();
	}

	/**
	 * One streaming pass: enforces the nesting depth and the entry limit before any tree is built, and measures each
	 * top-level entry (in characters) for chunking.
	 *
	 * @return the size of each top-level entry, in characters
	 */
	int[] scan(String text) throws FhirImportRejectedException {
		int[] sizes = new int[16];
		int count = 0;
		JsonParser parser = null;
		try (JsonParser p = json.getFactory().createParser(text)) {
			parser = p;
			int depth = 0;
			boolean inEntries = false;
			long start = 0;
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token.isStructStart()) {
					depth++;
					if (depth == 2 && token == JsonToken.START_ARRAY && "entry".equals(parser.currentName())) {
						inEntries = true;
					}
					else if (inEntries && depth == 3) {
						start = parser.currentTokenLocation().getCharOffset();
					}
				}
				else if (token.isStructEnd()) {
					if (inEntries && depth == 3) {
						sizes = entry(sizes, count++, parser.currentLocation().getCharOffset() - start);
					}
					else if (inEntries && depth == 2) {
						inEntries = false;
					}
					depth--;
				}
				else if (inEntries && depth == 2) {
					sizes = entry(sizes, count++, 1); // not an object: the validator names the fault
				}
			}
		}
		catch (StreamConstraintsException e) {
			throw new FhirImportRejectedException("the JSON is nested deeper than " + limits.maxNestingDepth() + " levels",
					List.of("JSON nesting deeper than " + limits.maxNestingDepth() + " levels at line "
							+ parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr()));
		}
		catch (JsonProcessingException e) {
			throw syntaxError(e);
		}
		catch (IOException e) {
			throw new IllegalStateException("reading a string cannot fail", e);
		}
		return java.util.Arrays.copyOf(sizes, count);
	}

	private int[] entry(int[] sizes, int index, long chars) throws FhirImportRejectedException {
		if (index == limits.maxEntries()) {
			throw new FhirImportRejectedException("the Bundle has more than " + limits.maxEntries() + " entries",
					List.of("Bundle.entry: more than " + limits.maxEntries() + " entries; split the record into several Bundles"));
		}
		int[] grown = index == sizes.length ? java.util.Arrays.copyOf(sizes, index * 2) : sizes;
		grown[index] = (int) Math.max(1, chars);
		return grown;
	}

	private static String position(JsonProcessingException e) {
		JsonLocation where = e.getLocation();
		return where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
	}

	private static FhirImportRejectedException syntaxError(JsonProcessingException e) {
		return new FhirImportRejectedException("the file is not valid JSON",
				List.of("JSON syntax error" + position(e) + ": " + e.getOriginalMessage()));
	}

	private static String megabytes(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
	}

	private static String decode(byte[] bytes) throws FhirImportRejectedException {
		if (bytes == null || bytes.length == 0) {
			throw new FhirImportRejectedException("the file is empty", List.of("no bytes were uploaded"));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new FhirImportRejectedException("the file is not UTF-8 text",
					List.of("FHIR JSON must be encoded in UTF-8: " + e.getMessage()));
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/**
	 * The JSON tree of the text, read strictly.
	 * @throws FhirImportRejectedException for a syntax error (with line and column) or a root that is not an object
	 */
	JsonNode parse(String text) throws FhirImportRejectedException {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JsonProcessingException e) {
			throw syntaxError(e);
		}
		if (root == null || !root.isObject()) {
			throw new FhirImportRejectedException("the JSON is not a FHIR resource",
					List.of("the root of a FHIR JSON file must be an object"));
		}
		return root;
	}
}
