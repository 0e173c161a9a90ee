package org.consilium.ddx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.monarchinitiative.phenol.io.MinimalOntologyLoader;
import org.monarchinitiative.phenol.ontology.data.MinimalOntology;
import org.monarchinitiative.phenol.ontology.data.Term;
import org.monarchinitiative.phenol.ontology.data.TermId;

/**
 * One HPO release loaded and precomputed for ranking: the "Phenotypic abnormality" subtree (HP:0000118) as
 * integer-indexed arrays, the candidate diseases with their annotations, each term's information content and
 * background frequency, and for every term the candidates whose annotations reach it.
 * <p>
 * Candidates are the diseases of the chosen databases that have at least one annotation line in the
 * phenotypic-abnormality subtree without a NOT qualifier (aspect P). For the 2025-05-06 release that is 8,355
 * of the file's 8,362 OMIM diseases: the other seven carry only inheritance, onset or clinical-course lines.
 * (One of the 8,355, OMIM:617596, has as its only such line a frequency of 0/3: it stays a candidate, but with
 * nothing in its favour.)
 * <p>
 * Frequencies: {@code n/m} and {@code x%} as written; the HPO frequency terms at the middle of their
 * defined ranges (obligate 1, very frequent 0.895, frequent 0.545, occasional 0.17, very rare 0.025,
 * https://hpo.jax.org/data/annotation-format); no frequency reads as 1. A frequency of 0 (or the "Excluded"
 * frequency term) is read like a NOT qualifier. Several lines for one term keep the highest frequency.
 * A disease "reaches" a term when it is annotated with that term or one of its descendants; its frequency
 * for an ancestor is the highest frequency among the descendants annotated.
 * <p>
 * Immutable after loading and safe to share between threads.
 */
public final class HpoData {

	static final String PHENOTYPIC_ABNORMALITY = "HP:0000118";

	private static final int MISSING = -1;

	final String ontologyVersion;
	final String annotationVersion;

	/** Terms of the phenotypic-abnormality subtree, index 0 is HP:0000118. */
	final String[] termIds;
	final String[] termLabels;
	private final Map<String, Integer> termIndex;
	private final Set<String> knownOutsideSubtree;
	/** Ancestors of each term including itself, most informative first (ties: deeper first). */
	final int[][] ancestorsByInformation;
	/** Same ancestors in ascending index order, for membership tests. */
	final int[][] ancestorsSorted;
	/** Direct parents (is_a) of each term inside the subtree. */
	final int[][] parents;
	/** All terms, every ancestor before its descendants (by ascending number of ancestors). */
	final int[] topologicalOrder;
	/** Resnik information content in nats: -ln(share of the positively annotated candidates reaching the term). */
	final double[] informationContent;
	/** Mean over candidates of the disease's frequency for the term (0 for diseases not reaching it). */
	final double[] backgroundFrequency;

	final DiseaseProfile[] diseases;
	private final Map<String, Integer> diseaseIndex;
	/** For each term the candidates reaching it, ascending, and their frequency for it. */
	final int[][] reachingDiseases;
	final float[][] reachingFrequencies;
	/** ln(frequency / background frequency of the term), parallel to {@link #reachingDiseases}. */
	final float[][] reachingLogRatios;
	/** For each term the candidates annotated NOT with it. */
	final int[][] negatingDiseases;
	/**
	 * Groups of candidates linked to one gene in {@code genes_to_disease.txt} (ascending indices, groups of 2 to
	 * {@link DiseaseFamilies#MAX_GROUP} candidates); empty when no such file was loaded.
	 */
	final int[][] geneGroups;

