package fr.ptce.observatory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.ptce.observatory.samples.SampleGenerator;
import fr.ptce.observatory.warehouse.AtomicFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ingest throughput and peak memory against DuckDB's bare CSV to Parquet conversion of
 * the same generated file, both in their own process, in the same run. Not a timed test:
 * it measures and prints.
 *
 * {@code mvn test -Pbench -Dtest=IngestBenchmark -Dbench.rows=5000000 -Dbench.heap=512m};
 * with {@code -Dbench.values=uniform} the file's values are uniform in 0-400 and one row
 * in six carries a warning ({@link SampleGenerator#uniformValues});
 * {@code -Dbench.poles=9999} sets the registry's size (default: just enough poles for the
 * rows); {@code -Dbench.kill=true} first kills an ingest (SIGKILL) half-way through the
 * file, and the run measured is the next one, which must store every row exactly once
 * (checked with DuckDB).
 */
@Tag("benchmark")
class IngestBenchmark {

	@Test
	void ingestAgainstDuckDb() throws Exception {
		long rows = Long.getLong("bench.rows", 5_000_000);
		String heap = System.getProperty("bench.heap", "512m");
		Path work = Path.of("target", "bench", "ingest").toAbsolutePath();
		AtomicFiles.deleteTree(work);
		Path samples = work.resolve("samples");
		int poles = Integer.getInteger("bench.poles", 0);
		boolean kill = Boolean.getBoolean("bench.kill");
		SampleGenerator.Options options = new SampleGenerator.Options(SampleGenerator.DEFAULT_SEED, poles, 1990, 2025,
				1, rows)
			.validate();
		SampleGenerator generator = new SampleGenerator(options);
		boolean uniform = "uniform".equals(System.getProperty("bench.values"));
		if (uniform) {
			generator.uniformValues();
		}
		generator.generate(samples, true);
		Path csv;
		try (var files = Files.list(samples.resolve("submissions"))) {
			csv = files.findFirst().orElseThrow();
		}
		long bytes = Files.size(csv);

		ChildProcess.Measure duck = ChildProcess.run("1g", DuckDbConvert.class.getName(), csv.toString(),
				work.resolve("duckdb.parquet").toString());
		String[] ingest = { "--data-dir", work.resolve("data").toString(), "--registry",
				samples.resolve("registry.csv").toString(), "ingest", "--inbox",
				samples.resolve("submissions").toString() };
		if (kill) {
			killHalfWay(heap, work.resolve("data"), rows, ingest);
		}
		ChildProcess.Measure ours = ChildProcess.run(heap, "fr.ptce.observatory.Main", ingest);
		if (ours.exitCode() != 0 || duck.exitCode() != 0) {
			throw new AssertionError("a benchmark process failed:\n" + ours.output() + "\n" + duck.output());
		}
		double jobSeconds = jobSeconds(ours.output());
		double duckSeconds = seconds(duck.output(), "duckdb copy ([0-9.]+) s");

		System.out.println();
		System.out.printf(Locale.ROOT, "ingest benchmark: %,d rows%s, %.0f MB of CSV, heap %s, %d cores%n", rows,
				uniform ? " (uniform values, warning-heavy)" : "", bytes / 1e6, heap,
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT,
				"  observatory ingest : %6.2f s in all (%6.2f s in the job) %,10.0f rows/s in the job, peak RSS %5.0f MB%n",
				ours.seconds(), jobSeconds, rows / jobSeconds, ours.peakRssMb());
		System.out.printf(Locale.ROOT,
				"  DuckDB CSV->Parquet: %6.2f s in all (%6.2f s in COPY)   %,10.0f rows/s in COPY, peak RSS %5.0f MB%n",
				duck.seconds(), duckSeconds, rows / duckSeconds, duck.peakRssMb());
		System.out.printf(Locale.ROOT, "  ratio (job / COPY): %.2f x; (process / process): %.2f x%n",
				jobSeconds / duckSeconds, ours.seconds() / duck.seconds());
		if (kill) {
			long stored = storedOnce(work.resolve("data"));
			System.out.printf(Locale.ROOT, "  after a SIGKILL half-way: the next run stored %,d rows, each once%n",
					stored);
			if (stored != rows) {
				throw new AssertionError("stored " + stored + " rows, not " + rows);
			}
		}
	}

	/**
	 * Starts an ingest and kills it (SIGKILL) once it has validated half of the file's
	 * rows.
	 */
	static void killHalfWay(String heap, Path dataDir, long rows, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
						"fr.ptce.observatory.Main"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long start = System.nanoTime();
		// the undo spool grows by 8 bytes per accepted row of the file being read
		while (process.isAlive() && undoBytes(dataDir) < rows * 8 / 2) {
			Thread.sleep(5);
		}
		if (!process.isAlive()) {
			throw new AssertionError("the ingest to kill ended first (exit " + process.exitValue() + ")");
		}
		process.destroyForcibly().waitFor();
		System.out.printf(Locale.ROOT, "killed an ingest (SIGKILL) after %.1f s, half-way through the file%n",
				(System.nanoTime() - start) / 1e9);
	}

	static long undoBytes(Path dataDir) throws IOException {
		Path staging = dataDir.resolve("warehouse/_staging");
		if (!Files.isDirectory(staging)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(staging)) {
			return files.filter(p -> p.getFileName().toString().equals(".undo.spool")).mapToLong(p -> {
				try {
					return Files.size(p);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
	}

	/**
	 * The rows of the warehouse, checked to be stored once each (one row per key and
	 * submission).
	 */
	static long storedOnce(Path dataDir) throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = db.createStatement();
				ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT (pole_id, period, indicator,"
						+ " submission_id)) FROM read_parquet('" + dataDir.resolve("warehouse/observations")
						+ "/*/*.parquet')")) {
			rs.next();
			if (rs.getLong(1) != rs.getLong(2)) {
				throw new AssertionError(rs.getLong(1) - rs.getLong(2) + " rows stored twice");
			}
			return rs.getLong(1);
		}
	}

	/**
	 * The job's own time (its three steps: recovery, the files, publication), which the
	 * ingest command prints; the JVM and Spring start-up are left out, as DuckDB's
	 * start-up is.
	 */
	static double jobSeconds(String output) {
		return seconds(output, "Job time: ([0-9.]+) s");
	}

	static double seconds(String output, String regex) {
		Matcher m = Pattern.compile(regex).matcher(output);
		if (!m.find()) {
			throw new AssertionError("no timing in the output:\n" + output);
		}
		return Double.parseDouble(m.group(1));
	}

}
