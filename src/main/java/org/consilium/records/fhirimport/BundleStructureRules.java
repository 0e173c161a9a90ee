package org.consilium.records.fhirimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Bundle-level rules that the importer checks itself, because it validates entries one at a time
 * (validating a whole large Bundle at once costs minutes and gigabytes). Sources: FHIR R4 Bundle
 * invariants bdl-3, bdl-7, bdl-8, bdl-9, bdl-10, bdl-11 (https://hl7.org/fhir/R4/bundle.html#invs) and
 * the rules for resolving references in Bundles (https://hl7.org/fhir/R4/bundle.html#references).
 * <ul>
 * <li>a {@code fullUrl}, when present, is absolute ({@code urn:uuid:}, {@code urn:oid:} or a URL), holds no
 * {@code /_history/}, and when it is a RESTful URL agrees with the resource's type and id;</li>
 * <li>{@code fullUrl}s are unique unless their {@code meta.versionId}s differ;</li>
 * <li>transaction and batch entries carry {@code request.method} and {@code request.url};</li>
 * <li>a document starts with a Composition and has an identifier and a timestamp;</li>
 * <li>references are well formed; conditional references ({@code Type?query}) appear only in transactions
 * and batches and have a valid query; a conditional reference searches by {@code identifier} only (the one
 * search parameter that can be evaluated offline) and must not match more than one entry: a transaction fails
 * when a conditional reference has no match or several (https://hl7.org/fhir/R4/http.html#trules); one that
 * matches no entry is handed on (see {@link #unresolved}) to be matched against the case's earlier imports;
 * a reference matching more than one entry, or a versioned reference
 * whose resource is present only in other versions, is an error; a reference that matches nothing points
 * outside the Bundle and is only a warning.</li>
 * </ul>
 */
final class BundleStructureRules {

	private static final Pattern RELATIVE = Pattern.compile(
			"^([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/([A-Za-z0-9\\-.]{1,64}))?$");

	private static final Pattern CONDITIONAL = Pattern.compile("^([A-Z][A-Za-z]+)\\?(.*)$");

	private static final Pattern QUERY_PARAMETER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.:\\-]*=.*$");

	private record Entry(int index, String fullUrl, String type, String id, String versionId) {
	}

	private final List<String> problems;

	private final List<String> warnings;

	private final List<FhirImport.ConditionalReference> unresolved = new ArrayList<>();

	private final Map<String, List<Entry>> byIdentifier = new HashMap<>();

	BundleStructureRules(List<String> problems, List<String> warnings) {
		this.problems = problems;
		this.warnings = warnings;
	}

	/** The conditional references by identifier that no entry of the Bundle matches, in the order found. */
	List<FhirImport.ConditionalReference> unresolved() {
		return unresolved;
	}

	/**
	 * The identifiers of the top-level entries whose type is one of {@link FhirImport#SHARED_TYPES}.
	 *
	 * @param bundle the Bundle as parsed JSON
	 */
	static List<FhirImport.IdentifiedResource> identified(JsonNode bundle) {
		List<FhirImport.IdentifiedResource> found = new ArrayList<>();
		for (JsonNode entry : bundle.path("entry")) {
			JsonNode resource = entry.path("resource");
			String type = text(resource, "resourceType");
			if (type == null || !FhirImport.SHARED_TYPES.contains(type)) {
				continue;
			}
			String fullUrl = text(entry, "fullUrl");
			if (fullUrl == null && text(resource, "id") != null) {
				fullUrl = type + "/" + text(resource, "id");
			}
			for (JsonNode identifier : resource.path("identifier")) {
				String value = text(identifier, "value");
				if (value != null) {
					String system = text(identifier, "system");
					found.add(new FhirImport.IdentifiedResource(type, system == null ? "" : system, value, fullUrl));
				}
			}
		}
		return found;
	}

	private static String identifierKey(String type, String system, String value) {
		return type + "|" + (system == null ? "*" : "=" + system) + "|" + value;
	}

	/**
	 * Checks one Bundle and, recursively, the Bundles held in its entries.
	 *
	 * @param bundle the Bundle as parsed JSON
	 * @param path the Bundle's FHIR path, {@code Bundle} at the top
	 */
	void check(JsonNode bundle, String path) {
		String type = text(bundle, "type");
		JsonNode entries = bundle.path("entry");
		List<Entry> index = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			JsonNode entry = entries.get(i);
			JsonNode resource = entry.path("resource");
			index.add(new Entry(i, text(entry, "fullUrl"), text(resource, "resourceType"), text(resource, "id"),
					text(resource.path("meta"), "versionId")));
		}
		checkDocument(bundle, path, type, index);
		Map<String, List<Entry>> byFullUrl = new HashMap<>();
		Map<String, List<Entry>> byTypeAndId = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			JsonNode entry = entries.get(i);
			Entry e = index.get(i);
			String entryPath = path + ".entry[" + i + "]";
			checkEntry(entry, e, entryPath, type);
			if (e.fullUrl() != null) {
				byFullUrl.computeIfAbsent(e.fullUrl(), k -> new ArrayList<>()).add(e);
			}
			if (e.type() != null && e.id() != null) {
				byTypeAndId.computeIfAbsent(e.type() + "/" + e.id(), k -> new ArrayList<>()).add(e);
			}
			if (e.type() != null && "Bundle".equals(path)) {
				for (JsonNode identifier : entry.path("resource").path("identifier")) {
					String value = text(identifier, "value");
					if (value != null) {
						String system = text(identifier, "system");
						byIdentifier.computeIfAbsent(identifierKey(e.type(), system == null ? "" : system, value),
								k -> new ArrayList<>()).add(e);
						byIdentifier.computeIfAbsent(identifierKey(e.type(), null, value), k -> new ArrayList<>()).add(e);
					}
				}
			}
		}
		byFullUrl.forEach((fullUrl, same) -> {
			if (same.size() > 1 && same.stream().map(Entry::versionId).distinct().count() < same.size()) {
				problems.add(path + ".entry[" + same.get(1).index() + "].fullUrl: the fullUrl '" + fullUrl
						+ "' appears in " + same.size() + " entries without distinct meta.versionId (bdl-7)");
			}
		});
		boolean conditionalAllowed = "transaction".equals(type) || "batch".equals(type);
		for (int i = 0; i < entries.size(); i++) {
			JsonNode resource = entries.get(i).path("resource");
			if (resource.isObject()) {
				String resourcePath = path + ".entry[" + i + "].resource";
				checkReferences(resource, resourcePath, index.get(i), byFullUrl, byTypeAndId, conditionalAllowed);
				if ("Bundle".equals(text(resource, "resourceType"))) {
					check(resource, resourcePath);
				}
			}
		}
	}

	private void checkDocument(JsonNode bundle, String path, String type, List<Entry> index) {
		if (!"document".equals(type)) {
			return;
		}
		if (index.isEmpty() || !"Composition".equals(index.get(0).type())) {
			problems.add(path + ".entry[0]: a document Bundle must start with a Composition (bdl-11)");
		}
		if (bundle.path("identifier").isMissingNode()) {
			problems.add(path + ".identifier: a document Bundle must have an identifier (bdl-9)");
		}
		if (bundle.path("timestamp").isMissingNode()) {
			problems.add(path + ".timestamp: a document Bundle must have a timestamp (bdl-10)");
		}
	}

	private void checkEntry(JsonNode entry, Entry e, String entryPath, String bundleType) {
		JsonNode resource = entry.path("resource");
		boolean transactional = "transaction".equals(bundleType) || "batch".equals(bundleType);
		String method = text(entry.path("request"), "method");
		if (transactional && (method == null || text(entry.path("request"), "url") == null)) {
			problems.add(entryPath + ".request: every entry of a " + bundleType
					+ " Bundle needs request.method and request.url (bdl-3)");
		}
		if (!resource.isObject() && !(transactional && ("DELETE".equals(method) || "GET".equals(method)))) {
			problems.add(entryPath + ": the entry has no resource");
		}
		if (e.fullUrl() == null) {
			return;
		}
		if (!FhirUrls.isAbsolute(e.fullUrl())) {
			problems.add(entryPath + ".fullUrl: the fullUrl must be an absolute URL (not '" + e.fullUrl() + "')");
			return;
		}
		if (e.fullUrl().contains("/_history/")) {
			problems.add(entryPath + ".fullUrl: the fullUrl cannot be a version specific reference (bdl-8): "
					+ e.fullUrl());
			return;
		}
		FhirUrls.RestfulUrl restful = FhirUrls.RestfulUrl.parse(e.fullUrl());
		if (restful != null && e.type() != null
				&& (!restful.type().equals(e.type()) || (e.id() != null && !restful.id().equals(e.id())))) {
			problems.add(entryPath + ".fullUrl: the fullUrl '" + e.fullUrl() + "' does not agree with the resource "
					+ e.type() + "/" + e.id());
		}
	}

	private void checkReferences(JsonNode node, String path, Entry from, Map<String, List<Entry>> byFullUrl,
			Map<String, List<Entry>> byTypeAndId, boolean conditionalAllowed) {
		if (node.isObject()) {
			if ("Bundle".equals(text(node, "resourceType")) && !path.endsWith(".resource")) {
				return;
			}
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				String fieldPath = path + "." + field.getKey();
				if ("Bundle".equals(text(node, "resourceType")) && "entry".equals(field.getKey())) {
					continue; // a nested Bundle's entries resolve against that Bundle, checked by recursion
				}
				if ("reference".equals(field.getKey()) && field.getValue().isTextual()) {
					checkReference(field.getValue().asText(), fieldPath, from, byFullUrl, byTypeAndId,
							conditionalAllowed);
				}
				else {
					checkReferences(field.getValue(), fieldPath, from, byFullUrl, byTypeAndId, conditionalAllowed);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkReferences(node.get(i), path + "[" + i + "]", from, byFullUrl, byTypeAndId, conditionalAllowed);
			}
		}
	}

	private void checkReference(String reference, String path, Entry from, Map<String, List<Entry>> byFullUrl,
			Map<String, List<Entry>> byTypeAndId, boolean conditionalAllowed) {
		if (reference.startsWith("#")) {
			return; // contained resources are checked by the validator
		}
		Matcher conditional = CONDITIONAL.matcher(reference);
		if (conditional.matches()) {
			if (!conditionalAllowed) {
				problems.add(path + ": conditional reference '" + reference
						+ "' is only allowed in a transaction or batch Bundle");
			}
			else if (!isValidQuery(conditional.group(2))) {
				problems.add(path + ": the query part of the conditional reference is not a valid query string ("
						+ reference + ")");
			}
			else {
				resolveConditional(reference, conditional.group(1), conditional.group(2), path);
			}
			return;
		}
		List<Entry> candidates;
		String version = null;
		Matcher relative = RELATIVE.matcher(reference);
		if (relative.matches()) {
			version = relative.group(4);
			candidates = new ArrayList<>(byTypeAndId.getOrDefault(relative.group(1) + "/" + relative.group(2), List.of()));
			FhirUrls.RestfulUrl base = from.fullUrl() == null ? null : FhirUrls.RestfulUrl.parse(from.fullUrl());
			if (base != null) {
				String expected = base.base() + "/" + relative.group(1) + "/" + relative.group(2);
				candidates.removeIf(c -> c.fullUrl() != null && FhirUrls.RestfulUrl.parse(c.fullUrl()) != null
						&& !c.fullUrl().equals(expected));
			}
		}
		else if (FhirUrls.hasScheme(reference)) {
			String target = reference;
			int history = reference.indexOf("/_history/");
			if (history > 0) {
				target = reference.substring(0, history);
				version = reference.substring(history + "/_history/".length());
			}
			candidates = new ArrayList<>(byFullUrl.getOrDefault(target, List.of()));
		}
		else {
			problems.add(path + ": Relative URLs must be of the format [ResourceName]/[id], or a search URL"
					+ " ([type]?parameters); encountered '" + reference + "'");
			return;
		}
		if (version != null && !candidates.isEmpty()) {
			String wanted = version;
			List<Entry> sameVersion = candidates.stream().filter(c -> wanted.equals(c.versionId())).toList();
			if (sameVersion.isEmpty()) {
				problems.add(path + ": can't find '" + reference + "' in the bundle: " + candidates.size()
						+ " entries have that type and id, but none has version " + version);
				return;
			}
			candidates = sameVersion;
		}
		if (candidates.size() > 1) {
			problems.add(path + ": Multiple matches in bundle for reference " + reference + " (" + candidates.size()
					+ " entries)");
		}
		else if (candidates.isEmpty() && !Objects.equals(from.fullUrl(), reference)) {
			warnings.add("reference '" + reference + "' points to a resource outside the bundle");
		}
	}

	/**
	 * Resolves {@code Type?identifier=[system]|value} against the entries' identifiers: one match is resolved, several
	 * are an error, none is handed on to the case's earlier imports. Any other search is an error: it cannot be
	 * evaluated offline, and a transaction must fail when a conditional reference does not resolve.
	 */
	private void resolveConditional(String reference, String type, String query, String path) {
		String[] parameters = query.split("&");
		if (parameters.length != 1 || !parameters[0].startsWith("identifier=")) {
			problems.add(path + ": the conditional reference '" + reference
					+ "' cannot be resolved: only a search by one identifier (Type?identifier=system|value) is supported");
			return;
		}
		String token;
		try {
			token = java.net.URLDecoder.decode(parameters[0].substring("identifier=".length()), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException badEscape) { // found by FhirRulesFuzzTests.bundleRules: it escaped as a 500
			problems.add(path + ": the identifier of the conditional reference '" + reference
					+ "' is not valid URL encoding (a % must be followed by two hex digits)");
			return;
		}
		int bar = token.indexOf('|');
		String system = bar < 0 ? null : token.substring(0, bar);
		String value = bar < 0 ? token : token.substring(bar + 1);
		if (value.isEmpty()) {
			problems.add(path + ": the conditional reference '" + reference + "' names no identifier value");
			return;
		}
		List<Entry> matches = byIdentifier.getOrDefault(identifierKey(type, system, value), List.of()).stream().distinct().toList();
		if (matches.size() > 1) {
			problems.add(path + ": Multiple matches in bundle for conditional reference " + reference + " ("
					+ matches.size() + " entries: " + matches.stream().map(m -> "entry[" + m.index() + "]").toList() + ")");
		}
		else if (matches.isEmpty()) {
			unresolved.add(new FhirImport.ConditionalReference(reference, type, system, value, path));
		}
	}

	private static boolean isValidQuery(String query) {
		if (query.isEmpty()) {
			return false;
		}
		for (String parameter : query.split("&", -1)) {
			if (!QUERY_PARAMETER.matcher(parameter).matches()) {
				return false;
			}
		}
		return true;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isTextual() ? value.asText() : null;
	}
}
