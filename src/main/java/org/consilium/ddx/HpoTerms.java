package org.consilium.ddx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.monarchinitiative.phenol.ontology.data.MinimalOntology;
import org.monarchinitiative.phenol.ontology.data.Term;
import org.monarchinitiative.phenol.ontology.data.TermId;
import org.monarchinitiative.phenol.ontology.data.TermSynonym;

/**
 * The terms of one HPO release that a patient's phenotype may use, for term search and for checking entered or
 * imported ids: the terms below Phenotypic abnormality (HP:0000118) for phenotypic features and the terms below Onset
 * (HP:0003674) for their onset, each with its label and synonyms (https://hpo.jax.org/data/ontology). The two roots
 * themselves say nothing about a patient and belong to neither branch ({@link #rejection} calls them too general).
 * <p>
 * Ids resolve to the current term: a primary id, an alternative id ({@code alt_id}) of a current term, or an obsolete
 * id through its {@code replaced_by} (IAO:0100001). Obsolete terms without replacement and ids of other release
 * answer empty, and {@link #rejection} says why in plain words. Whoever records a term asks the user to confirm an
 * obsolete id's replacement first ({@link #replacementOfObsolete}); an alternative id is the same term and needs no
 * confirmation.
 * <p>
 * Immutable and safe to share between threads.
 */
public final class HpoTerms {

	/** The subtrees a phenotype uses. */
	public enum Branch {
		/** Phenotypic abnormality, HP:0000118: the phenotypic features themselves. */
		PHENOTYPIC_ABNORMALITY("HP:0000118", "a phenotypic abnormality"),
		/** Onset, HP:0003674: when a feature first appeared (e.g. HP:0003577 Congenital onset). */
		ONSET("HP:0003674", "an onset term");

		final String root;

		final String description;

		Branch(String root, String description) {
			this.root = root;
			this.description = description;
		}

		public String root() {
			return root;
		}
	}

	private static final Pattern HPO_ID = Pattern.compile("HP:\\d{7}");

	private static final String[] NO_PARENTS = {};

	private final String version;

	/** Every current HPO term by primary id (also outside the branches, for messages). */
	private final Map<String, HpoTerm> terms;

	/** Alternative and obsolete-with-replacement ids to the primary id. */
	private final Map<String, String> redirects;

	/** Obsolete ids ({@code owl:deprecated}) with a current replacement ({@code replaced_by}) to that replacement's primary id. */
	private final Map<String, String> replaced;

	/** Primary id to the term's first layperson synonym, for terms that have one. */
	private final Map<String, String> layperson;

	/** Primary id to the primary ids of its direct {@code is_a} parents (current terms only). */
	private final Map<String, String[]> parents;

	private final Map<String, Branch> branchOf;

	private final Map<Branch, Index> indexes;

	private HpoTerms(String version, Map<String, HpoTerm> terms, Map<String, String> redirects, Map<String, String> replaced,
			Map<String, String> layperson, Map<String, String[]> parents, Map<String, Branch> branchOf, Map<Branch, Index> indexes) {
		this.version = version;
		this.terms = terms;
		this.redirects = redirects;
		this.replaced = replaced;
		this.layperson = layperson;
		this.parents = parents;
		this.branchOf = branchOf;
		this.indexes = indexes;
	}

