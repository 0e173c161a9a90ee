package org.consilium.phenotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

import org.consilium.identity.KeycloakServer;
import org.consilium.identity.TestOpenIdProvider;

/**
 * The whole application on a real port with the HPO release of {@code ../shared/data/hpo} configured: the phenotype
 * tests (through MockMvc) and the browser journeys (through Chromium) share this one cached context, so the release is
 * parsed once per test run and the other integration tests do not carry its few hundred MB of heap. The loopback address
 * is a trusted proxy here, so that tests can send {@code X-Forwarded-For} and {@code X-Forwarded-Proto} as a TLS proxy
 * would ({@code identity.ContainerSecurityHeadersTests}). Single sign-on is configured against the tests' Keycloak
 * ({@link KeycloakServer}), which starts only when a single sign-on test first needs it: the other tests here pay nothing
 * for it. A second provider the tests control, {@link TestOpenIdProvider} (registration {@code sso-test}), answers
 * with the bad ID tokens single sign-on must refuse.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "consilium.hpo.dir=${consilium.shared-data:../shared/data}/hpo",
		"server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = { KeycloakServer.class, TestOpenIdProvider.Registration.class })
public @interface HpoIntegrationTest {
}
