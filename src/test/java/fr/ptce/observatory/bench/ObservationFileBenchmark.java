package fr.ptce.observatory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.ObservationBatch;
import fr.ptce.observatory.warehouse.ObservationCodes;
import fr.ptce.observatory.warehouse.ObservationFile;
import fr.ptce.observatory.warehouse.ParquetTable;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The writer thread's work alone: the rows of the ingest benchmark file (1,600 poles in
 * order, 36 years, the year and its quarters, 17 indicators, status A, no comment, one
 * file) written into 36 year files, by {@link ObservationFile} from codes and by the
 * reference {@link Tables#OBSERVATION} sinks from records, each after a warm-up,
 * single-threaded. Rows are prepared before the clock starts, as the job's thread hands
 * them over. Prints both times and the file sizes, at zstd levels 3 and 1, and checks
 * with DuckDB that both wrote the same rows.
 * {@code mvn -o test -Pbench -Dtest=ObservationFileBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rows=N} for another size).
 */
@Tag("benchmark")
class ObservationFileBenchmark {

	private static final int FIRST_YEAR = 1990;

	private static final int LAST_YEAR = 2025;

	private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

	private static final int ROW_GROUP_ROWS = 40_000;

	/** What the job's thread hands the writer's at a time (ObservationWriter). */
	private static final int BATCH = 8192;

	private static final Provenance PROVENANCE = new Provenance(Instant.parse("2026-11-26T00:00:00Z"), "c".repeat(64),
			"r".repeat(64), "bench");

	private static final long INGESTED_AT = Timestamps.toMicros(Instant.parse("2026-11-26T06:00:00.123456Z"));

