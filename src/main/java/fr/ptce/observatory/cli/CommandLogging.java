package fr.ptce.observatory.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * The console logging of application.yml (its logging section: pattern and levels) for a
 * command that runs without Spring Boot, which otherwise sets it up: without it, logback
 * would print its DEBUG defaults in its own format. {@code CommandLoggingTest} keeps
 * these equal to application.yml.
 */
final class CommandLogging {

	/** application.yml's logging.pattern.console. */
	static final String PATTERN = "%d{HH:mm:ss} %-5level %msg%n";

	/** application.yml's logging.level, in its order. */
	static final Map<String, String> LEVELS = levels();

	private CommandLogging() {
	}

	private static Map<String, String> levels() {
		Map<String, String> levels = new LinkedHashMap<>();
		levels.put("root", "WARN");
		levels.put("fr.ptce.observatory", "INFO");
		levels.put("org.apache.parquet", "ERROR");
		levels.put("org.apache.hadoop", "ERROR");
		levels.put("org.flywaydb", "ERROR");
		levels.put("org.springframework.boot.SpringApplication", "OFF");
		levels.put("org.springframework.context.support", "ERROR");
		levels.put("org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
		return levels;
	}

	/** Replaces logback's configuration with application.yml's, once per process. */
	static synchronized void apply() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
				|| context.getObject(CommandLogging.class.getName()) != null) {
			return;
		}
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern(PATTERN);
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName("CONSOLE");
		console.setEncoder(encoder);
		console.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
		levels(System.getProperties(), System.getenv())
			.forEach((name, level) -> context.getLogger(name.equals("root") ? Logger.ROOT_LOGGER_NAME : name)
				.setLevel(Level.toLevel(level)));
		context.putObject(CommandLogging.class.getName(), Boolean.TRUE);
	}

	private static final String PROPERTY_PREFIX = "logging.level.";

	private static final String ENVIRONMENT_PREFIX = "LOGGING_LEVEL_";

	/**
	 * application.yml's levels, then those given as Spring Boot reads them: environment
	 * variables ({@code LOGGING_LEVEL_FR_PTCE_OBSERVATORY=DEBUG}), then system properties
	 * ({@code -Dlogging.level.fr.ptce.observatory=DEBUG}), which win.
	 */
	static Map<String, String> levels(Properties properties, Map<String, String> environment) {
		Map<String, String> levels = new LinkedHashMap<>(LEVELS);
		environment.forEach((name, value) -> {
			if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()) {
				levels.put(name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
						value);
			}
		});
		for (String name : properties.stringPropertyNames()) {
			if (name.startsWith(PROPERTY_PREFIX) && name.length() > PROPERTY_PREFIX.length()) {
				levels.put(name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name));
			}
		}
		return levels;
	}

}
