package fr.ptce.observatory.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import fr.ptce.observatory.aggregate.AggregateEngine;
import fr.ptce.observatory.extract.ExtractBuilder;
import fr.ptce.observatory.partners.Partner;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.samples.SampleGenerator;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

/**
 * {@code extract --year 2025} for the five partners of the bundled partners file on the
 * generator's large registry (9,999 poles, networks and open data as the generator draws
 * them) with ten years of observations aggregated by the real engine, against DuckDB
 * writing the same tables (aggregates, trends, poles, pole_values, indicators as Parquet
 * and CSV, and the SDMX-CSV file) for the same partners from the same warehouse with
 * {@code COPY ... TO ... (FORMAT parquet)}, side by side in the same JVM, three rounds
 * each (the first from a cold JVM). Prints both times and the ratio (target: at most 1.5
 * × DuckDB). Run with {@code mvn -o test -Pbench -Dtest=ExtractBenchmark}; the store is
 * generated once under target/bench-extract.
 */
@Tag("benchmark")
class ExtractBenchmark {

	static final int YEAR = 2025;

	static final int FIRST_YEAR = YEAR - 9;

	static final int POLES = 9999;

	static final Path STORE = Path.of("target", "bench-extract");

	static final Instant AS_OF = Instant.parse("2026-03-31T06:00:00Z");

	@Test
	void extractAgainstDuckDb() throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Catalogue catalogue = Catalogue.bundled();
		GeoReferential geo = GeoReferential.bundled();
		DataDirectory dir = new DataDirectory(STORE.resolve("data"));
		Registry registry = store(dir, catalogue, geo);
		Partners partners = Partners.bundled();
		ApplicationEventPublisher nobody = event -> {
		};
		double[] ours = new double[3];
		double[] duck = new double[3];
		long written = 0;
		for (int round = 0; round < ours.length; round++) {
			AtomicFiles.deleteTree(dir.root().resolve("extracts"));
			long t0 = System.nanoTime();
			ExtractBuilder.Result result = new ExtractBuilder(dir, registry, catalogue, partners,
					Clock.fixed(AS_OF, ZoneOffset.UTC), nobody)
				.build(YEAR, null);
			ours[round] = (System.nanoTime() - t0) / 1e9;
			written = result.rowsWritten();
			duck[round] = duckDb(dir, registry, catalogue, partners);
			System.out.printf("round %d: extract %.2f s, DuckDB %.2f s%n", round + 1, ours[round], duck[round]);
		}
		double best = Math.min(ours[1], ours[2]);
		double bestDuck = Math.min(duck[1], duck[2]);
		System.out.printf(
				"%n%d poles, years %d-%d, %d partners, %,d rows written (each table once per partner); "
						+ "heap max %d MB, %d cores%n",
				registry.size(), FIRST_YEAR, YEAR, partners.all().size(), written,
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
		System.out.printf(
				"extract cold %.2f s, best warm %.2f s; DuckDB cold %.2f s, best warm %.2f s; "
						+ "ratio cold %.2f, warm %.2f (target <= 1.5)%n",
				ours[0], best, duck[0], bestDuck, ours[0] / duck[0], best / bestDuck);
	}

	/**
	 * The generator's large registry, ten years of observations, aggregated: made once,
	 * then reused.
	 */
	static Registry store(DataDirectory dir, Catalogue catalogue, GeoReferential geo) throws Exception {
		Path marker = STORE.resolve("generated");
		Path registryFile = STORE.resolve("registry.csv");
		if (Files.exists(marker)) {
			return Registry.load(registryFile, geo);
		}
		AtomicFiles.deleteTree(STORE);
		long start = System.nanoTime();
		// the registry of generate-samples' benchmark mode (one row of CSV: only its
		// registry is used here)
		Path generated = STORE.resolve("generated-samples");
		new SampleGenerator(
				new SampleGenerator.Options(SampleGenerator.Options.defaults().seed(), POLES, FIRST_YEAR, YEAR, 1, 1))
			.generate(generated, false);
		Files.copy(generated.resolve("registry.csv"), registryFile);
		Registry registry = Registry.load(registryFile, geo);
		dir.createLayout();
		long rows = AggregateBenchmark.generate(registry, catalogue, dir, FIRST_YEAR, YEAR);
		new AggregateEngine(registry, catalogue, geo, dir,
				new Provenance(AS_OF, catalogue.sha256(), registry.sha256(), "bench"),
				Math.min(4, Runtime.getRuntime().availableProcessors()))
			.run(FIRST_YEAR, YEAR, AS_OF, s -> {
			});
		Files.writeString(marker, Long.toString(rows));
		System.out.printf("generated and aggregated %,d observations in %.1f s%n", rows,
				(System.nanoTime() - start) / 1e9);
		return registry;
	}

