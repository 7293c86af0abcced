package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's figures recomputed independently with DuckDB SQL: the yearly values from the
 * observation files (current rows as of the instant, annualisation), and the national and
 * regional totals, counts and medians over the pole_values files the job wrote.
 */
class DuckDbCrossCheckTest {

	@TempDir
	Path root;

	@Test
	void yearlyValuesAndNationalAndRegionalCellsAgreeWithDuckDb() throws Exception {
		// given a random registry of 150 poles in four regions and two years of
		// observations with revisions
		Random random = new Random(20260326L);
		Catalogue catalogue = Catalogue.bundled();
		Registry registry = RandomStore.registry(random, 150, 40, List.of("11", "84", "93", "53"), 2020,
				root.resolve("registry.csv"));
		DataDirectory dir = new DataDirectory(root.resolve("data"));
		dir.createLayout();
		RandomStore.observations(random, registry, catalogue, dir, 2023, 2024, 0.8);
		// as of an instant between the two ingest runs: the corrections are left out
		Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
		AggregateEngine engine = new AggregateEngine(registry, catalogue, RandomStore.GEO, dir,
				new Provenance(asOf, catalogue.sha256(), registry.sha256(), "test"), 2);
		engine.run(2023, 2024, asOf, s -> {
		});
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			st.execute(
					"CREATE TABLE poles (pole_id VARCHAR, region VARCHAR, departement VARCHAR, created INT, closed INT)");
			try (var insert = db.prepareStatement("INSERT INTO poles VALUES (?, ?, ?, ?, ?)")) {
				for (Pole p : registry.poles()) {
					insert.setString(1, p.id());
					insert.setString(2, p.region());
					insert.setString(3, p.departement());
					insert.setInt(4, p.created());
					insert.setObject(5, p.closed());
					insert.addBatch();
				}
				insert.executeBatch();
			}
			// then the yearly values of expected poles are those DuckDB derives from the
			// observations
			String reference = "SELECT r.* FROM ("
					+ DuckDbReference.yearlyValues(dir.root(), Timestamps.toMicros(asOf), catalogue)
					+ ") r JOIN poles p USING (pole_id) WHERE p.created <= r.year"
					+ " AND (p.closed IS NULL OR p.closed >= r.year)";
			String written = "SELECT year, pole_id, indicator, value FROM read_parquet('"
					+ dir.table(Tables.POLE_VALUES) + "/*/*.parquet', hive_partitioning = true)"
					+ " WHERE indicator NOT IN ('ESS_SHARE', 'PUBLIC_FUNDING_SHARE', 'GOV_PARTICIPATION')";
			long referenceRows = count(st, reference);
			assertThat(referenceRows).isGreaterThan(3000);
			assertThat(count(st, written)).isEqualTo(referenceRows);
			assertThat(count(st, "SELECT * FROM (" + reference + ") r JOIN (" + written + ") w"
					+ " USING (year, pole_id, indicator) WHERE abs(r.value - w.value) <= 1e-9 * greatest(1, abs(r.value))"))
				.isEqualTo(referenceRows);
			// and the national and regional cells: counts always, totals and medians
			// where published
			String pv = "SELECT year, pole_id, indicator, value FROM read_parquet('" + dir.table(Tables.POLE_VALUES)
					+ "/*/*.parquet', hive_partitioning = true)";
			Map<String, double[]> duck = new HashMap<>();
			try (ResultSet rs = st.executeQuery(DuckDbReference.cells(pv))) {
				while (rs.next()) {
					duck.put(
							rs.getInt("year") + "/" + rs.getString("indicator") + "/" + rs.getString("level") + "/"
									+ rs.getString("area"),
							new double[] { rs.getLong("n"), rs.getDouble("total"), rs.getDouble("median") });
				}
			}
			int compared = 0;
			int published = 0;
			int withMedian = 0;
			for (int year = 2023; year <= 2024; year++) {
				for (AggregateCell cell : TableReaders.readPartition(dir, Tables.AGGREGATES, year,
						TableReaders::aggregates)) {
					if (!cell.level().equals("national") && !cell.level().equals("region")
							&& !cell.level().equals("departement")) {
						continue;
					}
					double[] expected = duck.getOrDefault(
							year + "/" + cell.indicator() + "/" + cell.level() + "/" + cell.area(),
							new double[] { 0, Double.NaN, Double.NaN });
					assertThat(cell.nRespondents()).as(cell.toString()).isEqualTo((int) expected[0]);
					compared++;
					if (cell.confStatus().equals("F")) {
						published++;
						if (cell.nRespondents() >= Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES) {
							withMedian++;
							assertThat(cell.median()).as(cell.toString())
								.isCloseTo(expected[2], within(1e-9 * Math.max(1, Math.abs(expected[2]))));
						}
						else {
							assertThat(cell.median()).as(cell.toString()).isNull();
						}
						if (!Ratio.isRatio(cell.indicator())) {
							assertThat(cell.total()).as(cell.toString())
								.isCloseTo(expected[1], within(1e-9 * Math.max(1, Math.abs(expected[1]))));
						}
					}
				}
			}
			assertThat(compared).isGreaterThan(200);
			assertThat(published).isGreaterThan(50);
			assertThat(withMedian).isGreaterThan(10);
		}
	}

	private static long count(Statement st, String sql) throws Exception {
		try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + sql + ")")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
