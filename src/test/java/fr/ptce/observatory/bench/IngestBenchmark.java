package fr.ptce.observatory.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.samples.SampleGenerator;
import fr.ptce.observatory.warehouse.AtomicFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ingest throughput and peak memory against DuckDB's bare CSV to Parquet conversion of the same generated file,
 * both in their own process, in the same run. Not a timed test: it measures and prints.
 *
 * {@code mvn test -Pbench -Dtest=IngestBenchmark -Dbench.rows=5000000 -Dbench.heap=512m}
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
		SampleGenerator.Options options = new SampleGenerator.Options(SampleGenerator.DEFAULT_SEED, 0, 1990,
				2025, 1, rows).validate();
		new SampleGenerator(options).generate(samples, true);
		Path csv;
		try (var files = Files.list(samples.resolve("submissions"))) {
			csv = files.findFirst().orElseThrow();
		}
		long bytes = Files.size(csv);

		ChildProcess.Measure duck = ChildProcess.run("1g", DuckDbConvert.class.getName(), csv.toString(),
				work.resolve("duckdb.parquet").toString());
		ChildProcess.Measure ours = ChildProcess.run(heap, "fr.ptce.observatory.Main", "--data-dir",
				work.resolve("data").toString(), "--registry", samples.resolve("registry.csv").toString(), "ingest",
				"--inbox", samples.resolve("submissions").toString());
		if (ours.exitCode() != 0 || duck.exitCode() != 0) {
			throw new AssertionError("a benchmark process failed:\n" + ours.output() + "\n" + duck.output());
		}
		double jobSeconds = jobSeconds(ours.output());
		double duckSeconds = seconds(duck.output(), "duckdb copy ([0-9.]+) s");

		System.out.println();
		System.out.printf(Locale.ROOT, "ingest benchmark: %,d rows, %.0f MB of CSV, heap %s, %d cores%n", rows,
				bytes / 1e6, heap, Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "  observatory ingest : %6.2f s in all (%6.2f s in the job) %,10.0f rows/s in the job, peak RSS %5.0f MB%n",
				ours.seconds(), jobSeconds, rows / jobSeconds, ours.peakRssMb());
		System.out.printf(Locale.ROOT, "  DuckDB CSV->Parquet: %6.2f s in all (%6.2f s in COPY)   %,10.0f rows/s in COPY, peak RSS %5.0f MB%n",
				duck.seconds(), duckSeconds, rows / duckSeconds, duck.peakRssMb());
		System.out.printf(Locale.ROOT, "  ratio (job / COPY): %.2f x; (process / process): %.2f x%n", jobSeconds / duckSeconds,
				ours.seconds() / duck.seconds());
	}

	/**
	 * The job's own time (its three steps: recovery, the files, publication), which the ingest command prints;
	 * the JVM and Spring start-up are left out, as DuckDB's start-up is.
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
