package fr.ptce.observatory.cli;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
		LEVELS.forEach((name, level) -> context.getLogger(name.equals("root") ? Logger.ROOT_LOGGER_NAME : name)
			.setLevel(Level.toLevel(level)));
		context.putObject(CommandLogging.class.getName(), Boolean.TRUE);
	}

}
