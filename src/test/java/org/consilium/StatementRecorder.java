package org.consilium;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Records the SQL statements the current thread sends while a recording is open: the embedded engine's pool of every
 * test context goes through a datasource-proxy that hands each executed statement to the open recording, if any. A
 * MockMvc request runs on the test's thread, so a recording around it holds exactly that request's statements.
 */
@Component
public class StatementRecorder implements BeanPostProcessor, EnvironmentAware {

	private boolean embedded = true;

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	/** A statement that reads the case row (Spring Data JDBC's load of the aggregate or any query of the table). */
	public static final Pattern READS_CASE_ROW = Pattern.compile("(?is)^\\s*select\\b.*\\bfrom\\s+\"?intake\"?\\.\"?opinion_request\"?\\b");

	/**
	 * Only the embedded engine's pool is wrapped: with an external database ({@code spring.datasource.url}, as the
	 * crash test's child process runs) Flyway derives its own data source from the pool's URL, which a proxy hides.
	 */
	@Override
	public void setEnvironment(Environment environment) {
		embedded = !environment.containsProperty("spring.datasource.url");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (embedded && "dataSource".equals(beanName) && bean instanceof DataSource dataSource) {
			return ProxyDataSourceBuilder.create(dataSource).name(beanName).afterQuery((execution, queries) -> {
				List<String> recording = RECORDING.get();
				if (recording != null) {
					queries.forEach(q -> recording.add(q.getQuery()));
				}
			}).build();
		}
		return bean;
	}

	/** Runs {@code work} and returns the statements it sent from this thread, in order. */
	public static List<String> record(ThrowingRunnable work) throws Exception {
		List<String> statements = new ArrayList<>();
		RECORDING.set(statements);
		try {
			work.run();
		}
		finally {
			RECORDING.remove();
		}
		return statements;
	}

	/** How many of the statements read the case row. */
	public static long caseRowReads(List<String> statements) {
		return statements.stream().filter(s -> READS_CASE_ROW.matcher(s).find()).count();
	}

	@FunctionalInterface
	public interface ThrowingRunnable {
		void run() throws Exception;
	}
}
