package org.consilium.phenotype;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.consilium.ddx.HpoData;
import org.consilium.ddx.PhenotypeQuery;

/**
 * What a ranking is computed from: the case's current (not voided) terms that the release knows, observed and
 * excluded, each sorted by HPO id.
 */
record RankingInputs(List<String> observed, List<String> excluded) {

	/** The case's current terms; with a loaded release, only those below Phenotypic abnormality (HP:0000118). */
	static RankingInputs read(JdbcClient jdbc, UUID caseId, Optional<HpoData> release) {
		List<String> observed = new ArrayList<>();
		List<String> excluded = new ArrayList<>();
		HpoData data = release.orElse(null);
		jdbc.sql("SELECT hpo_id, excluded FROM phenotype.phenotypic_feature WHERE case_id = ? AND voided_at IS NULL ORDER BY hpo_id")
			.param(caseId)
			.query(rs -> {
				String id = rs.getString("hpo_id");
				if (data == null || data.isPhenotypicAbnormality(id)) {
					(rs.getBoolean("excluded") ? excluded : observed).add(id);
				}
			});
		return new RankingInputs(List.copyOf(observed), List.copyOf(excluded));
	}

	PhenotypeQuery query() {
		return new PhenotypeQuery(observed, excluded);
	}

	/**
	 * SHA-256 (hex) of the release, the engine and the terms: a stored ranking with the same digest is current.
	 */
	String digest(HpoData data, String engine) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String text = data.release() + "\n" + engine + "\n" + String.join(",", observed) + "\n" + String.join(",", excluded);
			return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
