package org.consilium;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Failing well while the database is away: bounded waits on every pool ({@link DatabaseTimeouts}), 503 with
 * {@code Retry-After} instead of 500 or a hang ({@link DatabaseOutageFilter}, {@code consilium.database.retry-after},
 * default 10 s), and a health check that says DOWN quickly ({@link DatabaseHealth}). Recovery needs nothing: the pools
 * open new connections once the database answers, and the embedded engine is restarted by its watch.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

	@Bean
	static DatabaseTimeouts.ExternalPool externalPoolTimeouts(Environment environment) {
		return new DatabaseTimeouts.ExternalPool(environment);
	}

	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(@Value("${consilium.database.retry-after:10s}") Duration retryAfter,
			ObjectProvider<EmbeddedDatabase> embedded) {
		EmbeddedDatabase engine = embedded.getIfAvailable();
		BooleanSupplier knownDown = engine == null ? () -> false : () -> !engine.running();
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(retryAfter, knownDown));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("databaseOutageFilter");
		return registration;
	}

	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded, Environment environment) {
		return new DatabaseHealth(dataSource, embedded.getIfAvailable(), DatabaseTimeouts.from(environment).connection().dividedBy(2));
	}
}
