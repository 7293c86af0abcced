package fr.ptce.observatory.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.samples.SampleGenerator;
import fr.ptce.observatory.warehouse.AtomicFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whole-process times of commands as an operator runs them
 * ({@code java -jar target/observatory.jar ...}, the jar of {@code mvn package}), each
 * alternated with its DuckDB reference in the same run, medians of {@code bench.rounds}
 * (5): {@code status} and {@code aggregate --year 2025} on the demo's data directory, and
 * a one-row ingest into a fresh data directory, against a JVM that opens DuckDB and runs
 * one query ({@link DuckDbQuery}); the ingest of the {@code bench.rows} (5.4 M) rows of a
 * generated file against DuckDB's whole CSV to Parquet process ({@link DuckDbConvert}; 0
 * rows: skipped); and the load of a 9,999-pole registry in a JVM started as a command's
 * ({@link RegistryLoad}). Not a timed test: it measures and prints the ratios and the
 * targets of issue 12 (docs/startup.md).
 *
 * {@code mvn -q package -DskipTests && mvn test -Pbench -Dtest=StartupBenchmark}
 */
@Tag("benchmark")
class StartupBenchmark {

	private static final Path JAR = ChildProcess.JAR;

	private final int rounds = Integer.getInteger("bench.rounds", 5);

	private final Path work = Path.of("target", "bench", "startup").toAbsolutePath();

	@Test
	void commandsAgainstTheDuckDbJvm() throws Exception {
		if (!Files.isRegularFile(JAR)) {
			throw new AssertionError(JAR + " is missing: run mvn package -DskipTests first");
		}
		AtomicFiles.deleteTree(work);
		Path demo = work.resolve("demo");
		check(jar("--data-dir", demo.toString(), "demo"));
		String observations = demo.resolve("warehouse/observations/*/*.parquet").toString();

		// each line printed as soon as measured too, so that a failure later keeps what
		// was measured
		Map<String, double[]> ratios = new LinkedHashMap<>();
		record(ratios, "status", compare(List.of("--data-dir", demo.toString(), "status"), duckQuery(observations), 3));
		record(ratios, "ingest of one row, fresh data directory", compareOneRowIngest(duckQuery(observations), 5));
		record(ratios, "aggregate --year 2025 (samples)", compare(
				List.of("--data-dir", demo.toString(), "aggregate", "--year", "2025"), duckQuery(observations), 3));
		double registryMs = registryLoad();
		long rows = Long.getLong("bench.rows", 5_400_000);
		if (rows > 0) {
			record(ratios, String.format(Locale.ROOT, "ingest of %,d rows, whole process", rows),
					compareLargeIngest(rows, 2));
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "startup benchmark: medians of %d, %d cores (%s), load average %s%n", rounds,
				Runtime.getRuntime().availableProcessors(), processor(),
				Files.readString(Path.of("/proc/loadavg")).trim());
		ratios.forEach((name, r) -> print(name, r));
		printRegistry(registryMs);
	}