	/**
	 * Builds the catalogue from a loaded ontology.
	 *
	 * @param replacedBy obsolete id to the id of its replacement ({@code replaced_by}); phenol drops obsolete terms,
	 *        so the loader reads these from the release file
	 */
	public static HpoTerms of(MinimalOntology hpo, Map<String, String> replacedBy) {
		Map<String, HpoTerm> terms = new HashMap<>();
		Map<String, String> redirects = new HashMap<>();
		Map<String, String> layperson = new HashMap<>();
		for (Term term : hpo.getTerms()) {
			if (term.isObsolete()) {
				continue;
			}
			String id = term.id().getValue();
			terms.put(id, new HpoTerm(id, term.getName()));
			term.getAltTermIds().forEach(alt -> redirects.putIfAbsent(alt.getValue(), id));
			term.getSynonyms().stream().filter(s -> s.isLayperson() && !s.isObsoleteSynonym() && s.getValue() != null && !s.getValue().isBlank())
				.findFirst().ifPresent(s -> layperson.put(id, s.getValue().strip()));
		}
		Map<String, String> replaced = new HashMap<>();
		replacedBy.forEach((obsolete, replacement) -> {
			String target = redirects.getOrDefault(replacement, replacement);
			if (terms.containsKey(target) && !terms.containsKey(obsolete)) {
				redirects.putIfAbsent(obsolete, target);
				replaced.put(obsolete, target);
			}
		});
		Map<String, String[]> parents = new HashMap<>();
		for (String id : terms.keySet()) {
			List<String> up = new ArrayList<>();
			for (TermId parent : hpo.graph().getParents(TermId.of(id), false)) {
				if (terms.containsKey(parent.getValue())) {
					up.add(parent.getValue());
				}
			}
			if (!up.isEmpty()) {
				parents.put(id, up.toArray(String[]::new));
			}
		}
		Map<String, Branch> branchOf = new HashMap<>();
		Map<Branch, Index> indexes = new java.util.EnumMap<>(Branch.class);
		for (Branch branch : Branch.values()) {
			// the root itself is not a member: "Phenotypic abnormality" or "Onset" says nothing about a patient
			TermId root = TermId.of(branch.root);
			List<Term> members = new ArrayList<>();
			for (TermId t : hpo.graph().getDescendants(root, false)) {
				hpo.termForTermId(t).filter(term -> !term.isObsolete()).ifPresent(members::add);
			}
			members.forEach(term -> branchOf.put(term.id().getValue(), branch));
			indexes.put(branch, Index.of(members, terms));
		}
		return new HpoTerms(hpo.version().orElse("unknown"), Map.copyOf(terms), Map.copyOf(redirects), Map.copyOf(replaced), Map.copyOf(layperson),
				Map.copyOf(parents), Map.copyOf(branchOf), indexes);
	}

	/** The release date of the ontology, e.g. {@code 2025-05-06}. */
	public String version() {
		return version;
	}

	/** "Human Phenotype Ontology, release 2025-05-06", the acknowledgement the HPO licence asks for. */
	public String acknowledgement() {
		return "Human Phenotype Ontology, release " + version;
	}

	/** The number of terms in the branch. */
	public int size(Branch branch) {
		return indexes.get(branch).terms.length;
	}

	/**
	 * The current term for an id of the branch, following alternative ids and {@code replaced_by}; empty for an id
	 * that is not in this release, obsolete without replacement, outside the branch, or the branch's root itself
	 * (HP:0000118, HP:0003674).
	 */
	public Optional<HpoTerm> find(String id, Branch branch) {
		if (id == null) {
			return Optional.empty();
		}
		String primary = redirects.getOrDefault(id.strip(), id.strip());
		return branchOf.get(primary) == branch ? Optional.ofNullable(terms.get(primary)) : Optional.empty();
	}

	/**
	 * The current term of the branch that replaces an obsolete id ({@code owl:deprecated} with {@code replaced_by},
	 * IAO:0100001), for asking the user to confirm it; empty for a current id, an alternative id ({@code alt_id}: the
	 * same term under an old number), an unknown id, and a replacement outside the branch.
	 */
	public Optional<HpoTerm> replacementOfObsolete(String id, Branch branch) {
		String target = id == null ? null : replaced.get(id.strip());
		return target != null && branchOf.get(target) == branch ? Optional.ofNullable(terms.get(target)) : Optional.empty();
	}

	/**
	 * The term's layperson synonym in the release (the first synonym of type {@code layperson}, e.g. "Wide-set eyes"
	 * for Hypertelorism HP:0000316), for showing beside the label; empty when the HPO gives none. The id is resolved
	 * like {@link #find}.
	 */
	public Optional<String> laypersonSynonym(String id) {
		return id == null ? Optional.empty() : Optional.ofNullable(layperson.get(redirects.getOrDefault(id.strip(), id.strip())));
	}

	/** Why {@link #find} answers empty for this id, in plain words naming the id and the release. */
	public String rejection(String id, Branch branch) {
		String shown = id == null || id.isBlank() ? "(no id)" : id.strip();
		if (!HPO_ID.matcher(shown).matches()) {
			return "'" + shown + "' is not an HPO term id (HP: and seven digits).";
		}
		String primary = redirects.getOrDefault(shown, shown);
		HpoTerm term = terms.get(primary);
		if (term == null) {
			return shown + " is not a current term of the " + acknowledgement() + " (unknown, or obsolete without replacement).";
		}
		if (primary.equals(branch.root)) {
			return term.label() + " (" + primary + ") is too general: choose a more specific term.";
		}
		return shown + " (" + term.label() + ") is not " + branch.description + " (not below " + branch.root + ").";
	}

