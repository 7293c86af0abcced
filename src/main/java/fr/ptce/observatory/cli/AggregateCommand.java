package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import fr.ptce.observatory.aggregate.AggregateJobConfiguration;
import fr.ptce.observatory.aggregate.History;
import fr.ptce.observatory.aggregate.KeyFigures;
import fr.ptce.observatory.launch.JobLaunches;
import fr.ptce.observatory.schedule.ParameterBounds;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * `aggregate --year Y | --from Y1 --to Y2 [--as-of INSTANT]` (interfaces.md): yearly pole
 * values, aggregates and trends for those years.
 */
@Command(name = AggregateCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
		description = "Computes the poles' yearly values, the aggregate cells under statistical confidentiality and "
				+ "the trends of each year of the range, as of an instant.")
public class AggregateCommand implements Callable<Integer> {

	static final String NAME = "aggregate";

	@ParentCommand
	ObservatoryCommand parent;

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--year", paramLabel = "Y", description = "one year")
	Integer year;

	@Option(names = "--from", paramLabel = "Y1", description = "first year of a range (with --to)")
	Integer from;

	@Option(names = "--to", paramLabel = "Y2", description = "last year of a range (with --from)")
	Integer to;

	@Option(names = "--as-of", paramLabel = "INSTANT",
			description = "use only observations ingested up to this instant: ISO-8601 (2026-03-31T12:00:00Z) or a "
					+ "date, read as its end in UTC (default: now)")
	String asOf;

	@Override
	public Integer call() throws SQLException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		int[] range = range(year, from, to);
		Instant instant = AsOfOption.parse(asOf);
		// the years of the range and the nine before it (AggregateEngine)
		DataDirectory data = new DataDirectory(parent.global.dataDir());
		List<Path> partitions = new ArrayList<>();
		for (int y = range[0] - History.TREND_YEARS + 1; y <= range[1]; y++) {
			partitions.add(data.partition(Tables.OBSERVATIONS, y));
		}
		CompilerPolicy.input(partitions, CompilerPolicy.SMALL_PARQUET);
		try (AggregateRuntime runtime = runtime()) {
			List<Integer> empty = runtime.engine().yearsWithoutData(range[0], range[1]);
			if (!empty.isEmpty()) {
				throw new UsageException("no data for " + (empty.size() == 1 ? "year " : "years ")
						+ empty.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
						+ ": no pole of the registry is expected then and nothing was ingested for it;"
						+ " choose years within the poles' activity");
			}
			Instant effective = instant != null ? instant : Timestamps.micros(runtime.clock().instant());
			JobLaunches.recoverAbandoned(runtime.repository(), runtime.operator(), AggregateJobConfiguration.JOB, out);
			out.println("Aggregating "
					+ (range[0] == range[1] ? "year " + range[0] : "years " + range[0] + " to " + range[1]) + " as of "
					+ Timestamps.format(effective) + "...");
			JobExecution execution = JobLaunches.run(runtime.operator(), runtime.job(),
					parameters(range[0], range[1], effective));
			int status = JobLaunches.exitStatus(execution, err);
			if (status == 0) {
				DataDirectory dir = runtime.dataDirectory();
				out.println("Done: " + dir.table("aggregates") + " and " + dir.table("trends") + " (years " + range[0]
						+ "-" + range[1] + ").");
			}
			return status;
		}
	}

	/**
	 * Without Spring where it can (docs/startup.md: Spring Boot's start was a third of
	 * the command's time), otherwise the command's Spring application.
	 */
	private AggregateRuntime runtime() throws SQLException {
		Optional<AggregateRuntime> standalone = AggregateRuntime.standalone(parent.global);
		return standalone.isPresent() ? standalone.get()
				: AggregateRuntime.of(ApplicationContexts.start(parent.global, parent.global.dataDir()));
	}

	/**
	 * Runs aggregateJob for a year range on a started context (used by `demo` and
	 * `backfill` too) and waits for it.
	 */
	public static JobExecution run(ApplicationContext context, int from, int to, Instant asOf) {
		return JobLaunches.run(context, AggregateJobConfiguration.JOB, parameters(from, to, asOf));
	}

	private static JobParameters parameters(int from, int to, Instant asOf) {
		return JobLaunches.newRun()
			.addLong("from", (long) from)
			.addLong("to", (long) to)
			.addString("asOf", Timestamps.format(asOf))
			.toJobParameters();
	}

	/** A few national key figures of a year, one printable line each (for `demo`). */
	public static List<String> nationalKeyFigures(ApplicationContext context, int year) {
		return KeyFigures.describe(KeyFigures.national(context.getBean(DataDirectory.class), year));
	}

	static int[] range(Integer year, Integer from, Integer to) {
		if (year != null && (from != null || to != null)) {
			throw new UsageException("give either --year Y or --from Y1 --to Y2, not both");
		}
		if (year != null) {
			checkYear("--year", year);
			return new int[] { year, year };
		}
		if (from == null || to == null) {
			throw new UsageException("give --year Y, or both --from Y1 and --to Y2");
		}
		checkYear("--from", from);
		checkYear("--to", to);
		if (from > to) {
			throw new UsageException("--from " + from + " is after --to " + to + ": give the earlier year first");
		}
		bounded(() -> ParameterBounds.range(from, to));
		return new int[] { from, to };
	}

	/**
	 * Four digits, then the bounds every job parameter has (ParameterBounds): 1900 to the
	 * current year.
	 */
	static void checkYear(String option, int value) {
		if (value < 1000 || value > 9999) {
			throw new UsageException(option + " " + value + " is not a year (four digits expected, e.g. 2025)");
		}
		bounded(() -> ParameterBounds.year(option, value, ParameterBounds.EARLIEST_YEAR));
	}

	/** A bound of ParameterBounds broken is a usage error (exit 2) with its message. */
	static void bounded(Runnable check) {
		try {
			check.run();
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
	}

}