	/**
	 * The processor's model, as /proc/cpuinfo names it: the ratios depend on the machine
	 * (docs/startup.md, sixth round), so each run says which it was.
	 */
	private static String processor() throws IOException {
		try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("processor unknown");
		}
	}

	/**
	 * The median time of loading a 9,999-pole registry (the generator's largest) in a JVM
	 * started as the jar starts a command with small work: the build's class-data archive
	 * and the fast compiler alone (cli/ClassDataLaunch).
	 */
	private double registryLoad() throws Exception {
		Path samples = work.resolve("registry");
		new SampleGenerator(
				new SampleGenerator.Options(SampleGenerator.DEFAULT_SEED, 9999, 1990, 2025, 1, 1).validate())
			.generate(samples, true);
		String classPath = JAR + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
		List<String> command = List.of(java(), "-XX:SharedArchiveFile=" + JAR.resolveSibling("observatory.jsa"),
				"-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-cp", classPath,
				RegistryLoad.class.getName(), samples.resolve("registry.csv").toString());
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			String output = check(run(command)).output();
			Matcher ms = Pattern.compile("registry_ms=([0-9.]+) poles=9999").matcher(output);
			if (!ms.find()) {
				throw new AssertionError("unexpected output of RegistryLoad:\n" + output);
			}
			times.add(Double.parseDouble(ms.group(1)));
		}
		double median = median(times);
		printRegistry(median);
		return median;
	}

	private static void printRegistry(double ms) {
		System.out.printf(Locale.ROOT, "  %-45s %6.0f ms (target 100 ms: %s)%n", "registry of 9,999 poles, load", ms,
				ms < 100 ? "met" : "NOT met");
	}

	private static void record(Map<String, double[]> ratios, String name, double[] r) {
		print(name, r);
		ratios.put(name, r);
	}

	private static void print(String name, double[] r) {
		System.out.printf(Locale.ROOT,
				"  %-45s observatory %6.2f s  DuckDB %6.2f s  ratio %5.2f x (target %.0f x: %s);"
						+ " CPU %6.2f s against %6.2f s: %5.2f x%n",
				name, r[0], r[1], r[0] / r[1], r[2], r[0] / r[1] <= r[2] ? "met" : "NOT met", r[3], r[4], r[3] / r[4]);
	}

	/**
	 * The command and the reference, alternated; [median of ours, median of the
	 * reference, target ratio].
	 */
	private double[] compare(List<String> args, List<String> reference, double target) throws Exception {
		List<ChildProcess.Measure> ours = new ArrayList<>();
		List<ChildProcess.Measure> theirs = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			theirs.add(check(run(reference)));
			ours.add(check(jar(args.toArray(String[]::new))));
		}
		return result(ours, theirs, target);
	}

	private double[] compareOneRowIngest(List<String> reference, double target) throws Exception {
		List<ChildProcess.Measure> ours = new ArrayList<>();
		List<ChildProcess.Measure> theirs = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			Path data = work.resolve("one-row-" + i);
			Files.createDirectories(data.resolve("inbox"));
			Files.writeString(data.resolve("inbox/one-row.csv"),
					"pole_id,period,indicator,value\nPTCE-0001,2024,JOBS_FTE,3\n");
			theirs.add(check(run(reference)));
			ours.add(check(jar("--data-dir", data.toString(), "ingest")));
		}
		return result(ours, theirs, target);
	}

	private double[] compareLargeIngest(long rows, double target) throws Exception {
		Path samples = work.resolve("large");
		new SampleGenerator(
				new SampleGenerator.Options(SampleGenerator.DEFAULT_SEED, 0, 1990, 2025, 1, rows).validate())
			.generate(samples, true);
		Path csv;
		try (var files = Files.list(samples.resolve("submissions"))) {
			csv = files.findFirst().orElseThrow();
		}
		List<ChildProcess.Measure> ours = new ArrayList<>();
		List<ChildProcess.Measure> theirs = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			Path parquet = work.resolve("duckdb-" + i + ".parquet");
			theirs.add(check(run(javaWithDuckDb(DuckDbConvert.class, csv.toString(), parquet.toString()))));
			Files.deleteIfExists(parquet);
			Path data = work.resolve("large-" + i);
			// ingest moves the file out of its inbox: each round ingests a link to it
			Path inbox = Files.createDirectories(data.resolve("inbox"));
			Files.createLink(inbox.resolve(csv.getFileName()), csv);
			ours.add(check(jar("--data-dir", data.toString(), "--registry", samples.resolve("registry.csv").toString(),
					"ingest")));
			AtomicFiles.deleteTree(data);
		}
		return result(ours, theirs, target);
	}

	private List<String> duckQuery(String observations) {
		return javaWithDuckDb(DuckDbQuery.class, observations);
	}

	/**
	 * A JVM with DuckDB's JDBC driver and this class alone on its class path (as a DuckDB
	 * user's would be).
	 */
	private static List<String> javaWithDuckDb(Class<?> main, String... args) {
		String duckdb = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(p -> p.contains("duckdb_jdbc"))
			.findFirst()
			.orElseThrow();
		String classes = Path.of("target", "test-classes").toAbsolutePath().toString();
		List<String> command = new ArrayList<>(
				List.of(java(), "-cp", duckdb + File.pathSeparator + classes, main.getName()));
		command.addAll(List.of(args));
		return command;
	}

	private static ChildProcess.Measure jar(String... args) throws IOException, InterruptedException {
		return ChildProcess.jar(args);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static ChildProcess.Measure run(List<String> command) throws IOException, InterruptedException {
		return ChildProcess.command(command);
	}

	private static ChildProcess.Measure check(ChildProcess.Measure measure) {
		if (measure.exitCode() != 0) {
			throw new AssertionError("a benchmark process failed:\n" + measure.output());
		}
		return measure;
	}

	/**
	 * [median wall of ours, of the reference, target, median CPU of ours, of the
	 * reference].
	 */
	private static double[] result(List<ChildProcess.Measure> ours, List<ChildProcess.Measure> theirs, double target) {
		return new double[] { median(ours.stream().map(ChildProcess.Measure::seconds).toList()),
				median(theirs.stream().map(ChildProcess.Measure::seconds).toList()), target,
				median(ours.stream().map(ChildProcess.Measure::cpuSeconds).toList()),
				median(theirs.stream().map(ChildProcess.Measure::cpuSeconds).toList()) };
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