	private HpoData(Ontology ontology, String annotationVersion, List<RawDisease> raw, Map<String, List<String>> diseasesByGene) {
		this.ontologyVersion = ontology.version;
		this.annotationVersion = annotationVersion;
		this.termIds = ontology.ids;
		this.termLabels = ontology.labels;
		this.termIndex = ontology.index;
		this.knownOutsideSubtree = ontology.outside;
		this.ancestorsSorted = ontology.ancestors;
		this.parents = ontology.parents;
		int termCount = termIds.length;
		this.topologicalOrder = java.util.stream.IntStream.range(0, termCount).boxed()
			.sorted(Comparator.<Integer>comparingInt(t -> ancestorsSorted[t].length).thenComparingInt(t -> t))
			.mapToInt(Integer::intValue).toArray();

		this.diseases = new DiseaseProfile[raw.size()];
		this.diseaseIndex = new HashMap<>();
		float[] scratch = new float[termCount];
		for (int d = 0; d < raw.size(); d++) {
			RawDisease r = raw.get(d);
			diseases[d] = DiseaseProfile.of(r.id, r.name, r.annotations, ancestorsSorted, scratch);
			diseaseIndex.put(r.id, d);
		}

		int[] counts = new int[termCount];
		for (DiseaseProfile p : diseases) {
			for (int t : p.closureTerms) {
				counts[t]++;
			}
		}
		int[][] reaching = new int[termCount][];
		float[][] reachingFreq = new float[termCount][];
		int[] fill = new int[termCount];
		for (int t = 0; t < termCount; t++) {
			reaching[t] = new int[counts[t]];
			reachingFreq[t] = new float[counts[t]];
		}
		double n = diseases.length;
		this.backgroundFrequency = new double[termCount];
		for (int d = 0; d < diseases.length; d++) {
			DiseaseProfile p = diseases[d];
			for (int i = 0; i < p.closureTerms.length; i++) {
				int t = p.closureTerms[i];
				reaching[t][fill[t]] = d;
				reachingFreq[t][fill[t]++] = p.closureFrequencies[i];
				backgroundFrequency[t] += p.closureFrequencies[i];
			}
		}
		this.informationContent = new double[termCount];
		double annotated = Math.max(counts[0], 1); // candidates with at least one positive phenotypic annotation
		for (int t = 0; t < termCount; t++) {
			backgroundFrequency[t] = Math.max(backgroundFrequency[t] / n, 0.5 / n);
			informationContent[t] = Math.log(annotated / Math.max(counts[t], 1));
		}
		this.reachingDiseases = reaching;
		this.reachingFrequencies = reachingFreq;
		this.reachingLogRatios = new float[termCount][];
		for (int t = 0; t < termCount; t++) {
			float[] ratios = new float[reachingFreq[t].length];
			for (int j = 0; j < ratios.length; j++) {
				ratios[j] = (float) Math.log(reachingFreq[t][j] / backgroundFrequency[t]);
			}
			reachingLogRatios[t] = ratios;
		}

		List<List<Integer>> negating = new ArrayList<>();
		for (int t = 0; t < termCount; t++) {
			negating.add(null);
		}
		for (int d = 0; d < diseases.length; d++) {
			for (int t : diseases[d].negatedTerms) {
				if (negating.get(t) == null) {
					negating.set(t, new ArrayList<>());
				}
				negating.get(t).add(d);
			}
		}
		this.negatingDiseases = new int[termCount][];
		for (int t = 0; t < termCount; t++) {
			List<Integer> l = negating.get(t);
			negatingDiseases[t] = l == null ? new int[0] : l.stream().mapToInt(Integer::intValue).toArray();
		}

		List<int[]> groups = new ArrayList<>();
		for (List<String> ids : diseasesByGene.values()) {
			int[] g = ids.stream().mapToInt(this::diseaseIndexOf).filter(d -> d >= 0).sorted().distinct().toArray();
			if (g.length >= 2 && g.length <= DiseaseFamilies.MAX_GROUP) {
				groups.add(g);
			}
		}
		this.geneGroups = groups.toArray(int[][]::new);

		this.ancestorsByInformation = new int[termCount][];
		for (int t = 0; t < termCount; t++) {
			Integer[] a = Arrays.stream(ancestorsSorted[t]).boxed().toArray(Integer[]::new);
			Arrays.sort(a, Comparator.<Integer>comparingDouble(x -> -informationContent[x])
				.thenComparingInt(x -> -ancestorsSorted[x].length)
				.thenComparingInt(x -> x));
			ancestorsByInformation[t] = Arrays.stream(a).mapToInt(Integer::intValue).toArray();
		}
	}

