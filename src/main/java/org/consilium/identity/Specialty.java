package org.consilium.identity;

/**
 * A clinical specialty coded with the NUCC Health Care Provider Taxonomy
 * (system {@code http://nucc.org/provider-taxonomy}, https://taxonomy.nucc.org/). Reference data kept in
 * {@code identity.specialty}; triage and specialist matching use the same list.
 */
public record Specialty(String code, String display) {

	public static final String SYSTEM = "http://nucc.org/provider-taxonomy";
}
