package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

/**
 * A command without Spring logs as application.yml says Spring Boot does: its pattern and
 * levels, kept equal here.
 */
class CommandLoggingTest {

	@Test
	void patternAndLevelsAreApplicationYmls() throws Exception {
		EnumerablePropertySource<?> yml = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
			.load("application", new ClassPathResource("application.yml"))
			.get(0);
		assertThat(CommandLogging.PATTERN).isEqualTo(yml.getProperty("logging.pattern.console"));
		Map<String, String> levels = new LinkedHashMap<>();
		for (String name : yml.getPropertyNames()) {
			if (name.startsWith("logging.level.")) {
				levels.put(name.substring("logging.level.".length()), String.valueOf(yml.getProperty(name)));
			}
		}
		assertThat(CommandLogging.LEVELS).containsExactlyEntriesOf(levels);
	}

	@Test
	void levelsGivenAsSpringBootReadsThemWin() {
		Properties properties = new Properties();
		properties.setProperty("logging.level.fr.ptce.observatory", "DEBUG");
		Map<String, String> levels = CommandLogging.levels(properties, Map.of("LOGGING_LEVEL_ORG_APACHE_PARQUET",
				"INFO", "LOGGING_LEVEL_FR_PTCE_OBSERVATORY", "WARN", "LOGGING_LEVEL_ROOT", "ERROR", "PATH", "/bin"));
		assertThat(levels).containsEntry("org.apache.parquet", "INFO")
			.containsEntry("fr.ptce.observatory", "DEBUG")
			.containsEntry("root", "ERROR")
			.containsEntry("org.apache.hadoop", "ERROR")
			.hasSize(CommandLogging.LEVELS.size());
	}

	@Test
	void appliedItPrintsTheObservatorysInfoLinesInThatPattern() {
		PrintStream console = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			context.removeObject(CommandLogging.class.getName());
			CommandLogging.apply();
			LoggerFactory.getLogger("fr.ptce.observatory.aggregate.X").info("agrégé {}", 2025);
			LoggerFactory.getLogger("org.apache.parquet.X").warn("not shown");
			LoggerFactory.getLogger("com.example").info("not shown either");
		}
		finally {
			System.setOut(console);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).matches("\\d\\d:\\d\\d:\\d\\d INFO  agrégé 2025\\R");
		assertThat(context.getLogger("org.apache.parquet").getLevel()).isEqualTo(Level.ERROR);
	}

}
