package org.consilium.ddx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.geneontology.obographs.core.io.OgJsonReader;
import org.geneontology.obographs.core.model.GraphDocument;
import org.geneontology.obographs.core.model.Node;
import org.geneontology.obographs.core.model.meta.BasicPropertyValue;
import org.monarchinitiative.phenol.io.MinimalOntologyLoader;
import org.monarchinitiative.phenol.io.OntologyLoaderOptions;
import org.monarchinitiative.phenol.io.utils.CurieUtilBuilder;
import org.monarchinitiative.phenol.ontology.data.MinimalOntology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The HPO release the application uses, loaded once in the background after start-up from {@code consilium.hpo.dir}
 * ({@link HpoSettings}), so start-up stays fast. The directory holds the ontology ({@code hp.json}, from
 * https://hpo.jax.org/data/ontology) and the annotations ({@code phenotype.hpoa}, from
 * https://hpo.jax.org/data/annotations), plain or gzipped; versioned names such as {@code hp.v2025-05-06.json.gz}
 * are found too (the last in name order wins). The ontology is read once (phenol) and feeds both the term catalogue
 * ({@link HpoTerms}) and the ranking data ({@link HpoData}), whose candidates are the OMIM and the Orphanet diseases (most
 * ICD-10-CM codes reach only an Orphanet disease through Mondo), each OMIM disease enriched with the lines of its
 * exact-match Orphanet disease when the Mondo crosswalk ({@link MondoRelease}) is configured; without annotation file
 * the terms still serve. The annotation file also gives each disease's frequencies as written ({@link AnnotatedFrequencies},
 * for explanations), and an optional {@code genes_to_disease.txt} the genes of the diseases ({@link DiseaseGenes});
 * without it {@link #genesProblem()} says what is missing and nothing else changes.
 * <p>
 * Until the terms are loaded {@link #terms()} is empty and {@link #status()} says why: not configured, loading, or
 * unavailable (with {@link #problem()} naming the missing file and where to get the official release).
 */
@Component
public class HpoRelease {

	/** Where the official release is published, for pages and messages. */
	public static final String DOWNLOAD_PAGE = "https://hpo.jax.org/data/ontology";

	public static final String ANNOTATIONS_PAGE = "https://hpo.jax.org/data/annotations";

	public static final String GITHUB_RELEASES = "https://github.com/obophenotype/human-phenotype-ontology/releases";

	/** Where the term catalogue stands. */
	public enum Status {
		/** {@code consilium.hpo.dir} is not set. */
		NOT_CONFIGURED,
		/** Loading in the background. */
		LOADING,
		/** Terms are available. */
		READY,
		/** The files are missing or unreadable; see {@link #problem()}. */
		UNAVAILABLE
	}

	private static final Logger log = LoggerFactory.getLogger(HpoRelease.class);

	private static final String REPLACED_BY = "http://purl.obolibrary.org/obo/IAO_0100001";

	private final Path dir;

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile Status status;

	private volatile HpoTerms terms;

	private volatile HpoData data;

	private volatile String problem;

	private volatile AnnotatedFrequencies frequencies;

	private volatile DiseaseGenes genes;

	private volatile String genesProblem = "The genes of the diseases are not loaded yet.";

	private final MondoRelease mondo;

	HpoRelease(HpoSettings settings, MondoRelease mondo) {
		this.dir = settings.dir();
		this.mondo = mondo;
		this.status = dir == null ? Status.NOT_CONFIGURED : Status.LOADING;
		if (dir == null) {
			done.countDown();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		if (dir == null || done.getCount() == 0) {
			return;
		}
		Thread thread = new Thread(this::load, "hpo-load");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	private void load() {
		try {
			long start = System.nanoTime();
			Path ontologyFile = find(dir, "hp", ".json")
				.orElseThrow(() -> new HpoDataNotFoundException(dir.resolve("hp.json"), "ontology", HpoDataNotFoundException.ONTOLOGY_DOWNLOAD, null));
			Parsed parsed = parse(ontologyFile);
			terms = HpoTerms.of(parsed.hpo(), parsed.replacedBy());
			status = Status.READY;
			log.info("HPO terms of release {} loaded in {} ms", terms.version(), (System.nanoTime() - start) / 1_000_000);
			loadGenes();
			Optional<Path> annotations = find(dir, "phenotype", ".hpoa");
			if (annotations.isEmpty()) {
				problem = "No HPO annotation file (phenotype.hpoa) in " + dir.toAbsolutePath() + "; download it from " + ANNOTATIONS_PAGE + ".";
				log.warn(problem);
				return;
			}
			// the ranking's defaults were tuned with OMIM candidates enriched by their exact-match Orphanet lines (Mondo)
			MondoCrosswalk crosswalk = mondo.awaitCrosswalk(Duration.ofMinutes(2)).orElse(null);
			if (crosswalk == null) {
				log.warn("Ranking without the Orphanet enrichment of OMIM diseases: {}", mondo.problem());
			}
			// before the ranking data, so that whoever sees the data sees the written frequencies too
			frequencies = AnnotatedFrequencies.load(annotations.get(), crosswalk);
			// gene families (the genes of loadGenes) let look-alikes rank together; optional
			if (genes == null) {
				log.warn("Ranking without gene families: {}", genesProblem);
			}
			data = HpoData.load(parsed.hpo(), annotations.get(), EnumSet.of(DiseaseDatabase.OMIM, DiseaseDatabase.ORPHA), crosswalk, genes);
			log.info("HPO annotations {} loaded in {} ms", annotations.get().getFileName(), (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			problem = ex.getMessage();
			if (terms == null) {
				status = Status.UNAVAILABLE;
			}
			log.warn("The HPO release could not be loaded: {}", ex.getMessage());
		}
		finally {
			done.countDown();
		}
	}

	/** The genes of the diseases ({@code genes_to_disease.txt}); optional: without it only the genes panel says so. */
	private void loadGenes() {
		Optional<Path> file = find(dir, "genes_to_disease", ".txt");
		if (file.isEmpty()) {
			genesProblem = "This installation has no genes_to_disease.txt of the HPO release in " + dir.toAbsolutePath()
					+ ", so the genes of the leading candidates cannot be shown; an administrator downloads it from " + ANNOTATIONS_PAGE + ".";
			log.warn(genesProblem);
			return;
		}
		try {
			genes = DiseaseGenes.load(file.get());
			genesProblem = null;
		}
		catch (RuntimeException ex) {
			genesProblem = ex.getMessage();
			log.warn("The genes of the HPO release could not be loaded: {}", ex.getMessage());
		}
	}

	/** The obsolete ids of the release with their {@code replaced_by} (IAO:0100001) target. */
	private static Map<String, String> replacements(GraphDocument document) {
		Map<String, String> replaced = new HashMap<>();
		document.getGraphs().forEach(graph -> {
			for (Node node : graph.getNodes()) {
				if (node.getMeta() == null || !Boolean.TRUE.equals(node.getMeta().getDeprecated()) || node.getMeta().getBasicPropertyValues() == null) {
					continue;
				}
				String id = node.getId().substring(node.getId().lastIndexOf('/') + 1).replace('_', ':');
				for (BasicPropertyValue value : node.getMeta().getBasicPropertyValues()) {
					if (REPLACED_BY.equals(value.getPred()) && value.getVal() != null) {
						replaced.put(id, value.getVal().substring(value.getVal().lastIndexOf('/') + 1).replace('_', ':'));
					}
				}
			}
		});
		return replaced;
	}

	/**
	 * The release file named {@code <stem><suffix>} or {@code <stem><suffix>.gz}, else the last in name order of
	 * {@code <stem>.*<suffix>[.gz]} (versioned names such as {@code hp.v2025-05-06.json.gz}).
	 */
	public static Optional<Path> find(Path dir, String stem, String suffix) {
		for (String name : List.of(stem + suffix, stem + suffix + ".gz")) {
			if (Files.isRegularFile(dir.resolve(name))) {
				return Optional.of(dir.resolve(name));
			}
		}
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		List<Path> versioned = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, stem + ".*" + suffix + "{,.gz}")) {
			files.forEach(versioned::add);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		return versioned.stream().filter(Files::isRegularFile).max(Comparator.comparing(p -> p.getFileName().toString()));
	}

	private static InputStream open(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
	}

	/** Where the release is: not configured, loading, ready, or failed (then {@link #problem()} says why). */
	public Status status() {
		return status;
	}

	/** The term catalogue, once loaded. */
	public Optional<HpoTerms> terms() {
		return Optional.ofNullable(terms);
	}

	/** The ranking data (ontology and annotations), once loaded. */
	public Optional<HpoData> data() {
		return Optional.ofNullable(data);
	}

	/** Each disease's annotated frequencies as the annotation file writes them, once loaded (before {@link #data()}). */
	public Optional<AnnotatedFrequencies> frequencies() {
		return Optional.ofNullable(frequencies);
	}

	/** The genes of the diseases ({@code genes_to_disease.txt} of the release), once loaded; empty when the file is missing. */
	public Optional<DiseaseGenes> genes() {
		return Optional.ofNullable(genes);
	}

	/** Why {@link #genes()} is empty, in plain words (not configured, loading, file missing or unreadable), or null. */
	public String genesProblem() {
		return dir == null ? "This installation has no copy of the HPO release, so the genes of the diseases cannot be shown." : genesProblem;
	}

	/** What went wrong loading the release, in plain words, or null. */
	public String problem() {
		return problem;
	}

	/** The configured directory, or null. */
	public Path directory() {
		return dir;
	}

	/**
	 * Waits until loading has finished (successfully or not), at most {@code timeout}; for tests and tools.
	 *
	 * @return whether loading finished in time
	 */
	public boolean awaitLoaded(Duration timeout) throws InterruptedException {
		return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Loads the term catalogue of a release file synchronously (tests, benchmarks); no annotations. */
	public static HpoTerms loadTerms(Path ontologyFile) {
		Parsed parsed = parse(ontologyFile);
		return HpoTerms.of(parsed.hpo(), parsed.replacedBy());
	}

	private record Parsed(MinimalOntology hpo, Map<String, String> replacedBy) {
	}

	/** Reads the obographs JSON once: phenol builds the ontology from it, the obsolete terms' replacements come from it too. */
	private static Parsed parse(Path ontologyFile) {
		try (InputStream in = open(ontologyFile)) {
			GraphDocument document = OgJsonReader.readInputStream(in);
			return new Parsed(MinimalOntologyLoader.loadOntology(document, CurieUtilBuilder.defaultCurieUtil(), OntologyLoaderOptions.defaultOptions(), "HP"),
					replacements(document));
		}
		catch (IOException | RuntimeException ex) {
			throw new HpoDataNotFoundException(ontologyFile, "ontology", HpoDataNotFoundException.ONTOLOGY_DOWNLOAD, ex);
		}
	}
}