	@Test
	void ourWriterAgainstParquetMrsRecordPath() throws Exception {
		int rows = Integer.getInteger("bench.rows", 5_000_000);
		Path work = Path.of("target", "bench", "observation-file").toAbsolutePath();
		AtomicFiles.deleteTree(work);
		Catalogue catalogue = Catalogue.bundled();
		List<Indicator> indicators = catalogue.indicators().subList(0, 17);
		int poles = (rows + YEARS * 5 * indicators.size() - 1) / (YEARS * 5 * indicators.size());
		List<String> poleIds = new ArrayList<>();
		for (int p = 1; p <= poles; p++) {
			poleIds.add(String.format("PTCE-%04d", p));
		}
		ObservationCodes codes = new ObservationCodes(poleIds, FIRST_YEAR, LAST_YEAR,
				catalogue.indicators().stream().map(Indicator::code).toList(),
				catalogue.indicators().stream().map(Indicator::unit).toList());
		int file = codes.addFile("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
				"benchmark_" + rows + ".csv");
		List<ObservationBatch> batches = batches(codes, indicators.size(), file, rows);

		// ours: a warm-up run, then timed runs at levels 3 and 1
		writeOurs(codes, batches, work.resolve("warm-up"));
		double[] level3 = new double[3];
		double[] level1 = new double[3];
		for (int run = 0; run < 3; run++) {
			level3[run] = timed(() -> writeOurs(codes, batches, work.resolve("ours-3")), 3);
			level1[run] = timed(() -> writeOurs(codes, batches, work.resolve("ours-1")), 1);
		}
		AtomicFiles.deleteTree(work.resolve("warm-up"));

		// the reference: records built before the clock starts, a warm-up on a fifth of
		// them, then one timed run
		List<List<Observation>> records = new ArrayList<>();
		for (ObservationBatch batch : batches) {
			records.add(records(codes, batch));
		}
		writeReference(records.subList(0, records.size() / 5), work.resolve("warm-up"));
		AtomicFiles.deleteTree(work.resolve("warm-up"));
		long start = System.nanoTime();
		writeReference(records, work.resolve("reference"));
		double reference = (System.nanoTime() - start) / 1e9;
		records = null;

		long differences = differences(work.resolve("ours-3"), work.resolve("reference"))
				+ differences(work.resolve("ours-1"), work.resolve("reference"));

		System.out.println();
		System.out.printf(Locale.ROOT,
				"observation writer benchmark: %,d rows, %d poles, %d year files, row groups of"
						+ " %,d rows, %d cores, heap %d MB%n",
				rows, poles, YEARS, ROW_GROUP_ROWS, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf(Locale.ROOT, "  ObservationFile zstd 3 : %s s (best %.3f s, %,.0f rows/s), %,d bytes%n",
				times(level3), min(level3), rows / min(level3), size(work.resolve("ours-3")));
		System.out.printf(Locale.ROOT, "  ObservationFile zstd 1 : %s s (best %.3f s, %,.0f rows/s), %,d bytes%n",
				times(level1), min(level1), rows / min(level1), size(work.resolve("ours-1")));
		System.out.printf(Locale.ROOT, "  Tables.OBSERVATION     : %.3f s (%,.0f rows/s), %,d bytes%n", reference,
				rows / reference, size(work.resolve("reference")));
		System.out.printf(Locale.ROOT, "  speed-up: %.1f x at level 3, %.1f x at level 1; rows differing (DuckDB EXCEPT"
				+ " ALL, both ways): %d%n", reference / min(level3), reference / min(level1), differences);
		if (differences != 0) {
			throw new AssertionError(differences + " rows differ between our files and the reference");
		}
	}

	/**
	 * The benchmark file's rows in its order, in batches as the job's thread hands them
	 * to the writer's.
	 */
	private static List<ObservationBatch> batches(ObservationCodes codes, int indicators, int file, int rows) {
		List<ObservationBatch> batches = new ArrayList<>();
		ObservationBatch batch = new ObservationBatch(BATCH);
		int written = 0;
		outer: for (int pole = 0; pole < codes.poleCount(); pole++) {
			for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
				for (int q = 0; q <= 4; q++) {
					for (int indicator = 0; indicator < indicators; indicator++) {
						// values like the generator's: integers, and amounts with a half
						double value = indicator % 3 == 0 ? 10 + (pole * 31 + year * 7 + q + indicator) % 990
								: ((pole * 7919L + year * 104729L + q * 13L + indicator * 31L) % 2_000_000) / 2.0;
						batch.add(pole, codes.period(year, q), indicator, value, 'A', null, file, written + 2);
						written++;
						if (batch.isFull()) {
							batches.add(batch);
							batch = new ObservationBatch(BATCH);
						}
						if (written == rows) {
							break outer;
						}
					}
				}
			}
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	/**
	 * What the writer thread would do: route each row to its year's open file, then
	 * commit them all.
	 */
	private static void writeOurs(ObservationCodes codes, List<ObservationBatch> batches, Path folder) {
		AtomicFiles.deleteTree(folder);
		ObservationFile[] files = new ObservationFile[YEARS];
		try {
			for (ObservationBatch batch : batches) {
				for (int row = 0, n = batch.size(); row < n; row++) {
					int y = codes.year(batch.period(row)) - FIRST_YEAR;
					ObservationFile f = files[y];
					if (f == null) {
						f = ObservationFile.open(folder.resolve("year=" + (FIRST_YEAR + y)).resolve("part-0.parquet"),
								PROVENANCE, codes, INGESTED_AT, ROW_GROUP_ROWS);
						files[y] = f;
					}
					f.add(batch, row);
				}
			}
			for (ObservationFile f : files) {
				if (f != null) {
					f.commit();
				}
			}
		}
		finally {
			for (ObservationFile f : files) {
				if (f != null) {
					f.close();
				}
			}
		}
	}

	private static void writeReference(List<List<Observation>> batches, Path folder) {
		AtomicFiles.deleteTree(folder);
		long rowGroupBytes = Math.max(1L << 20, Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 8 / YEARS));
		@SuppressWarnings("unchecked")
		ParquetTable.Sink<Observation>[] sinks = new ParquetTable.Sink[YEARS];
		try {
			for (List<Observation> batch : batches) {
				for (Observation o : batch) {
					int y = o.year() - FIRST_YEAR;
					ParquetTable.Sink<Observation> sink = sinks[y];
					if (sink == null) {
						sink = Tables.OBSERVATION.open(folder.resolve("year=" + o.year()).resolve("part-0.parquet"),
								PROVENANCE, rowGroupBytes);
						sinks[y] = sink;
					}
					sink.write(o);
				}
			}
			for (ParquetTable.Sink<Observation> sink : sinks) {
				if (sink != null) {
					sink.commit();
				}
			}
		}
		finally {
			for (ParquetTable.Sink<Observation> sink : sinks) {
				if (sink != null) {
					sink.close();
				}
			}
		}
	}

	/** The records the job builds today, sharing the code strings as it does. */
	private static List<Observation> records(ObservationCodes codes, ObservationBatch batch) {
		List<Observation> list = new ArrayList<>(batch.size());
		String[] periods = new String[(LAST_YEAR - FIRST_YEAR + 1) * 5];
		for (int p = 0; p < periods.length; p++) {
			periods[p] = codes.periodCode(p);
		}
		for (int row = 0; row < batch.size(); row++) {
			int period = batch.period(row);
			int quarter = codes.quarter(period);
			list.add(new Observation(codes.year(period), codes.poleId(batch.pole(row)), periods[period],
					quarter == 0 ? null : quarter, codes.indicatorCode(batch.indicator(row)), batch.value(row),
					codes.unit(batch.indicator(row)), "A", null, codes.submissionId(batch.file(row)),
					codes.sourceFile(batch.file(row)), batch.line(row), INGESTED_AT));
		}
		return list;
	}

	private static double timed(Runnable run, int zstdLevel) {
		String previous = System.getProperty(ObservationFile.ZSTD_LEVEL_PROPERTY);
		System.setProperty(ObservationFile.ZSTD_LEVEL_PROPERTY, Integer.toString(zstdLevel));
		try {
			long start = System.nanoTime();
			run.run();
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			if (previous == null) {
				System.clearProperty(ObservationFile.ZSTD_LEVEL_PROPERTY);
			}
			else {
				System.setProperty(ObservationFile.ZSTD_LEVEL_PROPERTY, previous);
			}
		}
	}

	private static long differences(Path ours, Path reference) throws Exception {
		String a = "read_parquet('" + ours + "/*/*.parquet', hive_partitioning = true)";
		String b = "read_parquet('" + reference + "/*/*.parquet', hive_partitioning = true)";
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st
					.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b
							+ ")) + (SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a
							+ ")) + abs((SELECT count(*) FROM " + a + ") - (SELECT count(*) FROM " + b + "))")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static double min(double[] times) {
		return Arrays.stream(times).min().orElseThrow();
	}

	private static String times(double[] times) {
		return String.join(" / ", Arrays.stream(times).mapToObj(t -> String.format(Locale.ROOT, "%.3f", t)).toList());
	}

}
