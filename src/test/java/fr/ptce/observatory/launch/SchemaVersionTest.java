package fr.ptce.observatory.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newest migration known at build time, and the check that spares a command Flyway
 * when it is current.
 */
class SchemaVersionTest {

	@TempDir
	Path dir;

	@Test
	void latestIsTheNewestMigrationOfEachVendor() throws IOException {
		for (String vendor : new String[] { "h2", "postgresql" }) {
			try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", vendor))) {
				int newest = files.map(p -> p.getFileName().toString())
					.filter(n -> n.matches("V\\d+__.*\\.sql"))
					.mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
					.max()
					.orElseThrow();
				assertThat(Integer.toString(newest)).as(vendor).isEqualTo(SchemaVersion.LATEST);
			}
		}
	}

	@Test
	void aMigratedDatabaseIsCurrentAndAnEmptyOneIsNot() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("db/observatory") + ";DB_CLOSE_ON_EXIT=FALSE";
		try (Connection empty = DriverManager.getConnection(url, "sa", "")) {
			assertThat(SchemaVersion.isCurrent(empty)).isFalse();
			H2Migrations.migrateTo(url, "4");
			assertThat(SchemaVersion.isCurrent(empty)).as("behind: V4 of V" + SchemaVersion.LATEST).isFalse();
			H2Migrations.migrateTo(url, SchemaVersion.LATEST);
			assertThat(SchemaVersion.isCurrent(empty)).isTrue();
		}
	}

}
