package org.consilium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;

import org.consilium.ConsiliumIntegrationTest;
import org.consilium.shared.Role;

/**
 * The headers of every page and API answer, HSTS only over HTTPS, the host-prefixed session cookie, and the API
 * document behind sign-in (issue #11, failure 8). The container's own error pages and the forwarded headers need a
 * real Tomcat: {@code ContainerSecurityHeadersTests}.
 */
@ConsiliumIntegrationTest
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void everyAnswerForbidsFramingAndPowerfulFeaturesAndIsolatesItsWindow() throws Exception {
		for (String path : new String[] { "/login", "/api/cases" }) {
			MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getHeader("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'").doesNotContain("frame-ancestors 'self'");
			assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(response.getHeader("Permissions-Policy")).as(path).contains("camera=()", "microphone=()", "geolocation=()");
			assertThat(response.getHeader("Cross-Origin-Opener-Policy")).as(path).isEqualTo("same-origin");
		}
	}

	@Test
	void hstsOnlyOverHttps() throws Exception {
		assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
		assertThat(mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void theApiDocumentNeedsASignIn() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get("/api/openapi")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getContentAsString()).doesNotContain("\"paths\"");
		MockHttpServletResponse signedIn = mvc.perform(get("/api/openapi").with(authentication(TestAccounts.authentication(accounts.create(Role.PATIENT)))))
			.andReturn().getResponse();
		assertThat(signedIn.getStatus()).isEqualTo(200);
		assertThat(signedIn.getContentAsString()).contains("\"paths\"");
	}

	@Test
	void overHttpsOnlyTheSessionCookieIsHostPrefixedAndSecure() {
		MockServletContext servletContext = new MockServletContext();
		TransportSecurity.useHostPrefixedSessionCookie(servletContext);
		assertThat(servletContext.getSessionCookieConfig().getName()).isEqualTo("__Host-JSESSIONID");
		assertThat(servletContext.getSessionCookieConfig().isSecure()).isTrue();
		assertThat(servletContext.getSessionCookieConfig().getPath()).isEqualTo("/");
		assertThat(servletContext.getSessionCookieConfig().getDomain()).isNull();
		assertThat(TransportSecurity.sessionCookieName(true)).isEqualTo("__Host-JSESSIONID");
	}
}