	/**
	 * The primary ids of all ancestors of a term along {@code is_a}, up to the ontology's root (HP:0000001), without the
	 * term itself. The id may be an alternative or replaced id ({@link #find} resolves it the same way); an unknown id
	 * answers an empty set. Used to keep a phenotype consistent: a term cannot be observed while one of its ancestors is
	 * excluded.
	 */
	public Set<String> ancestors(String id) {
		if (id == null) {
			return Set.of();
		}
		String primary = redirects.getOrDefault(id.strip(), id.strip());
		Set<String> found = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>();
		todo.push(primary);
		while (!todo.isEmpty()) {
			for (String parent : parents.getOrDefault(todo.pop(), NO_PARENTS)) {
				if (found.add(parent)) {
					todo.push(parent);
				}
			}
		}
		return Set.copyOf(found);
	}

	/**
	 * Terms of the branch whose label or synonym (including layperson synonyms) matches the query, case-insensitive:
	 * exact matches first, then names that start with the query, then names with a word that starts with it, then names
	 * that contain it; ties go to the shorter matched name, then the shorter label. A query that is an HPO id answers
	 * that term. A blank query answers nothing.
	 *
	 * @param limit the most suggestions to return
	 */
	public List<TermSuggestion> search(String query, Branch branch, int limit) {
		if (query == null || query.isBlank() || limit <= 0) {
			return List.of();
		}
		String q = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		if (HPO_ID.matcher(q.toUpperCase(Locale.ROOT)).matches()) {
			return find(q.toUpperCase(Locale.ROOT), branch).map(t -> List.of(new TermSuggestion(t, t.label(), false))).orElse(List.of());
		}
		return indexes.get(branch).search(q, limit);
	}

	/** One branch's names, lower-cased, with the term each belongs to. */
	private static final class Index {

		final HpoTerm[] terms;

		final String[] names;

		final String[] shownNames;

		final int[] termOf;

		final boolean[] layperson;

		private Index(HpoTerm[] terms, String[] names, String[] shownNames, int[] termOf, boolean[] layperson) {
			this.terms = terms;
			this.names = names;
			this.shownNames = shownNames;
			this.termOf = termOf;
			this.layperson = layperson;
		}

		static Index of(List<Term> members, Map<String, HpoTerm> all) {
			List<HpoTerm> terms = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<Integer> termOf = new ArrayList<>();
			List<Boolean> layperson = new ArrayList<>();
			for (Term term : members) {
				int t = terms.size();
				terms.add(all.get(term.id().getValue()));
				names.add(term.getName());
				termOf.add(t);
				layperson.add(false);
				for (TermSynonym synonym : term.getSynonyms()) {
					if (synonym.getValue() == null || synonym.getValue().isBlank() || synonym.isObsoleteSynonym()) {
						continue;
					}
					names.add(synonym.getValue());
					termOf.add(t);
					layperson.add(synonym.isLayperson());
				}
			}
			boolean[] lay = new boolean[layperson.size()];
			for (int i = 0; i < lay.length; i++) {
				lay[i] = layperson.get(i);
			}
			return new Index(terms.toArray(HpoTerm[]::new), names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new),
					names.toArray(String[]::new), termOf.stream().mapToInt(Integer::intValue).toArray(), lay);
		}

		List<TermSuggestion> search(String q, int limit) {
			int[] bestKind = new int[terms.length];
			int[] bestName = new int[terms.length];
			Arrays.fill(bestKind, Integer.MAX_VALUE);
			for (int i = 0; i < names.length; i++) {
				int kind = kind(names[i], q);
				if (kind < 0) {
					continue;
				}
				int t = termOf[i];
				if (kind < bestKind[t] || (kind == bestKind[t] && names[i].length() < names[bestName[t]].length())) {
					bestKind[t] = kind;
					bestName[t] = i;
				}
			}
			List<Integer> hits = new ArrayList<>();
			for (int t = 0; t < terms.length; t++) {
				if (bestKind[t] != Integer.MAX_VALUE) {
					hits.add(t);
				}
			}
			hits.sort(Comparator.<Integer>comparingInt(t -> bestKind[t])
				.thenComparingInt(t -> names[bestName[t]].length())
				.thenComparingInt(t -> terms[t].label().length())
				.thenComparing(t -> terms[t].id()));
			return hits.stream().limit(limit).map(t -> new TermSuggestion(terms[t], shownNames[bestName[t]], layperson[bestName[t]])).toList();
		}

		/** 0 exact, 1 prefix, 2 word prefix, 3 substring, -1 no match. */
		private static int kind(String name, String q) {
			int at = name.indexOf(q);
			if (at < 0) {
				return -1;
			}
			if (at == 0) {
				return name.length() == q.length() ? 0 : 1;
			}
			while (at > 0) {
				if (!Character.isLetterOrDigit(name.charAt(at - 1))) {
					return 2;
				}
				at = name.indexOf(q, at + 1);
			}
			return 3;
		}
	}
}
