package org.consilium.shared;

import org.springframework.util.unit.DataSize;

/**
 * An endpoint whose request body may be larger than the {@code consilium.web.max-body-size} every other body keeps to
 * (1 MB by default): a module declares one as a bean, e.g. the FHIR import with the Bundle size it accepts.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param pathPattern the path as a Spring {@link org.springframework.web.util.pattern.PathPattern}, e.g.
 *        {@code /api/cases/{id}/fhir-imports}
 * @param maxSize the most the body may hold
 */
public record LargeRequestBody(String method, String pathPattern, DataSize maxSize) {
}
