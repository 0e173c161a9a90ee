package org.consilium.ddx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The genes associated with each disease, from {@code genes_to_disease.txt} of the HPO release
 * (https://hpo.jax.org/data/annotations; columns {@code ncbi_gene_id}, {@code gene_symbol}, {@code association_type},
 * {@code disease_id}, {@code source}): OMIM diseases from NCBI's mim2gene_medgen, Orphanet diseases from Orphadata's
 * gene associations. Immutable after loading and safe to share between threads.
 */
public final class DiseaseGenes {

	/**
	 * One gene of a disease.
	 *
	 * @param ncbiGeneId {@code NCBIGene:2200}
	 * @param symbol the HGNC symbol as the file gives it, e.g. {@code FBN1}
	 * @param associationType {@code MENDELIAN}, {@code POLYGENIC} or {@code UNKNOWN}, as the file says
	 */
	public record Gene(String ncbiGeneId, String symbol, String associationType) {

		/** The NCBI Gene number, e.g. {@code 2200}, for a link to https://www.ncbi.nlm.nih.gov/gene/2200. */
		public String ncbiNumber() {
			return ncbiGeneId.substring(ncbiGeneId.indexOf(':') + 1);
		}
	}

	private final String fileName;

	private final Map<String, List<Gene>> byDisease;

	private final Map<String, List<String>> diseasesByGene;

	private DiseaseGenes(String fileName, Map<String, List<Gene>> byDisease, Map<String, List<String>> diseasesByGene) {
		this.fileName = fileName;
		this.byDisease = byDisease;
		this.diseasesByGene = diseasesByGene;
	}

	/**
	 * Reads the file (plain or gzipped).
	 *
	 * @throws HpoDataNotFoundException when it cannot be read or is not a genes_to_disease file
	 */
	public static DiseaseGenes load(Path file) {
		Map<String, List<Gene>> byDisease = new HashMap<>();
		Map<String, Gene> genes = new HashMap<>();
		Map<String, List<String>> diseasesByGene = new LinkedHashMap<>();
		try (InputStream raw = Files.newInputStream(file);
				InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.startsWith("ncbi_gene_id\tgene_symbol\tassociation_type\tdisease_id")) {
				throw new IllegalArgumentException("not a genes_to_disease file: no 'ncbi_gene_id gene_symbol association_type disease_id' header");
			}
			String line;
			while ((line = reader.readLine()) != null) {
				String[] f = line.split("\t", -1);
				if (f.length < 4 || f[0].isBlank() || f[1].isBlank() || f[3].isBlank()) {
					continue;
				}
				Gene gene = genes.computeIfAbsent(f[0] + "\t" + f[1] + "\t" + f[2], k -> new Gene(f[0], f[1], f[2]));
				List<Gene> of = byDisease.computeIfAbsent(f[3], d -> new ArrayList<>(2));
				if (!of.contains(gene)) {
					of.add(gene);
				}
				diseasesByGene.computeIfAbsent(f[0], g -> new ArrayList<>(2)).add(f[3]);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new HpoDataNotFoundException(file, "genes-to-disease", HpoDataNotFoundException.ANNOTATIONS_DOWNLOAD, ex);
		}
		byDisease.replaceAll((d, g) -> List.copyOf(g));
		diseasesByGene.replaceAll((g, d) -> List.copyOf(d));
		return new DiseaseGenes(file.getFileName().toString(), Map.copyOf(byDisease), Collections.unmodifiableMap(diseasesByGene));
	}

	/** The genes of the disease ({@code OMIM:154700}, {@code ORPHA:558}) in the file's order; empty when it names none. */
	public List<Gene> of(String diseaseId) {
		return byDisease.getOrDefault(diseaseId, List.of());
	}

	/**
	 * The diseases linked to each gene, by NCBI Gene id ({@code NCBIGene:2200}), in the file's order; what
	 * {@link HpoData} groups into gene families ({@link DiseaseFamilies}).
	 */
	Map<String, List<String>> diseasesByGene() {
		return diseasesByGene;
	}

	/** The file the genes were read from, e.g. {@code genes_to_disease.txt.gz}. */
	public String fileName() {
		return fileName;
	}
}
