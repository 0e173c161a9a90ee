package org.consilium;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title, licence and authentication of the OpenAPI document served at {@code /api/openapi}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI consiliumOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Consilium API").version("0.1")
				.description("""
						The second-opinion loop as JSON. Sign in through the form at /login; the API uses that session \
						(cookie JSESSIONID). Requests that change something send the session's CSRF token in the X-CSRF-TOKEN \
						header (it is in the <meta name="_csrf"> tag of every page). Errors are RFC 9457 problem details \
						(application/problem+json) with a stable "code"; a case you have no relation to answers 404, like a \
						missing one.""")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("session",
					new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("JSESSIONID")))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}
}
