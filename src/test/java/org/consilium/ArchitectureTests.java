package org.consilium;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTests {

	/** The packages that may use HAPI FHIR (the records module's FHIR import and the fhir module); each must hold classes, or the rule guards nothing. */
	static final List<String> HAPI_PACKAGES = List.of("org.consilium.records.fhirimport", "org.consilium.fhir");

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("org.consilium");

	@Test
	void hapiFhirStaysInsideTheFhirImport() {
		assertThat(HAPI_PACKAGES).allSatisfy(p -> assertThat(classes.containPackage(p)).as("classes in %s, named by the HAPI rule", p).isTrue());
		noClasses().that().resideOutsideOfPackages(HAPI_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new))
			.should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
			.check(classes);
	}

	/** Controllers live in a module's {@code web} or {@code api} package; its root is the API other modules call. */
	@Test
	void moduleRootsHoldNoWebTypes() {
		String[] roots = ModularityTests.MODULES.stream().map(m -> m.getBasePackage().getName()).toArray(String[]::new);
		noClasses().that().resideInAnyPackage(roots)
			.should().beAnnotatedWith(org.springframework.stereotype.Controller.class)
			.orShould().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.check(classes);
	}
}
