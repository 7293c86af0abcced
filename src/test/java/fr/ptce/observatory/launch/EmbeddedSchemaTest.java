package fr.ptce.observatory.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema of a fresh data directory created without Flyway is Flyway's: every table,
 * index and constraint, and the schema history row by row (checksums included), so that
 * Flyway validates it and finds nothing to migrate.
 */
class EmbeddedSchemaTest {

	private static final String OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE";

	@TempDir
	Path dir;

	@Test
	void theMigrationsAreTheFilesOfDbMigrationH2InOrder() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources", EmbeddedSchema.LOCATION))) {
			List<String> names = files.map(p -> p.getFileName().toString())
				.filter(n -> n.matches("V\\d+__.*\\.sql"))
				.sorted((a, b) -> Integer.compare(Integer.parseInt(EmbeddedSchema.version(a)),
						Integer.parseInt(EmbeddedSchema.version(b))))
				.toList();
			assertThat(EmbeddedSchema.MIGRATIONS).isEqualTo(names);
		}
		assertThat(EmbeddedSchema.version(EmbeddedSchema.MIGRATIONS.get(EmbeddedSchema.MIGRATIONS.size() - 1)))
			.isEqualTo(SchemaVersion.LATEST);
	}

	@Test
	void theSchemaAndItsHistoryAreFlyways() throws Exception {
		EmbeddedSchema.create(dir.resolve("ours"), "observatory", OPTIONS);
		String flyways = url(dir.resolve("flyway"));
		Flyway.configure().dataSource(flyways, "sa", "").locations("classpath:db/migration/h2").load().migrate();

		try (Connection ours = DriverManager.getConnection(url(dir.resolve("ours")) + ";IFEXISTS=TRUE", "sa", "");
				Connection theirs = DriverManager.getConnection(flyways, "sa", "")) {
			assertThat(schema(ours)).isEqualTo(schema(theirs))
				.anyMatch(l -> l.contains("BATCH_JOB_EXECUTION"))
				.anyMatch(l -> l.contains("flyway_schema_history_s_idx"));
			String history = "SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"script\","
					+ " \"checksum\", \"installed_by\", \"success\" FROM \"flyway_schema_history\""
					+ " ORDER BY \"installed_rank\"";
			assertThat(lines(ours, history)).isEqualTo(lines(theirs, history)).hasSize(6);
			assertThat(SchemaVersion.isCurrent(ours)).isTrue();
		}

		MigrateResult again = Flyway.configure()
			.dataSource(url(dir.resolve("ours")), "sa", "")
			.locations("classpath:db/migration/h2")
			.validateMigrationNaming(true)
			.load()
			.migrate();
		assertThat(again.migrationsExecuted).isZero();
		assertThat(again.success).isTrue();
	}

	@Test
	void anExistingDatabaseIsLeftAsItIs() throws Exception {
		Path folder = dir.resolve("db");
		EmbeddedSchema.create(folder, "observatory", OPTIONS);
		try (Connection connection = DriverManager.getConnection(url(folder), "sa", "");
				Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO OBS_SUBMISSION (RUN_ID, FILE_NAME, SHA256, STATUS, INGESTED_AT, ROWS_READ,"
					+ " ROWS_ACCEPTED, ROWS_REJECTED, ROWS_WITH_WARNINGS, STORED_AS)"
					+ " VALUES ('1', 'f.csv', 'x', 'ACCEPTED', CURRENT_TIMESTAMP, 1, 1, 0, 0, 'archive/f.csv')");
		}
		EmbeddedSchema.create(folder, "observatory", OPTIONS);
		try (Connection connection = DriverManager.getConnection(url(folder), "sa", "")) {
			assertThat(lines(connection, "SELECT FILE_NAME FROM OBS_SUBMISSION")).containsExactly("f.csv");
		}
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly("observatory.mv.db");
		}
	}

	private static String url(Path folder) {
		return "jdbc:h2:file:" + folder.resolve("observatory") + OPTIONS;
	}

	/** The DDL of the database, but for its user's password salt (random). */
	private static List<String> schema(Connection connection) throws Exception {
		return lines(connection, "SCRIPT NODATA").stream().filter(l -> !l.startsWith("CREATE USER")).toList();
	}

	private static List<String> lines(Connection connection, String query) throws Exception {
		List<String> lines = new ArrayList<>();
		try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				StringBuilder line = new StringBuilder();
				for (int i = 1; i <= columns; i++) {
					line.append(i > 1 ? "|" : "").append(rs.getString(i));
				}
				lines.add(line.toString());
			}
		}
		return lines;
	}

}
