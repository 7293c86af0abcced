package fr.ptce.observatory.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;

import fr.ptce.observatory.warehouse.AtomicFiles;

/**
 * Creates the embedded H2 database of a fresh data directory as Flyway would, without
 * Flyway: the same migrations of db/migration/h2 run in order by H2 itself, and the same
 * {@code flyway_schema_history} (table, index, rows, checksums), so that Flyway and
 * {@link SchemaVersion} later find it current and an upgrade migrates it as any other.
 * Flyway's start (a thousand classes, the jar scanned, each script parsed) was a fifth of
 * a one-row ingest into a fresh directory. Only for an empty embedded database:
 * PostgreSQL and upgrades stay Flyway's. {@code EmbeddedSchemaTest} compares the result
 * with Flyway's, table by table and row by row.
 *
 * The database is built in a folder of its own, then linked into place: a process killed
 * meanwhile leaves no half-created schema, and of two processes creating it at once one
 * wins and the other uses it.
 */
public final class EmbeddedSchema {

	/** The migrations of db/migration/h2, in order (checked by EmbeddedSchemaTest). */
	static final List<String> MIGRATIONS = List.of("V1__spring_batch.sql", "V2__submissions.sql", "V3__quartz.sql",
			"V4__deliveries.sql", "V5__partner_downloads.sql");

	static final String LOCATION = "db/migration/h2/";

	private static final String HISTORY = "\"PUBLIC\".\"flyway_schema_history\"";

	private EmbeddedSchema() {
	}

	/**
	 * Creates {@code folder/NAME.mv.db} with the schema, unless it exists or another
	 * process creates it meanwhile. {@code options} are the URL's
	 * (";DB_CLOSE_ON_EXIT=FALSE").
	 */
	public static void create(Path folder, String name, String options) throws SQLException {
		Path target = folder.resolve(name + ".mv.db");
		if (Files.exists(target)) {
			return;
		}
		Path work = folder.resolve(".new-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		try {
			Files.createDirectories(work);
			try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + work.resolve(name) + options,
					"sa", "")) {
				migrate(connection);
			}
			try {
				Files.createLink(target, work.resolve(name + ".mv.db"));
			}
			catch (FileAlreadyExistsException ex) {
				// another process created it first: the same schema
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the database in " + folder + ": " + ex.getMessage(), ex);
		}
		finally {
			AtomicFiles.deleteTree(work);
		}
	}

	/** Flyway's history table for H2, then each migration with its row. */
	static void migrate(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE " + HISTORY + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50),"
					+ " \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL,"
					+ " \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
					+ " \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
					+ " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL,"
					+ " CONSTRAINT \"flyway_schema_history_pk\" PRIMARY KEY (\"installed_rank\"))");
			sql.execute("INSERT INTO " + HISTORY + " (\"installed_rank\", \"version\", \"description\", \"type\","
					+ " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (-1, NULL,"
					+ " '<< Flyway Schema History table created >>', 'TABLE', '', NULL, CURRENT_USER, 0, TRUE)");
			sql.execute("CREATE INDEX \"PUBLIC\".\"flyway_schema_history_s_idx\" ON " + HISTORY + " (\"success\")");
		}
		int rank = 1;
		for (String script : MIGRATIONS) {
			long start = System.nanoTime();
			try (Statement sql = connection.createStatement()) {
				sql.execute("RUNSCRIPT FROM 'classpath:/" + LOCATION + script + "'");
			}
			int millis = (int) ((System.nanoTime() - start) / 1_000_000);
			try (PreparedStatement row = connection.prepareStatement("INSERT INTO " + HISTORY
					+ " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\","
					+ " \"installed_by\", \"execution_time\", \"success\") VALUES (?, ?, ?, 'SQL', ?, ?, CURRENT_USER,"
					+ " ?, TRUE)")) {
				row.setInt(1, rank++);
				row.setString(2, version(script));
				row.setString(3, description(script));
				row.setString(4, script);
				row.setInt(5, checksum(script));
				row.setInt(6, millis);
				row.executeUpdate();
			}
		}
	}

	/** V12__partner_downloads.sql: 12. */
	static String version(String script) {
		return script.substring(1, script.indexOf("__"));
	}

	/** V5__partner_downloads.sql: "partner downloads". */
	static String description(String script) {
		return script.substring(script.indexOf("__") + 2, script.length() - ".sql".length()).replace('_', ' ');
	}

	/**
	 * Flyway's checksum of a script: CRC-32 of its lines in UTF-8, without line breaks
	 * nor byte-order mark.
	 */
	static int checksum(String script) {
		CRC32 crc = new CRC32();
		try (InputStream in = EmbeddedSchema.class.getClassLoader().getResourceAsStream(LOCATION + script)) {
			if (in == null) {
				throw new IllegalStateException("no migration " + script + " in the jar");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			boolean first = true;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (first && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				first = false;
				crc.update(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (int) crc.getValue();
	}

}
