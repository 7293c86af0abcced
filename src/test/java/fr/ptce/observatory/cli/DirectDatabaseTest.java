package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code status} reads the embedded database without Spring: the same database as
 * Spring's, the same screen, and Flyway left out of a command once the schema is current.
 */
class DirectDatabaseTest {

	@TempDir
	Path dir;

	@Test
	void theUrlIsTheOneOfApplicationYml() {
		GlobalOptions global = new GlobalOptions();
		try (ConfigurableApplicationContext context = ApplicationContexts.start(global, dir)) {
			assertThat(DirectDatabase.url(dir))
				.isEqualTo(context.getEnvironment().getProperty("spring.datasource.url"));
			// a fresh directory: the schema created without Flyway
			// (launch/EmbeddedSchema)
			assertThat(context.getEnvironment().getProperty("spring.flyway.enabled")).isEqualTo("false");
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"", Integer.class))
				.isEqualTo(6);
		}
		try (ConfigurableApplicationContext context = ApplicationContexts.start(global, dir)) {
			// the second start finds the schema current
			assertThat(context.getEnvironment().getProperty("spring.flyway.enabled")).isEqualTo("false");
		}
		// where the database could be elsewhere (a Spring property given), Flyway as
		// always, and it agrees
		global.springArguments().add("--spring.main.banner-mode=off");
		try (ConfigurableApplicationContext context = ApplicationContexts.start(global, dir)) {
			assertThat(context.getEnvironment().getProperty("spring.flyway.enabled")).isNull();
			assertThat(context.getBean(org.flywaydb.core.Flyway.class).info().pending()).isEmpty();
		}
	}

	@Test
	void aRegistryOrPartnersFileGivenToSpringOtherwiseStartsSpring() {
		Properties none = new Properties();
		assertThat(DirectDatabase.applies(Map.of("PATH", "/bin", "OBSERVATORY_TOKEN", "t"), none)).isTrue();
		assertThat(DirectDatabase.applies(Map.of("OBSERVATORY_REGISTRY", "/r.csv"), none)).isFalse();
		assertThat(DirectDatabase.applies(Map.of("OBSERVATORY_PARTNERSFILE", "/p.csv"), none)).isFalse();
		assertThat(DirectDatabase.applies(Map.of("SPRING_PROFILES_ACTIVE", "postgres"), none)).isFalse();
		for (String name : List.of("observatory.registry", "observatory.partners-file", "observatory.partnersFile",
				"spring.datasource.url")) {
			Properties given = new Properties();
			given.setProperty(name, "x");
			assertThat(DirectDatabase.applies(Map.of(), given)).as(name).isFalse();
		}
		Properties launcher = new Properties();
		launcher.setProperty("observatory.launcher", "1");
		assertThat(DirectDatabase.applies(Map.of(), launcher)).isTrue();
	}

	@Test
	void onlyAConfigurationFileSpringWouldReadCountsNotAnyConfigFolder() throws Exception {
		// given the build's config/checkstyle/: not Spring's, the direct path applies
		Path work = dir.resolve("work");
		Files.createDirectories(work.resolve("config/checkstyle"));
		Files.writeString(work.resolve("config/checkstyle/checkstyle.xml"), "<module/>");
		assertThat(DirectDatabase.localConfiguration(work)).isFalse();

		// each of Spring Boot's default locations does count
		Files.writeString(work.resolve("config/checkstyle/application.properties"), "x=1");
		assertThat(DirectDatabase.localConfiguration(work)).isTrue();
		Files.delete(work.resolve("config/checkstyle/application.properties"));
		Files.writeString(work.resolve("config/application.yml"), "x: 1");
		assertThat(DirectDatabase.localConfiguration(work)).isTrue();
		Files.delete(work.resolve("config/application.yml"));
		Files.writeString(work.resolve("application.yaml"), "x: 1");
		assertThat(DirectDatabase.localConfiguration(work)).isTrue();
	}

	@Test
	void statusPrintsTheSameScreenWithAndWithoutSpring() throws Exception {
		Path data = dir.resolve("data");
		Files.createDirectories(data.resolve("inbox"));
		Files.writeString(data.resolve("inbox/s.csv"),
				"pole_id,period,indicator,value\nPTCE-0001,2024,JOBS_FTE,3\n" + "PTCE-0001,2024,NO_SUCH,3\n");
		Path registry = dir.resolve("registry.csv");
		Files.writeString(registry, "pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n"
				+ "PTCE-0001,A,75056,2015,,association,CULTURE,,,yes\n");
		assertThat(CommandLineTest.run("--data-dir", data.toString(), "--registry", registry.toString(), "ingest")
			.status()).isZero();
		assertThat(CommandLineTest
			.run("--data-dir", data.toString(), "--registry", registry.toString(), "aggregate", "--year", "2024")
			.status()).isZero();

		CommandLineTest.Run direct = CommandLineTest.run("--data-dir", data.toString(), "status");
		// any Spring property on the command line: status starts Spring as it used to
		CommandLineTest.Run spring = CommandLineTest.run("--data-dir", data.toString(), "--spring.main.banner-mode=off",
				"status");

		assertThat(direct.status()).isZero();
		assertThat(direct.out()).isEqualTo(spring.out());
		assertThat(direct.out()).contains("#2", "aggregateJob", "#1", "ingestJob", "ingestFilesStep",
				"read 2, written 1, filtered 1", "aggregate  2024  COMPLETED  run #2", "s.csv");
	}

	@Test
	void statusOnADirectoryWhereNothingRanSaysSo() {
		CommandLineTest.Run status = CommandLineTest.run("--data-dir", dir.resolve("new").toString(), "status");
		assertThat(status.status()).isZero();
		assertThat(status.out()).contains("Job executions (most recent first):\n  none yet");
		assertThat(dir.resolve("new/inbox")).isDirectory();
	}

}
