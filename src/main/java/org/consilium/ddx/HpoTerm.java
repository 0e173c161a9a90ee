package org.consilium.ddx;

/**
 * A current term of the loaded HPO release: its primary id ({@code HP:} and seven digits) and its label.
 */
public record HpoTerm(String id, String label) {
}
