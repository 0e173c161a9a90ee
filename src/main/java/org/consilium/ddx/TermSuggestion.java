package org.consilium.ddx;

/**
 * One answer of {@link HpoTerms#search}: the term, the name that matched the query (its label or one of its synonyms)
 * and whether that name is a layperson synonym (HPO synonym type {@code layperson}).
 */
public record TermSuggestion(HpoTerm term, String matchedName, boolean layperson) {
}
