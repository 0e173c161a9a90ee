package org.consilium;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Accepts the common {@code DATABASE_URL} form ({@code postgres://user:password@host:port/database}, or a
 * {@code jdbc:postgresql:} URL) as the external database when {@code spring.datasource.url} is not set. The user in
 * the URL becomes both the datasource user and the application role the migrations grant to.
 *
 * @throws IllegalArgumentException at start-up when {@code DATABASE_URL} is neither form
 */
class DatabaseUrlEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(url) || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource("DATABASE_URL", properties(url.strip())));
	}

	static Map<String, Object> properties(String url) {
		Map<String, Object> p = new HashMap<>();
		if (url.startsWith("jdbc:postgresql:")) {
			p.put("spring.datasource.url", url);
			return p;
		}
		URI uri = URI.create(url);
		if (!("postgres".equals(uri.getScheme()) || "postgresql".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:password@host:5432/database or jdbc:postgresql://...");
		}
		p.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			String user = URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8);
			p.put("spring.datasource.username", user);
			p.put("consilium.database.app-role", user);
			if (userInfo.length > 1) {
				p.put("spring.datasource.password", URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8));
			}
		}
		return p;
	}
}
