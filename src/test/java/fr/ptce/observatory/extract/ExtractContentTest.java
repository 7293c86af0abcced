package fr.ptce.observatory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.partners.Partner;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.warehouse.Sha256;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every partner's extract holds, read back by DuckDB (an independent Parquet and CSV
 * reader) and compared with the warehouse: the aggregates as they are, the pole rule both
 * ways, no measure in a confidential cell, CSV equal to Parquet, the metadata and the
 * datapackage.
 */
class ExtractContentTest {

	@TempDir
	static Path root;

	static ExtractFixture fixture;

	static Partners partners = Partners.bundled();

	static ExtractBuilder.Result result;

	@BeforeAll
	static void extract() {
		fixture = new ExtractFixture(root);
		result = new ExtractBuilder(fixture.dir, fixture.registry, fixture.catalogue, partners,
				Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC), e -> {
				}, 2)
			.build(ExtractFixture.YEAR, null);
	}

	static Path folder(Partner p) {
		return fixture.dir.extracts(p.code()).resolve("2025").resolve(ExtractFixture.VERSION);
	}

	static String sql(Path p) {
		return "'" + p.toString().replace("'", "''") + "'";
	}

	static long count(Statement st, String query) throws SQLException {
		try (ResultSet rs = st.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Test
	void theAggregatesAreTheWarehouseCellsOfTheTenYearsExactly() throws Exception {
		String warehouse = "SELECT CAST(year AS INTEGER) AS year, * EXCLUDE (year) FROM read_parquet("
				+ sql(fixture.dir.table("aggregates").resolve("*/*.parquet")) + ", hive_partitioning = true)";
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			long cells = count(st, "SELECT count(*) FROM (" + warehouse + ")");
			assertThat(count(st, "SELECT count(DISTINCT year) FROM (" + warehouse + ")")).isEqualTo(10);
			for (Partner p : partners.all()) {
				String extract = "SELECT * FROM read_parquet(" + sql(folder(p).resolve("aggregates.parquet")) + ")";
				assertThat(count(st, "SELECT count(*) FROM (" + extract + ")")).as(p.code()).isEqualTo(cells);
				assertThat(count(st, "SELECT count(*) FROM (" + extract + " EXCEPT ALL " + warehouse + ")")).isZero();
				assertThat(count(st, "SELECT count(*) FROM (" + warehouse + " EXCEPT ALL " + extract + ")")).isZero();
			}
		}
	}

	/**
	 * extracts.md: members of one of the partner's networks AND open_data = yes, computed
	 * here from the CSV.
	 */
	@Test
	void poleLevelRowsAreThoseOfConsentingMembersOnlyAndAllOfTheirValues() throws Exception {
		String registry = "read_csv(" + sql(fixture.registryFile) + ", all_varchar = true)";
		String values = "SELECT CAST(year AS INTEGER) AS year, pole_id, indicator, value, imputed, n_quarters FROM "
				+ "read_parquet(" + sql(fixture.dir.table("pole_values").resolve("*/*.parquet"))
				+ ", hive_partitioning = true)";
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			for (Partner p : partners.all()) {
				String networks = "['" + String.join("','", p.networks()) + "']";
				String member = "list_has_any(string_split(coalesce(networks, ''), '|'), " + networks + ")";
				// given the registry has, for this partner, all three kinds of poles
				assertThat(count(st, "SELECT count(*) FROM " + registry + " WHERE " + member + " AND open_data = 'no'"))
					.as("members without consent of " + p.code())
					.isPositive();
				assertThat(count(st,
						"SELECT count(*) FROM " + registry + " WHERE NOT " + member + " AND open_data = 'yes'"))
					.as("consenting poles of other networks")
					.isPositive();
				String visible = "SELECT pole_id FROM " + registry + " WHERE " + member + " AND open_data = 'yes'";
				assertThat(count(st, "SELECT count(*) FROM (" + visible + ")")).isPositive();
				// then poles.parquet holds exactly the consenting members
				String poles = "SELECT pole_id FROM read_parquet(" + sql(folder(p).resolve("poles.parquet")) + ")";
				assertThat(count(st, "SELECT count(*) FROM ((" + poles + ") EXCEPT (" + visible + "))")).isZero();
				assertThat(count(st, "SELECT count(*) FROM ((" + visible + ") EXCEPT (" + poles + "))")).isZero();
				// and pole_values.parquet exactly their values of the ten years, no one
				// else's
				String expected = values + " WHERE pole_id IN (" + visible + ")";
				String extract = "SELECT * FROM read_parquet(" + sql(folder(p).resolve("pole_values.parquet")) + ")";
				assertThat(count(st, "SELECT count(*) FROM (" + expected + ")")).isPositive();
				assertThat(count(st, "SELECT count(*) FROM (" + extract + " EXCEPT ALL " + expected + ")")).isZero();
				assertThat(count(st, "SELECT count(*) FROM (" + expected + " EXCEPT ALL " + extract + ")")).isZero();
			}
		}
		// and the poles of every kind are seen by the plain rule as well
		for (Pole pole : fixture.registry.poles()) {
			boolean member = pole.networks().stream().anyMatch(partners.find("RTES").networks()::contains);
			assertThat(partners.find("RTES").maySee(pole)).isEqualTo(member && pole.openData());
		}
	}

	@Test
	void noPartnerFindsAMeasureInACellThatIsNotFree() throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			for (Partner p : partners.all()) {
				String cells = "read_parquet(" + sql(folder(p).resolve("aggregates.parquet")) + ")";
				// given confidential cells of every kind are there, with their counts
				assertThat(count(st, "SELECT count(DISTINCT conf_status) FROM " + cells + " WHERE conf_status <> 'F'"))
					.isGreaterThanOrEqualTo(2);
				assertThat(
						count(st, "SELECT count(*) FROM " + cells + " WHERE conf_status <> 'F' AND n_respondents > 0"))
					.isPositive();
				// then none holds a measure, in Parquet, in CSV or in SDMX
				String measures = "coalesce(total, mean, median, p25, p75, density, yoy_pct, yoy_constant_pct, ma3)";
				assertThat(count(st,
						"SELECT count(*) FROM " + cells + " WHERE conf_status <> 'F' AND " + measures + " IS NOT NULL"))
					.isZero();
				assertThat(count(st, "SELECT count(*) FROM read_csv(" + sql(folder(p).resolve("csv/aggregates.csv"))
						+ ") WHERE conf_status <> 'F' AND " + measures + " IS NOT NULL"))
					.isZero();
				assertThat(count(st,
						"SELECT count(*) FROM read_csv(" + sql(folder(p).resolve("aggregates.sdmx.csv"))
								+ ", all_varchar = true) WHERE CONF_STATUS <> 'F' AND coalesce(OBS_VALUE, '') <> ''"))
					.isZero();
				// and free cells do have theirs
				assertThat(
						count(st, "SELECT count(*) FROM " + cells + " WHERE conf_status = 'F' AND total IS NOT NULL"))
					.isPositive();
			}
		}
	}

	@Test
	void everyCsvHoldsTheRowsOfItsParquetFile() throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			for (Partner p : partners.all()) {
				for (ExtractTable<?> table : ExtractTables.ALL) {
					String parquet = "SELECT * FROM read_parquet(" + sql(folder(p).resolve(table.parquetFile())) + ")";
					// the CSV read with the Parquet file's column types, as a partner's
					// schema-aware tool would
					String csv = "SELECT * FROM read_csv(" + sql(folder(p).resolve(table.csvFile()))
							+ ", header = true, columns = " + columns(st, parquet) + ")";
					assertThat(count(st, "SELECT count(*) FROM (" + parquet + ")"))
						.isEqualTo(count(st, "SELECT count(*) FROM (" + csv + ")"));
					assertThat(count(st, "SELECT count(*) FROM (" + parquet + " EXCEPT ALL " + csv + ")"))
						.as(p.code() + " " + table.name())
						.isZero();
				}
				long sdmx = count(st,
						"SELECT count(*) FROM read_csv(" + sql(folder(p).resolve("aggregates.sdmx.csv")) + ")");
				assertThat(sdmx).isEqualTo(count(st,
						"SELECT count(*) FROM read_parquet(" + sql(folder(p).resolve("aggregates.parquet")) + ")"));
			}
		}
	}

	private static String columns(Statement st, String query) throws SQLException {
		List<String> cols = new ArrayList<>();
		try (ResultSet rs = st.executeQuery("DESCRIBE " + query)) {
			while (rs.next()) {
				cols.add("'" + rs.getString(1) + "': '" + rs.getString(2) + "'");
			}
		}
		return "{" + String.join(", ", cols) + "}";
	}

	@Test
	void parquetFilesCarryTheProvenanceThePartnerAndTheVersion() throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			for (Partner p : partners.all()) {
				for (ExtractTable<?> table : ExtractTables.ALL) {
					Map<String, String> kv = new HashMap<>();
					try (ResultSet rs = st.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
							+ sql(folder(p).resolve(table.parquetFile())) + ")")) {
						while (rs.next()) {
							kv.put(rs.getString(1), rs.getString(2));
						}
					}
					assertThat(kv).containsEntry("observatory.partner", p.code())
						.containsEntry("observatory.extract_version", ExtractFixture.VERSION)
						.containsEntry("observatory.as_of", "2026-03-31T06:00:00Z")
						.containsEntry("observatory.catalogue_sha256", fixture.catalogue.sha256())
						.containsEntry("observatory.registry_sha256", fixture.registry.sha256())
						.containsKeys("observatory.schema_version", "observatory.software_version");
					try (ResultSet rs = st.executeQuery("SELECT DISTINCT compression FROM parquet_metadata("
							+ sql(folder(p).resolve(table.parquetFile())) + ")")) {
						rs.next();
						assertThat(rs.getString(1)).isEqualToIgnoringCase("ZSTD");
						assertThat(rs.next()).isFalse();
					}
				}
			}
		}
	}

	@Test
	void theDataPackageDescribesEveryFileWithItsSizeHashAndColumns() throws Exception {
		for (Partner p : partners.all()) {
			JsonNode pkg = JsonMapper.builder()
				.build()
				.readTree(Files.readString(folder(p).resolve("datapackage.json")));
			assertThat(pkg.get("version").asString()).isEqualTo(ExtractFixture.VERSION);
			assertThat(pkg.get("observatory:as_of").get("2016").asString()).isEqualTo("2026-03-31T06:00:00Z");
			assertThat(pkg.get("observatory:registry_sha256").asString()).isEqualTo(fixture.registry.sha256());
			List<String> paths = new ArrayList<>();
			for (JsonNode r : pkg.get("resources")) {
				Path file = folder(p).resolve(r.get("path").asString());
				paths.add(r.get("path").asString());
				assertThat(r.get("bytes").asLong()).isEqualTo(Files.size(file));
				assertThat(r.get("hash").asString()).isEqualTo("sha256:" + Sha256.of(file));
				if (r.get("format").asString().equals("parquet")) {
					assertThat(r.get("mediatype").asString()).isEqualTo("application/vnd.apache.parquet");
					List<String> fields = new ArrayList<>();
					r.get("schema").get("fields").forEach(f -> {
						fields.add(f.get("name").asString());
						assertThat(f.get("description").asString()).isNotBlank();
					});
					assertThat(fields).isEqualTo(parquetColumns(file));
				}
			}
			assertThat(paths).hasSize(11).contains("aggregates.sdmx.csv", "csv/pole_values.csv", "poles.parquet");
		}
	}

	private static List<String> parquetColumns(Path file) throws SQLException {
		List<String> cols = new ArrayList<>();
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + sql(file) + ")")) {
			while (rs.next()) {
				cols.add(rs.getString(1));
			}
		}
		return cols;
	}

	@Test
	void theBuildReportsEveryPartnerWritten() {
		assertThat(result.outcomes()).extracting(ExtractBuilder.Outcome::partner)
			.containsExactly("LABO_ESS", "RTES", "COORACE", "MES", "ESS_FRANCE");
		assertThat(result.outcomes()).allMatch(ExtractBuilder.Outcome::written);
		assertThat(result.rowsWritten()).isPositive();
	}

}
