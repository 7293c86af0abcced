package fr.ptce.observatory.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import fr.ptce.observatory.aggregate.AggregateEngine;
import fr.ptce.observatory.aggregate.DuckDbReference;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.ParquetTable;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `aggregate` over every year of a generated store of at least 20 million observations,
 * against DuckDB SQL computing the same yearly values and the same national / region /
 * department cells (sum, count, mean, median) over the same Parquet files and writing
 * them to Parquet too, in the same run. Prints both times and the ratio (target: at most
 * 1.5 × DuckDB). Run with {@code mvn -o test -Pbench -Dtest=AggregateBenchmark}; the
 * store is generated once under target/bench-aggregate (deterministic random) and reused.
 */
@Tag("benchmark")
class AggregateBenchmark {

	static final int FIRST_YEAR = 1988;

	static final int LAST_YEAR = 2025;

	static final int POLES = 9999;

	static final Path STORE = Path.of("target", "bench-aggregate");

	@Test
	void aggregateAgainstDuckDb() throws Exception {
		// as in the application (application.yml): no debug logging of Parquet and Hadoop
		// in the measured work
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Catalogue catalogue = Catalogue.bundled();
		GeoReferential geo = GeoReferential.bundled();
		Files.createDirectories(STORE);
		Path registryFile = STORE.resolve("registry.csv");
		DataDirectory dir = new DataDirectory(STORE.resolve("data"));
		Path marker = STORE.resolve("generated");
		Registry registry;
		if (!Files.exists(marker)) {
			AtomicFiles.deleteTree(dir.root());
			dir.createLayout();
			long start = System.nanoTime();
			registry = writeRegistry(registryFile, geo);
			long rows = generate(registry, catalogue, dir);
			Files.writeString(marker, Long.toString(rows));
			System.out.printf("generated %,d observations in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
		}
		else {
			registry = Registry.load(registryFile, geo);
		}
		long rows = Long.parseLong(Files.readString(marker).strip());
		Instant asOf = Instant.parse("2026-06-01T00:00:00Z");
		AggregateEngine engine = new AggregateEngine(registry, catalogue, geo, dir,
				new Provenance(asOf, catalogue.sha256(), registry.sha256(), "bench"),
				Math.min(4, Runtime.getRuntime().availableProcessors()));
		double[] ours = new double[2];
		double[] duck = new double[2];
		for (int round = 0; round < 2; round++) {
			long t0 = System.nanoTime();
			engine.run(FIRST_YEAR, LAST_YEAR, asOf, s -> {
				if (s.startsWith("time")) {
					System.out.println(s);
				}
			});
			ours[round] = (System.nanoTime() - t0) / 1e9;
			duck[round] = duckDb(dir, registry, catalogue, asOf);
			System.out.printf("round %d: aggregate %.2f s, DuckDB %.2f s%n", round + 1, ours[round], duck[round]);
		}
		long heapPeak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				heapPeak += pool.getPeakUsage().getUsed();
			}
		}
		double best = Math.min(ours[0], ours[1]);
		double bestDuck = Math.min(duck[0], duck[1]);
		System.out.printf("%n%,d observations, %d years, %d poles; heap max %d MB (peak used %d MB), %d cores%n", rows,
				LAST_YEAR - FIRST_YEAR + 1, POLES, Runtime.getRuntime().maxMemory() >> 20, heapPeak >> 20,
				Runtime.getRuntime().availableProcessors());
		System.out.printf("aggregate (all years, best of 2): %.2f s; DuckDB: %.2f s; ratio %.2f (target <= 1.5)%n",
				best, bestDuck, best / bestDuck);
	}

	/**
	 * DuckDB: yearly values, then national / region / department cells, both written to
	 * Parquet.
	 */
	static double duckDb(DataDirectory dir, Registry registry, Catalogue catalogue, Instant asOf) throws Exception {
		Path out = STORE.resolve("duckdb-out");
		AtomicFiles.deleteTree(out);
		Files.createDirectories(out);
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			st.execute("CREATE TABLE poles (pole_id VARCHAR, region VARCHAR, departement VARCHAR)");
			try (var insert = db.prepareStatement("INSERT INTO poles VALUES (?, ?, ?)")) {
				for (Pole p : registry.poles()) {
					insert.setString(1, p.id());
					insert.setString(2, p.region());
					insert.setString(3, p.departement());
					insert.addBatch();
				}
				insert.executeBatch();
			}
			long t0 = System.nanoTime();
			st.execute("CREATE TABLE yearly AS "
					+ DuckDbReference.yearlyValues(dir.root(), Timestamps.toMicros(asOf), catalogue));
			st.execute("COPY yearly TO '" + out.resolve("pole_values")
					+ "' (FORMAT parquet, PARTITION_BY (year), COMPRESSION zstd)");
			st.execute("COPY (" + DuckDbReference.cells("SELECT * FROM yearly") + " ORDER BY ALL) TO '"
					+ out.resolve("cells.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
			double seconds = (System.nanoTime() - t0) / 1e9;
			try (ResultSet rs = st.executeQuery("SELECT count(*) FROM yearly")) {
				rs.next();
				System.out.printf("DuckDB yearly values: %,d%n", rs.getLong(1));
			}
			return seconds;
		}
	}

	static Registry writeRegistry(Path file, GeoReferential geo) throws Exception {
		return fr.ptce.observatory.aggregate.RandomStore.registry(new Random(7), POLES, 600, List.of(), FIRST_YEAR,
				file);
	}

	/**
	 * Per pole, indicator and year: mostly four quarters (a tenth of them missing),
	 * otherwise an annual value; one in thirty an M; one in twenty corrected in a later
	 * run. One file per year and run.
	 */
	static long generate(Registry registry, Catalogue catalogue, DataDirectory dir) {
		return generate(registry, catalogue, dir, FIRST_YEAR, LAST_YEAR);
	}

	/** The same, for the years from..to (ExtractBenchmark's ten years). */
	static long generate(Registry registry, Catalogue catalogue, DataDirectory dir, int from, int to) {
		Random random = new Random(42);
		Provenance provenance = new Provenance(Instant.EPOCH, catalogue.sha256(), registry.sha256(), "bench");
		long firstRun = Timestamps.toMicros(Instant.parse("2026-02-01T06:00:00Z"));
		long secondRun = Timestamps.toMicros(Instant.parse("2026-05-01T06:00:00Z"));
		long total = 0;
		List<Indicator> indicators = catalogue.indicators();
		for (int year = from; year <= to; year++) {
			Path partition = dir.partition(Tables.OBSERVATIONS, year);
			String[] periods = { Integer.toString(year), year + "-Q1", year + "-Q2", year + "-Q3", year + "-Q4" };
			try (ParquetTable.Sink<Observation> first = Tables.OBSERVATION.open(partition.resolve("run-1.parquet"),
					provenance);
					ParquetTable.Sink<Observation> second = Tables.OBSERVATION.open(partition.resolve("run-2.parquet"),
							provenance)) {
				for (Pole pole : registry.poles()) {
					if (!pole.isExpected(year)) {
						continue;
					}
					for (Indicator indicator : indicators) {
						boolean annual = random.nextInt(100) < 12;
						for (int q = annual ? 0 : 1; q <= (annual ? 0 : 4); q++) {
							if (!annual && random.nextInt(10) == 0) {
								continue;
							}
							Double v = random.nextInt(30) == 0 ? null
									: Math.rint(Math.exp(random.nextGaussian()) * 100) / 10;
							first.write(new Observation(year, pole.id(), periods[q], q == 0 ? null : q,
									indicator.code(), v, indicator.unit(), v == null ? "M" : "A", null, "sha-a",
									"a-" + year + ".csv", 2, firstRun));
							total++;
							if (random.nextInt(20) == 0) {
								second.write(new Observation(year, pole.id(), periods[q], q == 0 ? null : q,
										indicator.code(), Math.rint(random.nextDouble() * 1000) / 10, indicator.unit(),
										"A", null, "sha-b", "b-" + year + ".csv", 2, secondRun));
								total++;
							}
						}
					}
				}
				first.commit();
				second.commit();
			}
		}
		return total;
	}

}
