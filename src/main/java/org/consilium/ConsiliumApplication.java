package org.consilium;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Consilium: an open-source second medical opinion program, run end to end.
 * The application modules are the top-level packages below this one; {@code ARCHITECTURE.md} describes them.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class ConsiliumApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsiliumApplication.class, args);
	}
}
