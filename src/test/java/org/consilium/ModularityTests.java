package org.consilium;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ConsiliumApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		modules.verify();
	}

	@Test
	void everyModuleOfTheArchitectureExists() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("intake", "records", "triage", "identity", "audit", "shared");
	}
}
