package org.consilium.phenotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import org.consilium.ConsiliumIntegrationTest;

/**
 * The whole application with the HPO release of {@code ../shared/data/hpo} configured. Only the phenotype tests use it
 * (one cached context), so the other integration tests do not carry the release's few hundred MB of heap.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConsiliumIntegrationTest
@TestPropertySource(properties = "consilium.hpo.dir=${consilium.shared-data:../shared/data}/hpo")
@interface HpoIntegrationTest {
}
