package org.consilium;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Consilium: an open-source second medical opinion program, run end to end.
 * The application modules are the top-level packages below this one; {@code docs/architecture.md} describes them.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsiliumApplication {

	/** The clock every module reads time from (UTC instants; program-local dates come from its time zone). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(ConsiliumApplication.class, args);
	}
}
