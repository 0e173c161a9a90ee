package org.consilium;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrangement as Spring Modulith sees it ({@link ApplicationModules}), and everything that must agree with
 * it: the migration folders, the arrangement exported at build time for the running application, each module's
 * declared dependencies. Nothing here lists the modules by hand, so a module that is renamed or vanishes fails a test
 * through what it leaves behind (its migrations, a stale export) instead of passing unnoticed.
 */
class ModularityTests {

	/** Computed once per JVM (Spring Modulith caches it by application class); {@link ArchitectureTests} uses it too. */
	static final ApplicationModules MODULES = ApplicationModules.of(ConsiliumApplication.class);

	/** Where {@link #writesTheModuleDiagramsIntoTarget()} writes Spring Modulith's Documenter output. */
	static final Path DOCUMENTATION = Path.of("target", "spring-modulith-docs");

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		MODULES.verify();
	}

	/**
	 * Spring Modulith's Flyway runs {@code db/migration/<module>/} only for modules it knows: a folder whose module was
	 * renamed or removed would silently never migrate.
	 */
	@Test
	void everyMigrationFolderBelongsToAModule() throws IOException {
		List<String> folders = new ArrayList<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql")) {
			String path = r.getURL().getPath();
			String folder = path.substring(0, path.lastIndexOf('/'));
			folders.add(folder.substring(folder.lastIndexOf('/') + 1));
		}
		assertThat(folders).as("migration folders").isNotEmpty().contains("__root");
		assertThat(folders.stream().filter(f -> !f.equals("__root")).distinct()).allSatisfy(folder -> assertThat(identifiers())
			.as("the module of db/migration/%s", folder).contains(folder));
	}

	/**
	 * The running application orders its module migrations by the arrangement that the build exported
	 * ({@code META-INF/spring-modulith/application-modules.json}, see pom.xml); it must be the current one, in the same
	 * dependency order.
	 */
	@Test
	void theExportedArrangementIsTheCurrentOne() throws IOException {
		Resource exported = new ClassPathResource("META-INF/spring-modulith/application-modules.json");
		assertThat(exported.exists()).as("%s (written at process-classes: ./mvnw process-classes)", exported.getDescription()).isTrue();
		List<String> keys = new ArrayList<>();
		try (InputStream in = exported.getInputStream()) {
			new ObjectMapper().readTree(in).fieldNames().forEachRemaining(keys::add);
		}
		assertThat(keys).containsExactlyElementsOf(identifiers());
	}

	/** Every module says what it may depend on in its package-info ({@code @ApplicationModule}), which also documents it. */
	@Test
	void everyModuleDeclaresItsDependencies() {
		assertThat(MODULES.stream()).allSatisfy(module -> {
			Package root = packageInfo(module);
			assertThat(root.getAnnotation(org.springframework.modulith.ApplicationModule.class))
				.as("@ApplicationModule on %s.package-info", module.getBasePackage().getName()).isNotNull();
		});
	}

	/**
	 * Spring Modulith's Documenter output in target/spring-modulith-docs: the PlantUML diagram of all modules and one per
	 * module. Not the module canvases: with our Javadoc, Spring Modulith 2.0.3 fails to read its own javadoc.json
	 * (Boot's BasicJsonParser; spring-projects/spring-modulith#1762, fixed in a later 2.0.x), so they wait for the upgrade.
	 */
	@Test
	void writesTheModuleDiagramsIntoTarget() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();

		assertThat(DOCUMENTATION.resolve("components.puml")).isNotEmptyFile();
		assertThat(MODULES.stream()).allSatisfy(
				module -> assertThat(DOCUMENTATION.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile());
	}

	static List<String> identifiers() {
		return MODULES.stream().map(m -> m.getIdentifier().toString()).toList();
	}

	private static Package packageInfo(ApplicationModule module) {
		String name = module.getBasePackage().getName();
		try {
			return Class.forName(name + ".package-info").getPackage();
		}
		catch (ClassNotFoundException e) {
			throw new AssertionError("No package-info.java in " + name, e);
		}
	}
}
