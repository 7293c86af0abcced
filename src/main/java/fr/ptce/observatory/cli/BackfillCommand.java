package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import fr.ptce.observatory.schedule.GracefulTermination;
import fr.ptce.observatory.schedule.JobRuns;
import fr.ptce.observatory.schedule.backfill.Backfill;
import fr.ptce.observatory.schedule.backfill.BackfillMode;
import fr.ptce.observatory.schedule.backfill.BackfillRequest;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code backfill --from Y1 --to Y2 [--steps aggregate,report,extract] [--mode missing|failed|all] [--force]
 * [--dry-run] [--concurrency N] [--as-of INSTANT]}: reruns the steps for each year of the
 * range, by default only the (step, year) partitions not already completed. Exit status 1
 * when a partition failed (the others still ran).
 */
@Command(name = BackfillCommand.NAME, mixinStandardHelpOptions = true,
		description = { "Reruns steps for each year of a range: by default only the (step, year) "
				+ "partitions whose last run did not complete (--mode missing); --force or --mode all redoes every one, "
				+ "--mode failed only those whose last run failed or was stopped." },
		sortOptions = false)
public class BackfillCommand implements Callable<Integer> {

	static final String NAME = "backfill";

	@ParentCommand
	ObservatoryCommand root;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--from", required = true, paramLabel = "Y1", description = "first year")
	int from;

	@Option(names = "--to", required = true, paramLabel = "Y2", description = "last year")
	int to;

	@Option(names = "--steps", paramLabel = "STEPS", defaultValue = "aggregate,report",
			description = "comma-separated, run in this order within a year: aggregate, report, extract "
					+ "(default: ${DEFAULT-VALUE})")
	String steps;

	@Option(names = "--mode", paramLabel = "MODE", description = "missing (default), failed or all")
	String mode;

	@Option(names = "--force", description = "redo every partition of the range (same as --mode all)")
	boolean force;

	@Option(names = "--dry-run", description = "print the plan (step, year, current state, action) and stop")
	boolean dryRun;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
			description = "years run at once (1-8, default: ${DEFAULT-VALUE})")
	int concurrency;

	@Option(names = "--as-of", paramLabel = "INSTANT", description = "passed to the aggregate and report runs")
	String asOf;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		BackfillRequest request;
		try {
			if (force && mode != null && !mode.equalsIgnoreCase("all")) {
				throw new IllegalArgumentException("--force is --mode all; it cannot go with --mode " + mode);
			}
			BackfillMode m = force ? BackfillMode.ALL : mode == null ? BackfillMode.MISSING : BackfillMode.parse(mode);
			request = new BackfillRequest(from, to, BackfillRequest.steps(steps), m, concurrency, asOf);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		Path dataDir = root.global.dataDir();
		try (ConfigurableApplicationContext context = ApplicationContexts.start(root.global, dataDir)) {
			GracefulTermination.install(context);
			JobRuns runs = context.getBean(JobRuns.class);
			Backfill backfill;
			try {
				backfill = Backfill.plan(runs, request);
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException(ex.getMessage());
			}
			backfill.printPlan(out);
			if (dryRun) {
				out.println("dry run: nothing was run");
				out.flush();
				return 0;
			}
			backfill.run(item -> {
				synchronized (out) {
					out.printf(Locale.ROOT, "%-10s %d  %s%s%s%n", item.step().shortName(), item.year(),
							item.status().name().toLowerCase(Locale.ROOT),
							item.runId() == null ? "" : " (run " + item.runId() + ")",
							item.message() == null ? "" : ": " + item.message());
					out.flush();
				}
			});
			long failed = backfill.count(Backfill.Status.FAILED);
			out.printf(Locale.ROOT, "backfill done: %d completed, %d failed, %d skipped%n",
					backfill.count(Backfill.Status.COMPLETED), failed, backfill.count(Backfill.Status.SKIPPED));
			out.flush();
			if (failed > 0) {
				backfill.items()
					.stream()
					.filter(i -> i.status() == Backfill.Status.FAILED)
					.forEach(i -> err.println("error: " + i.step().shortName() + " " + i.year() + ": " + i.message()));
				err.flush();
				return 1;
			}
			return 0;
		}
	}

}