	/**
	 * DuckDB writes, for each partner, the same tables as Parquet (zstd) and CSV, and the
	 * SDMX file.
	 */
	static double duckDb(DataDirectory dir, Registry registry, Catalogue catalogue, Partners partners)
			throws Exception {
		Path out = STORE.resolve("duckdb-out");
		AtomicFiles.deleteTree(out);
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			// reference data loaded before the clock starts, as the extract job has it in
			// memory
			st.execute("CREATE TABLE poles (pole_id VARCHAR, name VARCHAR, commune VARCHAR, departement VARCHAR, "
					+ "region VARCHAR, created INTEGER, closed INTEGER, legal_form VARCHAR, theme VARCHAR, "
					+ "networks VARCHAR, open_data BOOLEAN)");
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO poles VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
				for (Pole p : registry.poles()) {
					insert.setString(1, p.id());
					insert.setString(2, p.name());
					insert.setString(3, p.commune());
					insert.setString(4, p.departement());
					insert.setString(5, p.region());
					insert.setInt(6, p.created());
					insert.setObject(7, p.closed());
					insert.setString(8, p.legalForm());
					insert.setString(9, p.theme());
					insert.setString(10, String.join("|", p.networks()));
					insert.setBoolean(11, p.openData());
					insert.addBatch();
				}
				insert.executeBatch();
			}
			st.execute("CREATE TABLE indicators (indicator VARCHAR, label_fr VARCHAR, label_en VARCHAR, unit VARCHAR, "
					+ "kind VARCHAR, value_type VARCHAR, domain VARCHAR)");
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO indicators VALUES (?,?,?,?,?,?,?)")) {
				for (Indicator i : catalogue.indicators()) {
					insert.setString(1, i.code());
					insert.setString(2, i.labelFr());
					insert.setString(3, i.labelEn());
					insert.setString(4, i.unit());
					insert.setString(5, i.kind().name().toLowerCase());
					insert.setString(6, i.valueType().name().toLowerCase());
					insert.setString(7, i.domain());
					insert.addBatch();
				}
				for (String ratio : List.of("ESS_SHARE", "PUBLIC_FUNDING_SHARE", "GOV_PARTICIPATION")) {
					insert.setString(1, ratio);
					insert.setString(2, ratio);
					insert.setString(3, ratio);
					insert.setString(4, "%");
					insert.setString(5, "ratio");
					insert.setString(6, "decimal");
					insert.setString(7, "derived");
					insert.addBatch();
				}
				insert.executeBatch();
			}
			String warehouse = dir.warehouse().toString();
			long t0 = System.nanoTime();
			for (Partner p : partners.all()) {
				Path folder = out.resolve(p.code());
				Files.createDirectories(folder.resolve("csv"));
				String networks = "['" + String.join("','", p.networks()) + "']";
				String visible = "SELECT pole_id FROM poles WHERE open_data AND list_has_any(string_split(networks, '|'), "
						+ networks + ")";
				copy(st, folder, "aggregates",
						"SELECT CAST(year AS INTEGER) AS year, * EXCLUDE (year) FROM read_parquet('" + warehouse
								+ "/aggregates/*/*.parquet', hive_partitioning = true) WHERE year BETWEEN " + FIRST_YEAR
								+ " AND " + YEAR + " ORDER BY year, indicator, level, area");
				copy(st, folder, "trends", "SELECT * FROM read_parquet('" + warehouse + "/trends/year=" + YEAR
						+ "/*.parquet') ORDER BY indicator, level, area");
				copy(st, folder, "poles",
						"SELECT * EXCLUDE (open_data) FROM poles WHERE pole_id IN (" + visible + ") ORDER BY pole_id");
				copy(st, folder, "pole_values",
						"SELECT CAST(year AS INTEGER) AS year, pole_id, indicator, value, "
								+ "imputed, n_quarters FROM read_parquet('" + warehouse + "/pole_values/*/*.parquet', "
								+ "hive_partitioning = true) WHERE year BETWEEN " + FIRST_YEAR + " AND " + YEAR
								+ " AND pole_id IN (" + visible + ") ORDER BY year, pole_id, indicator");
				copy(st, folder, "indicators", "SELECT * FROM indicators ORDER BY indicator");
				st.execute("COPY (SELECT 'dataflow' AS STRUCTURE, 'PTCE:DF_PTCE_AGGREGATES(1.0)' AS STRUCTURE_ID, "
						+ "'A' AS FREQ, a.indicator AS INDICATOR, level AS LEVEL, area AS REF_AREA, year AS TIME_PERIOD, "
						+ "CASE WHEN conf_status = 'F' THEN total END AS OBS_VALUE, i.unit AS UNIT_MEASURE, "
						+ "conf_status AS CONF_STATUS FROM read_parquet('" + folder.resolve("aggregates.parquet")
						+ "') a LEFT JOIN indicators i USING (indicator) ORDER BY ALL) TO '"
						+ folder.resolve("aggregates.sdmx.csv") + "' (HEADER)");
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			try (ResultSet rs = st
				.executeQuery("SELECT count(*) FROM read_parquet('" + out + "/*/pole_values.parquet')")) {
				rs.next();
				System.out.printf("DuckDB pole_values rows, all partners: %,d%n", rs.getLong(1));
			}
			return seconds;
		}
	}

	private static void copy(Statement st, Path folder, String table, String query) throws Exception {
		st.execute("COPY (" + query + ") TO '" + folder.resolve(table + ".parquet")
				+ "' (FORMAT parquet, COMPRESSION zstd)");
		st.execute("COPY (" + query + ") TO '" + folder.resolve("csv").resolve(table + ".csv") + "' (HEADER)");
	}

}
