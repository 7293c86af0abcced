package fr.ptce.observatory.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ptce.observatory.ObservatoryApplication;
import fr.ptce.observatory.launch.SchemaVersion;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.referential.Registry;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for one command, with the global options as properties.
 * Command-line runs are not web applications and never start the scheduler
 * (spring.quartz.auto-startup is false but for `serve`), so that triggers persisted by a
 * server never fire from a command.
 *
 * A command (not `serve`) starts the smallest application that does its work:
 * {@link CommandApplication} (the auto-configurations of a job only), every bean lazy (a
 * command builds the beans it asks for and theirs: the referential where a job reads it,
 * the publication templates for `report`...), and Flyway only when the schema is behind
 * the newest migration of the jar.
 */
public final class ApplicationContexts {

	/**
	 * Spring Boot's background pre-initialization warms Jackson, Tomcat and the HTTP
	 * converters on another thread, for a server; a command uses none of them and would
	 * pay for it on a shared core.
	 */
	static final String NO_PREINITIALIZATION = "spring.backgroundpreinitializer.ignore";

	private ApplicationContexts() {
	}

	public static ConfigurableApplicationContext start(GlobalOptions global, Path dataDir) {
		return start(global, dataDir, WebApplicationType.NONE, Map.of());
	}

	public static ConfigurableApplicationContext start(GlobalOptions global, Path dataDir, WebApplicationType web,
			Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("observatory.data-dir", dataDir.toAbsolutePath().normalize().toString());
		if (global.registry() != null) {
			properties.put("observatory.registry", global.registryProperty());
		}
		if (global.partners() != null) {
			properties.put("observatory.partners-file", global.partnersProperty());
		}
		boolean command = web == WebApplicationType.NONE;
		if (command) {
			properties.put("spring.main.lazy-initialization", "true");
			System.setProperty(NO_PREINITIALIZATION, "true");
		}
		properties.putAll(extra);
		Optional<Connection> held = command ? schemaCheck(global, dataDir, properties) : Optional.empty();
		// as command-line arguments, the highest precedence: above application.yml's
		// defaults
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		args.addAll(global.springArguments());
		try {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(
					command ? CommandApplication.class : ObservatoryApplication.class)
				.web(web)
				.logStartupInfo(false)
				.run(args.toArray(String[]::new));
			if (command) {
				checkGivenFiles(global, context);
			}
			return context;
		}
		finally {
			held.ifPresent(ApplicationContexts::close);
		}
	}

	/**
	 * Beans are lazy, so a registry or partners file given on the command line is loaded
	 * here when the command does not read it: a bad file stops every command with its
	 * line and reason, as before.
	 */
	private static void checkGivenFiles(GlobalOptions global, ConfigurableApplicationContext context) {
		try {
			if (global.registry() != null) {
				context.getBean(Registry.class);
			}
			if (global.partners() != null) {
				context.getBean(Partners.class);
			}
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	/**
	 * With the default embedded database, creates it with its schema when it does not
	 * exist yet ({@code launch/EmbeddedSchema}), and switches Flyway off when the schema
	 * is current (Flyway would scan the jar and check every migration). The connection is
	 * held open while Spring starts, so that the pool finds the database already open
	 * rather than opening its files again.
	 */
	private static Optional<Connection> schemaCheck(GlobalOptions global, Path dataDir,
			Map<String, Object> properties) {
		if (!DirectDatabase.applies(global)) {
			return Optional.empty();
		}
		try {
			Optional<Connection> connection = DirectDatabase.openOrCreate(dataDir);
			if (connection.isPresent() && SchemaVersion.isCurrent(connection.get())) {
				properties.put("spring.flyway.enabled", "false");
			}
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			// held by a server, unreadable or not writable: Spring's own start says so,
			// as it always did
			return Optional.empty();
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// only a check: the application has its own connections
		}
	}

}
