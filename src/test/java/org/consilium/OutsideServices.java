package org.consilium;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import org.consilium.records.ClamdProcess;

/**
 * Points the {@link OutsideServicesIntegrationTest} context at the outside services, which live as long as the JVM so
 * that the cached context keeps working for every test class that shares it: the SMTP port of the notification tests'
 * GreenMail server ({@link #SMTP_PORT}; {@code MailTestSupport} starts and restarts the server on it) and one clamd,
 * started here when Debian's {@code clamav-daemon} is installed and stopped when the JVM exits. Without clamd the
 * context scans nothing and only the virus-scanning tests fail, saying what to install ({@link #clamd()}).
 */
public final class OutsideServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The loopback port of the tests' SMTP server, the same for every context of this JVM. */
	public static final int SMTP_PORT = freePort();

	private static ClamdProcess clamd;

	private static AssertionError clamdMissing;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		List<String> properties = new ArrayList<>(List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT));
		try {
			int port = clamd().port();
			properties.add("consilium.records.clamd.host=127.0.0.1");
			properties.add("consilium.records.clamd.port=" + port);
		}
		catch (AssertionError missing) {
			// the virus-scanning tests report it through clamd()
		}
		TestPropertyValues.of(properties).applyTo(context);
	}

	/**
	 * The JVM's clamd, started on first use.
	 *
	 * @throws AssertionError naming the package to install when clamd is missing or did not start
	 */
	public static synchronized ClamdProcess clamd() {
		if (clamd == null && clamdMissing == null) {
			try {
				clamd = ClamdProcess.start();
				ClamdProcess started = clamd;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						started.close();
					}
					catch (Exception ignored) {
						// the JVM is exiting
					}
				}, "clamd-stop"));
			}
			catch (AssertionError e) {
				clamdMissing = e;
			}
			catch (Exception e) {
				clamdMissing = new AssertionError("clamd did not start: " + e, e);
			}
		}
		if (clamdMissing != null) {
			throw clamdMissing;
		}
		return clamd;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
