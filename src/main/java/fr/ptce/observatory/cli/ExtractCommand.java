package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import fr.ptce.observatory.extract.ExtractBuilder;
import fr.ptce.observatory.extract.ExtractJobConfiguration;
import fr.ptce.observatory.launch.JobLaunches;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code extract --year Y [--partner CODE]}: the partner extracts of year Y (extracts.md)
 * from the warehouse. A year without aggregates and an unknown partner are usage errors
 * (exit 2) that say what to run or give instead.
 */
@Command(name = ExtractCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
		description = "Builds the partner extracts of year Y (Parquet, CSV, SDMX-CSV, datapackage.json) into "
				+ "DATA_DIR/extracts/PARTNER/Y/VERSION/; a version already there is not written again.")
public class ExtractCommand implements Callable<Integer> {

	static final String NAME = "extract";

	@ParentCommand
	ObservatoryCommand root;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--year", required = true, paramLabel = "Y", description = "the report year of the extracts")
	int year;

	@Option(names = "--partner", paramLabel = "CODE",
			description = "one partner of the partners file (default: every partner)")
	String partner;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (ConfigurableApplicationContext context = ApplicationContexts.start(root.global, root.global.dataDir())) {
			JobLaunches.recoverAbandoned(context, ExtractJobConfiguration.JOB, out);
			JobExecution execution = launch(context, year, partner);
			int status = JobLaunches.exitStatus(execution, err);
			if (status == 0) {
				report(execution, out);
			}
			return status;
		}
	}

	/**
	 * Checks the year and partner (UsageException otherwise), then runs the extract job.
	 */
	static JobExecution launch(ConfigurableApplicationContext context, int year, String partner) {
		try {
			context.getBean(ExtractBuilder.class).check(year, partner);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		JobParametersBuilder parameters = JobLaunches.newRun().addLong("year", (long) year);
		if (partner != null && !partner.isBlank()) {
			parameters.addString("partner", partner.strip());
		}
		return JobLaunches.run(context, ExtractJobConfiguration.JOB, parameters.toJobParameters());
	}

	private void report(JobExecution execution, PrintWriter out) {
		var ctx = execution.getExecutionContext();
		String outcomes = ctx.containsKey(ExtractJobConfiguration.OUTCOMES)
				? ctx.getString(ExtractJobConfiguration.OUTCOMES) : "";
		for (String line : outcomes.split("\n")) {
			String[] f = line.split(" ", 4);
			if (f.length == 4) {
				out.println(("written".equals(f[2]) ? "New extract " : "Unchanged, kept ") + f[0] + " " + year + " "
						+ f[1] + ": " + f[3]);
			}
		}
		if (execution.getStartTime() != null && execution.getEndTime() != null) {
			out.printf("Extracts of %d built in %.2f s (job time)%n", year,
					Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0);
		}
	}

	/**
	 * For {@code demo}: builds the extracts of year Y in an already-started context and
	 * returns the folder of the first partner's extract.
	 * @throws IllegalStateException when the job fails (with its step and reason)
	 */
	public static Path extract(ConfigurableApplicationContext context, int year) {
		JobExecution execution = launch(context, year, null);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			throw new IllegalStateException(JobLaunches.describeFailure(execution));
		}
		return Path.of(execution.getExecutionContext().getString(ExtractJobConfiguration.FIRST_FOLDER));
	}

}
