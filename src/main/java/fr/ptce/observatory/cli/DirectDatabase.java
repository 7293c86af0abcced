package fr.ptce.observatory.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import fr.ptce.observatory.launch.EmbeddedSchema;
import fr.ptce.observatory.launch.SchemaVersion;

/**
 * The embedded database of a data directory opened without Spring, for a command that
 * only reads it ({@code status}): the JVM and the query are all it costs. Used only when
 * nothing could move the database elsewhere (no Spring property on the command line, in
 * the environment or in a local application.yml); otherwise the command starts Spring as
 * before. The URL is the one application.yml gives ({@code DirectDatabaseTest} compares
 * them).
 */
final class DirectDatabase {

	private DirectDatabase() {
	}

	/**
	 * Whether Spring Boot would read a configuration file from this working directory:
	 * its default locations ./, ./config/ and ./config/{@literal *}/ (a folder config/ of
	 * other files, such as the build's config/checkstyle/, is not one).
	 */
	static boolean localConfiguration(Path workingDirectory) {
		List<Path> folders = new ArrayList<>(List.of(workingDirectory, workingDirectory.resolve("config")));
		try (DirectoryStream<Path> below = Files.newDirectoryStream(workingDirectory.resolve("config"),
				Files::isDirectory)) {
			below.forEach(folders::add);
		}
		catch (IOException ex) {
			// no config/ folder, or not readable: nothing Spring would read there either
		}
		for (Path folder : folders) {
			for (String name : List.of("application.yml", "application.yaml", "application.properties")) {
				if (Files.exists(folder.resolve(name))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The options of application.yml's spring.datasource.url. */
	private static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE";

	/** The URL of application.yml's spring.datasource.url for this data directory. */
	static String url(Path dataDir) {
		return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize() + "/db/observatory" + OPTIONS;
	}

	/**
	 * A connection to the data directory's database, created first with its schema when
	 * it does not exist yet (a fresh data directory), without Flyway.
	 */
	static Optional<Connection> openOrCreate(Path dataDir) throws SQLException {
		if (!Files.exists(dataDir.resolve("db").resolve("observatory.mv.db"))) {
			CommandLogging.apply();
			EmbeddedSchema.create(dataDir.toAbsolutePath().normalize().resolve("db"), "observatory", OPTIONS);
		}
		return open(dataDir);
	}

	/**
	 * {@link #openOrCreate}, when its schema is the jar's newest; empty (the connection
	 * closed) when it is behind, which Flyway migrates in the Spring application.
	 */
	static Optional<Connection> openCurrent(Path dataDir) throws SQLException {
		Connection connection = openOrCreate(dataDir).orElseThrow();
		try {
			if (SchemaVersion.isCurrent(connection)) {
				return Optional.of(connection);
			}
		}
		catch (RuntimeException ex) {
			connection.close();
			throw ex;
		}
		connection.close();
		return Optional.empty();
	}

	/**
	 * Whether the default embedded database is certainly the one Spring would open, and
	 * the registry and partners file those of the command line or the bundled ones.
	 */
	static boolean applies(GlobalOptions global) {
		if (!global.springArguments().isEmpty() || localConfiguration(Path.of(""))) {
			return false;
		}
		return applies(System.getenv(), System.getProperties());
	}

	/**
	 * The environment and system properties: none of Spring's, and none that Spring would
	 * bind to the files a command without it reads (observatory.registry,
	 * observatory.partners-file, in any of Spring Boot's relaxed forms).
	 */
	static boolean applies(Map<String, String> environment, Properties properties) {
		boolean env = environment.keySet()
			.stream()
			.anyMatch(
					k -> k.startsWith("SPRING_") || READ_FILES.contains(k.replace("_", ".").toLowerCase(Locale.ROOT)));
		boolean props = properties.stringPropertyNames()
			.stream()
			.anyMatch(k -> k.startsWith("spring.") && !k.equals(ApplicationContexts.NO_PREINITIALIZATION)
					|| READ_FILES.contains(k.replace("-", "").toLowerCase(Locale.ROOT)));
		return !env && !props;
	}

	/**
	 * ObservatoryProperties' registry and partners file, in Spring Boot's uniform form
	 * (lower case, no dashes).
	 */
	private static final Set<String> READ_FILES = Set.of("observatory.registry", "observatory.partnersfile");

	/**
	 * A connection to the data directory's database, or empty when it was never created
	 * (nothing ran yet).
	 */
	static Optional<Connection> open(Path dataDir) throws SQLException {
		if (!Files.exists(dataDir.resolve("db").resolve("observatory.mv.db"))) {
			return Optional.empty();
		}
		CommandLogging.apply();
		return Optional.of(DriverManager.getConnection(url(dataDir) + ";IFEXISTS=TRUE", "sa", ""));
	}

}
