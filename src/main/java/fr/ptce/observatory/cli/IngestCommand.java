package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import fr.ptce.observatory.ingest.IngestJobConfiguration;
import fr.ptce.observatory.ingest.IngestSummary;
import fr.ptce.observatory.launch.JobLaunches;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ingest [--inbox DIR]}: ingests every file of the inbox, in name order. */
@Command(name = IngestCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Ingests every file of the inbox (default DATA_DIR/inbox), in name order: validates each row,"
				+ " stores the accepted ones in warehouse/observations, writes a receipt per file into receipts/ and"
				+ " moves each file to archive/, quarantine/ or rejected/.",
				"A run killed at any point is finished by the next ingest, with nothing lost or stored twice." })
public class IngestCommand implements Callable<Integer> {

	static final String NAME = "ingest";

	@ParentCommand
	ObservatoryCommand parent;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--inbox", paramLabel = "DIR",
			description = "folder of the files to ingest (default: DATA_DIR/inbox)")
	Path inbox;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (inbox != null && !inbox.toFile().isDirectory()) {
			throw new UsageException("the inbox " + inbox + " is not a folder");
		}
		CompilerPolicy.input(List.of(inbox != null ? inbox : parent.global.dataDir().resolve("inbox")),
				CompilerPolicy.SMALL_CSV);
		try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.global,
				parent.global.dataDir())) {
			return ingest(context, inbox, out, err);
		}
	}

	/**
	 * Runs the ingest job on a started context and prints its summary; the exit status of
	 * interfaces.md.
	 */
	static int ingest(ConfigurableApplicationContext context, Path inbox, PrintWriter out, PrintWriter err) {
		JobLaunches.recoverAbandoned(context, IngestJobConfiguration.JOB_NAME, out);
		JobParametersBuilder parameters = JobLaunches.newRun();
		if (inbox != null) {
			parameters.addString(IngestJobConfiguration.INBOX, inbox.toAbsolutePath().toString(), false);
		}
		JobExecution execution = JobLaunches.run(context, IngestJobConfiguration.JOB_NAME,
				parameters.toJobParameters());
		Object summary = execution.getExecutionContext().get(IngestJobConfiguration.SUMMARY);
		if (summary != null) {
			IngestSummary.fromContext(summary).lines().forEach(out::println);
			if (execution.getStartTime() != null && execution.getEndTime() != null) {
				double seconds = Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0;
				out.printf(Locale.ROOT, "Job time: %.2f s (%,.0f data rows/s)%n", seconds,
						IngestSummary.fromContext(summary).rowsRead() / Math.max(seconds, 0.001));
			}
		}
		return JobLaunches.exitStatus(execution, err);
	}

}