	/** Loads the OMIM candidates. */
	public static HpoData load(Path hpoJson, Path hpoa) {
		return load(hpoJson, hpoa, EnumSet.of(DiseaseDatabase.OMIM));
	}

	/**
	 * Loads the ontology (obographs JSON, optionally gzipped, e.g. {@code hp.json} from
	 * https://hpo.jax.org/data/ontology) and the disease annotations ({@code phenotype.hpoa}, optionally
	 * gzipped, from https://hpo.jax.org/data/annotations).
	 *
	 * @throws HpoDataNotFoundException when either file is missing or unreadable
	 * @throws IllegalArgumentException when the annotation file is not in the HPOA format
	 */
	public static HpoData load(Path hpoJson, Path hpoa, Set<DiseaseDatabase> databases) {
		return load(hpoJson, hpoa, databases, null);
	}

	private static HpoData load(Path hpoJson, Path hpoa, Set<DiseaseDatabase> databases, MondoCrosswalk orphanetMatches) {
		return load(hpoJson, hpoa, databases, orphanetMatches, null);
	}

	private static HpoData load(Path hpoJson, Path hpoa, Set<DiseaseDatabase> databases, MondoCrosswalk orphanetMatches, Path genesToDisease) {
		if (!Files.isRegularFile(hpoJson)) {
			throw new HpoDataNotFoundException(hpoJson, "ontology", HpoDataNotFoundException.ONTOLOGY_DOWNLOAD, null);
		}
		if (!Files.isRegularFile(hpoa)) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, null);
		}
		Ontology ontology;
		try (InputStream in = open(hpoJson)) {
			ontology = Ontology.of(MinimalOntologyLoader.loadOntology(in, "HP"));
		}
		catch (IOException ex) {
			throw new HpoDataNotFoundException(hpoJson, "ontology", HpoDataNotFoundException.ONTOLOGY_DOWNLOAD, ex);
		}
		try (InputStream in = open(hpoa)) {
			return readAnnotations(ontology, in, databases, orphanetMatches, genesByDisease(genesToDisease));
		}
		catch (IOException ex) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, ex);
		}
	}

	/**
	 * Builds the ranking data from an ontology already loaded (so one release file is parsed once for term search and
	 * ranking) and the annotation file, as {@link #load(Path, Path, Set)} does.
	 *
	 * @throws HpoDataNotFoundException when the annotation file is missing or unreadable
	 */
	static HpoData load(MinimalOntology hpo, Path hpoa, Set<DiseaseDatabase> databases) {
		return load(hpo, hpoa, databases, null);
	}

	/**
	 * As {@link #load(MinimalOntology, Path, Set)}; with {@code orphanetMatches} not null, the OMIM candidates are
	 * enriched as in {@link #load(Path, Path, MondoCrosswalk)}.
	 */
	static HpoData load(MinimalOntology hpo, Path hpoa, Set<DiseaseDatabase> databases, MondoCrosswalk orphanetMatches) {
		return load(hpo, hpoa, databases, orphanetMatches, (Path) null);
	}

	/**
	 * As {@link #load(MinimalOntology, Path, Set, MondoCrosswalk)}; with {@code genesToDisease} not null, candidates linked
	 * to one gene form a family ({@link #geneGroups}).
	 *
	 * @throws HpoDataNotFoundException when a file is missing or unreadable
	 */
	static HpoData load(MinimalOntology hpo, Path hpoa, Set<DiseaseDatabase> databases, MondoCrosswalk orphanetMatches, Path genesToDisease) {
		if (!Files.isRegularFile(hpoa)) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, null);
		}
		try (InputStream in = open(hpoa)) {
			return readAnnotations(Ontology.of(hpo), in, databases, orphanetMatches, genesByDisease(genesToDisease));
		}
		catch (IOException ex) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, ex);
		}
	}

	/**
	 * As {@link #load(MinimalOntology, Path, Set, MondoCrosswalk, Path)} with genes already read (null: no families).
	 *
	 * @throws HpoDataNotFoundException when the annotation file is missing or unreadable
	 */
	static HpoData load(MinimalOntology hpo, Path hpoa, Set<DiseaseDatabase> databases, MondoCrosswalk orphanetMatches, DiseaseGenes genes) {
		if (!Files.isRegularFile(hpoa)) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, null);
		}
		try (InputStream in = open(hpoa)) {
			return readAnnotations(Ontology.of(hpo), in, databases, orphanetMatches, genes == null ? Map.of() : genes.diseasesByGene());
		}
		catch (IOException ex) {
			throw new HpoDataNotFoundException(hpoa, "annotation", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, ex);
		}
	}

	private static InputStream open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
	}

	/**
	 * Loads the OMIM candidates as {@link #load(Path, Path)}, each enriched with the annotation lines of the Orphanet
	 * disease that is its one exact match through Mondo ({@link MondoCrosswalk#exactOrphanetMatch}): a second,
	 * independently curated description of the same disease (its lines cite {@code ORPHA:} codes, not publications).
	 * Candidates stay the OMIM diseases with phenotypic annotations of their own; information content and background
	 * frequencies are computed from the enriched profiles.
	 *
	 * @throws HpoDataNotFoundException when either file is missing or unreadable
	 */
	public static HpoData load(Path hpoJson, Path hpoa, MondoCrosswalk orphanetMatches) {
		return load(hpoJson, hpoa, EnumSet.of(DiseaseDatabase.OMIM), orphanetMatches);
	}

	/**
	 * As {@link #load(Path, Path, MondoCrosswalk)}, and with the gene-to-disease links of the same release
	 * ({@code genes_to_disease.txt}, optionally gzipped, from https://hpo.jax.org/data/annotations; columns
	 * ncbi_gene_id, gene_symbol, association_type, disease_id, source): candidates linked to one gene form a family
	 * that {@link DifferentialDiagnosis} uses to rank look-alikes together ({@link DiseaseFamilies}).
	 *
	 * @throws HpoDataNotFoundException when a file is missing or unreadable
	 */
	public static HpoData load(Path hpoJson, Path hpoa, MondoCrosswalk orphanetMatches, Path genesToDisease) {
		return load(hpoJson, hpoa, EnumSet.of(DiseaseDatabase.OMIM), orphanetMatches, genesToDisease);
	}

	/** Disease ids per gene id from {@code genes_to_disease.txt} ({@link DiseaseGenes}); empty for null. */
	private static Map<String, List<String>> genesByDisease(Path genesToDisease) {
		return genesToDisease == null ? Map.of() : DiseaseGenes.load(genesToDisease).diseasesByGene();
	}

	/** @param orphanetMatches when not null, OMIM candidates get the lines of their exact-match Orphanet disease too */
	private static HpoData readAnnotations(Ontology ontology, InputStream in, Set<DiseaseDatabase> databases, MondoCrosswalk orphanetMatches,
			Map<String, List<String>> diseasesByGene) throws IOException {
		Set<String> prefixes = new java.util.HashSet<>();
		databases.forEach(db -> prefixes.add(db.prefix() + ":"));
		Set<String> read = new java.util.HashSet<>(prefixes);
		if (orphanetMatches != null) {
			read.add(DiseaseDatabase.ORPHA.prefix() + ":");
		}
		Map<String, RawDisease> byId = new LinkedHashMap<>();
		String version = "unknown";
		boolean sawHeader = false;
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("#")) {
				// the current format has "#version:" and a plain header; releases up to 2023 "#date:" and "#DatabaseID"
				if (line.startsWith("#version:") || line.startsWith("#date:")) {
					version = line.substring(line.indexOf(':') + 1).trim();
				}
				sawHeader |= line.startsWith("#DatabaseID");
				continue;
			}
			if (line.startsWith("database_id")) {
				sawHeader = true;
				continue;
			}
			String[] f = line.split("\t", -1);
			if (f.length < 11) {
				if (line.isBlank()) {
					continue;
				}
				throw new IllegalArgumentException("Not an HPO annotation (phenotype.hpoa) line, expected 12 tab-separated columns: " + line);
			}
			if (!"P".equals(f[10]) || read.stream().noneMatch(f[0]::startsWith)) {
				continue;
			}
			int term = ontology.index.getOrDefault(f[3], MISSING);
			if (term == MISSING) {
				continue; // outside the phenotypic-abnormality subtree or obsolete without replacement
			}
			double frequency = frequency(f[7], ontology);
			boolean notQualified = "NOT".equals(f[2]);
			boolean negated = notQualified || frequency == 0.0;
			String[] references = f[4].isEmpty() ? new String[0] : f[4].split(";");
			RawDisease disease = byId.computeIfAbsent(f[0], id -> new RawDisease(id, f[1]));
			disease.annotations.add(new DiseaseProfile.Annotation(term, (float) frequency, references, negated));
			disease.candidate |= !notQualified;
		}
		if (!sawHeader) {
			throw new IllegalArgumentException("Not an HPO annotation file: no 'database_id' header line");
		}
		if (orphanetMatches != null) {
			for (RawDisease d : byId.values()) {
				RawDisease orphanet = d.candidate && d.id.startsWith("OMIM:") ? orphanetMatches.exactOrphanetMatch(d.id).map(byId::get).orElse(null) : null;
				if (orphanet != null) {
					d.annotations.addAll(orphanet.annotations);
				}
			}
		}
		List<RawDisease> candidates = byId.values().stream().filter(d -> d.candidate && prefixes.stream().anyMatch(d.id::startsWith))
			.sorted(Comparator.comparing(d -> d.id)).toList();
		return new HpoData(ontology, version + (orphanetMatches != null ? ", OMIM diseases with their exact-match Orphanet annotations" : ""), candidates,
				diseasesByGene);
	}

	private static double frequency(String value, Ontology ontology) {
		if (value.isEmpty()) {
			return 1.0;
		}
		int slash = value.indexOf('/');
		if (slash > 0) {
			double n = Double.parseDouble(value.substring(0, slash));
			double m = Double.parseDouble(value.substring(slash + 1));
			return m <= 0 ? 1.0 : Math.min(1.0, n / m);
		}
		if (value.endsWith("%")) {
			return Math.min(1.0, Double.parseDouble(value.substring(0, value.length() - 1)) / 100.0);
		}
		return switch (value) {
			case "HP:0040280" -> 1.0;
			case "HP:0040281" -> 0.895;
			case "HP:0040282" -> 0.545;
			case "HP:0040283" -> 0.17;
			case "HP:0040284" -> 0.025;
			case "HP:0040285" -> 0.0;
			default -> 1.0;
		};
	}

	/** "HPO ontology release x, annotations release y", for the acknowledgement the HPO licence asks for. */
	public String release() {
		return "Human Phenotype Ontology, release " + ontologyVersion + " (annotations " + annotationVersion + ")";
	}

	/** How many diseases are candidates of a ranking (OMIM, and ORPHA where loaded, with phenotypic annotations). */
	public int candidateCount() {
		return diseases.length;
	}

	/** The candidates' ids as the annotation file writes them ({@code OMIM:154700}, {@code ORPHA:558}), in load order. */
	public List<String> candidateIds() {
		return Arrays.stream(diseases).map(p -> p.id).toList();
	}

	/** Whether the disease ({@code OMIM:154700}, {@code ORPHA:558}) is a candidate of a ranking. */
	/**
	 * The name of each disease of the annotations, by its id ({@code OMIM:154700} → "Marfan syndrome"), as the
	 * annotation file (phenotype.hpoa, column disease_name) gives it; in the order of the file.
	 */
	public Map<String, String> diseaseNames() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		for (DiseaseProfile p : diseases) {
			names.put(p.id, p.name);
		}
		return names;
	}

	public boolean isCandidate(String diseaseId) {
		return diseaseIndex.containsKey(diseaseId);
	}

	/** Whether the id (primary or alternative) names a phenotypic-abnormality term of this release. */
	public boolean isPhenotypicAbnormality(String hpoId) {
		return termIndex.containsKey(hpoId);
	}

	/**
	 * Resnik information content of the term in nats, from the candidates' annotations.
	 *
	 * @throws IllegalArgumentException for an id that is not a phenotypic-abnormality term of this release
	 */
	public double informationContent(String hpoId) {
		return informationContent[termIndexOf(hpoId)];
	}

	/**
	 * The term's label in this release.
	 * @throws IllegalArgumentException for an id that is not a phenotypic-abnormality term of this release
	 */
	public String label(String hpoId) {
		return termLabels[termIndexOf(hpoId)];
	}

	int termIndexOf(String hpoId) {
		Integer t = termIndex.get(hpoId);
		if (t == null) {
			if (knownOutsideSubtree.contains(hpoId)) {
				throw new IllegalArgumentException(hpoId + " is not a phenotypic abnormality (not below " + PHENOTYPIC_ABNORMALITY + ") in " + release());
			}
			throw new IllegalArgumentException("Unknown HPO term id '" + hpoId + "': not a current term of " + release());
		}
		return t;
	}

	/** Index of the disease, or -1. */
	int diseaseIndexOf(String diseaseId) {
		return diseaseIndex.getOrDefault(diseaseId, MISSING);
	}

	private static final class RawDisease {

		final String id;
		final String name;
		final List<DiseaseProfile.Annotation> annotations = new ArrayList<>();
		boolean candidate;

		RawDisease(String id, String name) {
			this.id = id;
			this.name = name;
		}
	}

	/** The phenotypic-abnormality subtree as arrays. */
	private record Ontology(String version, String[] ids, String[] labels, Map<String, Integer> index, Set<String> outside, int[][] ancestors, int[][] parents) {

		static Ontology of(MinimalOntology hpo) {
			TermId root = TermId.of(PHENOTYPIC_ABNORMALITY);
			List<TermId> subtree = new ArrayList<>();
			subtree.add(root);
			for (TermId t : hpo.graph().getDescendants(root, false)) {
				subtree.add(t);
			}
			Map<TermId, Integer> position = new HashMap<>();
			for (TermId t : subtree) {
				position.putIfAbsent(t, position.size());
			}
			int size = position.size();
			String[] ids = new String[size];
			String[] labels = new String[size];
			Map<String, Integer> index = new HashMap<>();
			Set<String> outside = new java.util.HashSet<>();
			for (Term term : hpo.getTerms()) {
				if (term.isObsolete()) {
					continue;
				}
				Integer p = position.get(term.id());
				if (p == null) {
					outside.add(term.id().getValue());
					term.getAltTermIds().forEach(alt -> outside.add(alt.getValue()));
					continue;
				}
				ids[p] = term.id().getValue();
				labels[p] = term.getName();
				index.put(ids[p], p);
				for (TermId alt : term.getAltTermIds()) {
					index.putIfAbsent(alt.getValue(), p);
				}
			}
			int[][] ancestors = new int[size][];
			int[][] parents = new int[size][];
			for (Map.Entry<TermId, Integer> e : position.entrySet()) {
				List<Integer> direct = new ArrayList<>();
				for (TermId parent : hpo.graph().getParents(e.getKey(), false)) {
					Integer p = position.get(parent);
					if (p != null) {
						direct.add(p);
					}
				}
				parents[e.getValue()] = direct.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
				List<Integer> a = new ArrayList<>();
				for (TermId anc : hpo.graph().getAncestors(e.getKey(), true)) {
					Integer p = position.get(anc);
					if (p != null) {
						a.add(p);
					}
				}
				ancestors[e.getValue()] = a.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
			}
			String version = hpo.version().orElse("unknown");
			return new Ontology(version, ids, labels, index, outside, ancestors, parents);
		}
	}
}
