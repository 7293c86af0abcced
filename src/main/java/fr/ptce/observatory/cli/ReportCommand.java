package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import fr.ptce.observatory.launch.JobLaunches;
import fr.ptce.observatory.publish.Publisher;
import fr.ptce.observatory.publish.ReportJobConfiguration;
import fr.ptce.observatory.warehouse.Timestamps;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code report --year Y [--as-of INSTANT]}: renders the publication of year Y into
 * publications/YYYY/ from the aggregates of Y. A year without aggregates is a usage error
 * (exit 2) that says to run {@code aggregate} first: the report never computes figures
 * itself, so that what is published is what the aggregation job wrote.
 */
@Command(name = ReportCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
		description = "Renders the national publication of year Y (and its regional editions) into "
				+ "DATA_DIR/publications/Y/.")
public class ReportCommand implements Callable<Integer> {

	static final String NAME = "report";

	@ParentCommand
	ObservatoryCommand root;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--year", required = true, paramLabel = "Y", description = "the year to publish")
	int year;

	@Option(names = "--as-of", paramLabel = "INSTANT",
			description = "ISO instant or date (read as its end, UTC); default: the instant the aggregates of Y "
					+ "were computed as of")
	String asOf;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		AggregateCommand.checkYear("--year", year);
		Instant instant = AsOfOption.parse(asOf);
		try (ConfigurableApplicationContext context = ApplicationContexts.start(root.global, root.global.dataDir())) {
			JobLaunches.recoverAbandoned(context, ReportJobConfiguration.JOB, out);
			JobExecution execution = launch(context, year, instant, out);
			int status = JobLaunches.exitStatus(execution, err);
			if (status == 0) {
				out.println("Publication of " + year + ": "
						+ execution.getExecutionContext().getString(ReportJobConfiguration.NATIONAL_PDF));
				if (execution.getStartTime() != null && execution.getEndTime() != null) {
					out.printf("Rendered in %.1f s%n",
							Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0);
				}
			}
			return status;
		}
	}

	/**
	 * Checks the year can be published (UsageException otherwise), then runs the report
	 * job. The checks are those of {@link Publisher#check}: aggregates present, as-of
	 * instant matching theirs.
	 */
	static JobExecution launch(ConfigurableApplicationContext context, int year, Instant asOf, PrintWriter out) {
		try {
			context.getBean(Publisher.class).check(year, asOf);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		if (out != null) {
			out.println("Publishing " + year + ": the national report, the regional editions, the tables and "
					+ "the collection follow-up...");
		}
		JobParametersBuilder parameters = JobLaunches.newRun().addLong("year", (long) year);
		if (asOf != null) {
			parameters.addString("asOf", Timestamps.format(asOf));
		}
		return JobLaunches.run(context, ReportJobConfiguration.JOB, parameters.toJobParameters());
	}

	/**
	 * For {@code demo}: publishes year Y in an already-started context and returns the
	 * national PDF.
	 * @param asOf null for the aggregates' own as-of instant
	 * @throws UsageException when the year has no aggregates
	 * @throws IllegalStateException when the report job fails (with its step and reason)
	 */
	public static Path publish(ConfigurableApplicationContext context, int year, Instant asOf) {
		JobExecution execution = launch(context, year, asOf, null);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			throw new IllegalStateException(JobLaunches.describeFailure(execution));
		}
		return Path.of(execution.getExecutionContext().getString(ReportJobConfiguration.NATIONAL_PDF));
	}

}
