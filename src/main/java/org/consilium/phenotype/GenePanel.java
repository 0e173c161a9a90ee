package org.consilium.phenotype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.ddx.DiseaseGenes;

/**
 * The genes associated with the leading candidates of a differential diagnosis, as the panel a geneticist would order:
 * from {@code genes_to_disease.txt} of the HPO release ({@link DiseaseGenes}), each gene with the candidates it
 * belongs to, in the order of the best-ranked of them. Derived from the ranking alone, so it is as blind as the ranking.
 *
 * @param source the file the genes come from, or null when they cannot be shown ({@code problem} then says why)
 * @param problem why there are no genes to show, in plain words, or null
 * @param leading how many leading candidates (rows of the ranking) the genes were collected from
 * @param genes the genes, best-ranked candidate first; empty when none of the leading candidates has a known gene
 */
public record GenePanel(String source, String problem, int leading, List<Gene> genes) {

	/** How many rows of the ranking count as the leading candidates, as for "What to check next". */
	static final int LEADING = 10;

	/**
	 * One gene.
	 *
	 * @param ncbiGeneId {@code NCBIGene:2200}
	 * @param symbol {@code FBN1}
	 * @param polygenic whether the file calls the association polygenic rather than Mendelian or unstated
	 * @param candidates the leading candidates it is associated with, "Marfan syndrome (rank 1)", best first
	 */
	public record Gene(String ncbiGeneId, String symbol, boolean polygenic, List<String> candidates) {

		public Gene {
			candidates = List.copyOf(candidates);
		}

		/** The NCBI Gene number, for https://www.ncbi.nlm.nih.gov/gene/{number}. */
		public String ncbiNumber() {
			return ncbiGeneId.substring(ncbiGeneId.indexOf(':') + 1);
		}
	}

	public GenePanel {
		genes = List.copyOf(genes);
	}

	static GenePanel unavailable(String problem) {
		return new GenePanel(null, problem, 0, List.of());
	}

	/** The genes of the first {@value #LEADING} rows, under every identifier of each row (OMIM and Orphanet). */
	static GenePanel of(List<DifferentialCandidate> candidates, DiseaseGenes genes) {
		Map<String, DiseaseGenes.Gene> byId = new LinkedHashMap<>();
		Map<String, List<String>> candidatesOf = new LinkedHashMap<>();
		List<DifferentialCandidate> leading = candidates.subList(0, Math.min(LEADING, candidates.size()));
		for (DifferentialCandidate c : leading) {
			List<String> ids = new ArrayList<>(List.of(c.diseaseId()));
			c.sameDisease().forEach(e -> ids.add(e.diseaseId()));
			for (String id : ids) {
				for (DiseaseGenes.Gene g : genes.of(id)) {
					byId.putIfAbsent(g.ncbiGeneId(), g);
					List<String> of = candidatesOf.computeIfAbsent(g.ncbiGeneId(), k -> new ArrayList<>());
					String named = c.name() + " (rank " + c.rank() + ")";
					if (!of.contains(named)) {
						of.add(named);
					}
				}
			}
		}
		List<Gene> panel = new ArrayList<>();
		byId.forEach((id, g) -> panel.add(new Gene(id, g.symbol(), "POLYGENIC".equals(g.associationType()), candidatesOf.get(id))));
		return new GenePanel(genes.fileName(), null, leading.size(), panel);
	}
}
