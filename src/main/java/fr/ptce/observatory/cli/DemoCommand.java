package fr.ptce.observatory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.ptce.observatory.launch.JobLaunches;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.springframework.batch.core.job.JobExecution;
import java.util.concurrent.Callable;

import fr.ptce.observatory.warehouse.AtomicFiles;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole chain on the bundled samples, in a fresh data directory
 * (default ./var/demo), then where to look.
 */
@Command(name = DemoCommand.NAME, mixinStandardHelpOptions = true,
		description = { "Runs the whole chain on the bundled samples (data-samples/) in a fresh data directory"
				+ " (default ./var/demo, emptied first if an earlier demo made it) and prints where to look." })
public class DemoCommand implements Callable<Integer> {

	static final String NAME = "demo";

	static final String MARKER = ".observatory-demo";

	@ParentCommand
	ObservatoryCommand parent;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Path dataDir = parent.global.dataDirOr(Path.of("var", "demo")).toAbsolutePath().normalize();
		prepare(dataDir);
		int copied = copySamples(dataDir.resolve("inbox"));
		out.println("Demo data directory: " + dataDir);
		out.println("Copied " + copied + " sample submission(s) into " + dataDir.resolve("inbox"));
		out.println();
		try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.global, dataDir)) {
			out.println("== ingest");
			int status = IngestCommand.ingest(context, null, out, err);
			if (status != 0) {
				return status;
			}
			List<Integer> years = ParquetScan.years(context.getBean(DataDirectory.class).table(Tables.OBSERVATIONS));
			if (years.isEmpty()) {
				err.println("error: the samples gave no observation to aggregate");
				return 1;
			}
			// the last complete year: the year before today, or the last year the samples
			// cover
			int last = Math.min(LocalDate.now(context.getBean(Clock.class)).getYear() - 1, years.get(years.size() - 1));
			int first = years.get(0);
			out.println();
			out.println("== aggregate " + first + "-" + last);
			Instant asOf = Timestamps.micros(context.getBean(Clock.class).instant());
			JobExecution aggregate = AggregateCommand.run(context, first, last, asOf);
			status = JobLaunches.exitStatus(aggregate, err);
			if (status != 0) {
				return status;
			}
			out.println("National key figures of " + last + " (fictional samples):");
			AggregateCommand.nationalKeyFigures(context, last).forEach(line -> out.println("  " + line));
			out.println();
			out.println("== report " + last);
			Path nationalPdf = ReportCommand.publish(context, last, null);
			out.println();
			out.println("The national report of " + last + ": " + nationalPdf);
			out.println(
					"Regional editions, XLSX tables and manifest.json beside it; the collection follow-up in interne/.");
			out.println();
			out.println("== extract " + last);
			Path extract = ExtractCommand.extract(context, last);
			out.println(
					"Partner extracts of " + last + " in " + dataDir.resolve("extracts") + ", one folder per partner");
			out.println();
			out.println("Look at:");
			out.println("  " + dataDir.resolve("receipts") + "   one JSON and one CSV receipt per file");
			out.println(
					"  " + dataDir.resolve("warehouse") + "   observations, pole_values, aggregates, trends (Parquet)");
			out.println("  java -jar target/observatory.jar --data-dir " + dataDir + " status");
			out.println();
			out.println("One partner's extract: " + extract);
			out.println("Read it with DuckDB:");
			out.println("  duckdb -c \"SELECT year, indicator, level, area, total, conf_status FROM read_parquet('"
					+ extract.resolve("aggregates.parquet") + "') WHERE level = 'national' ORDER BY ALL LIMIT 20\"");
			return 0;
		}
	}

	/**
	 * A fresh directory: an earlier demo's is emptied; anything else that is not empty is
	 * refused.
	 */
	private static void prepare(Path dataDir) throws IOException {
		if (Files.exists(dataDir)) {
			boolean empty;
			try (var list = Files.list(dataDir)) {
				empty = list.findAny().isEmpty();
			}
			if (!empty && !Files.exists(dataDir.resolve(MARKER))) {
				throw new UsageException(dataDir + " is not empty and was not made by demo: give another --data-dir");
			}
			AtomicFiles.deleteTree(dataDir);
		}
		Files.createDirectories(dataDir.resolve("inbox"));
		Files.writeString(dataDir.resolve(MARKER), "made by observatory demo; deleted by the next demo\n");
	}

	/** The sample submissions bundled in the jar (classpath samples/submissions/). */
	static int copySamples(Path inbox) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:samples/submissions/*");
			int n = 0;
			for (Resource r : resources) {
				String name = r.getFilename();
				if (name == null || name.isEmpty() || !r.isReadable()) {
					continue;
				}
				try (InputStream in = r.getInputStream()) {
					Files.copy(in, inbox.resolve(name));
					n++;
				}
			}
			return n;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy the bundled samples: " + ex.getMessage(), ex);
		}
	}

}
