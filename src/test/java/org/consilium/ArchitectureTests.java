package org.consilium;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("org.consilium");

	@Test
	void hapiFhirStaysInsideTheFhirImport() {
		assertThat(classes.containPackage("org.consilium.records.fhirimport")).isTrue();
		noClasses().that().resideOutsideOfPackage("org.consilium.records.fhirimport..")
			.should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
			.check(classes);
	}

	@Test
	void moduleRootsHoldNoWebTypes() {
		noClasses().that().resideInAnyPackage("org.consilium.intake", "org.consilium.records", "org.consilium.review", "org.consilium.opinion",
				"org.consilium.triage", "org.consilium.audit")
			.should().beAnnotatedWith(org.springframework.stereotype.Controller.class)
			.orShould().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.check(classes);
	}
}
