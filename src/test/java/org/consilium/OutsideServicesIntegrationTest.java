package org.consilium;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import org.consilium.notification.TestClockConfiguration;

/**
 * The whole application with its optional outside services switched on ({@link OutsideServices}): e-mail over SMTP to
 * a GreenMail server on a loopback port fixed for the JVM, virus scanning by a real clamd; plus a clock the tests set
 * and advance ({@link org.consilium.notification.MutableClock}) and upload limits small enough to reach in a test (64 KB
 * a file, 150 KB and 3 documents a case). The notification, virus-scanning and upload-limit tests share this one cached
 * context; a test here that needs time to pass between two steps advances the clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConsiliumIntegrationTest
@Import(TestClockConfiguration.class)
@ContextConfiguration(initializers = OutsideServices.class)
@TestPropertySource(properties = { "consilium.notification.base-url=https://consilium.example.org", "consilium.records.max-file-size=64KB",
		"consilium.records.max-case-size=150KB", "consilium.records.max-case-files=3" })
public @interface OutsideServicesIntegrationTest {
}
