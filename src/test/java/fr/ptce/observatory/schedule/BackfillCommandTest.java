package fr.ptce.observatory.schedule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.cli.ObservatoryCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill command as operators type it, with the test jobs put in its context
 * through spring.main.sources.
 */
class BackfillCommandTest {

	@TempDir
	Path dataDir;

	record Result(int status, String out, String err) {
	}

	private Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
		all.addAll(List.of(args));
		all.addAll(TestServers.commandLineArguments(TestServers.Database.h2()));
		all.add("--logging.level.fr.ptce.observatory=WARN");
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				all.toArray(String[]::new));
		return new Result(status, out.toString(), err.toString());
	}

	@Test
	void dryRunThenRunThenFailure() throws Exception {
		// a dry run prints the plan and runs nothing
		Result dry = run("backfill", "--from", "2019", "--to", "2020", "--dry-run");
		assertThat(dry.status()).as(dry.err()).isZero();
		assertThat(dry.out()).contains("aggregate  2019   NONE       run")
			.contains("report     2020   NONE       run")
			.contains("dry run: nothing was run");
		assertThat(TestJobs.markers(dataDir, "aggregate")).isEmpty();

		// a run of one failing year: the other completes, exit status 1 with the failure
		TestJobs.control(dataDir, "fail-report-2020", "");
		Result failing = run("backfill", "--from", "2019", "--to", "2020", "--concurrency", "2");
		assertThat(failing.status()).isEqualTo(1);
		assertThat(failing.out()).contains("backfill done: 3 completed, 1 failed, 0 skipped");
		assertThat(failing.err()).contains("error: report 2020: ").contains("failure asked for report 2020");

		// --force redoes everything; without it, only the failed partition
		TestJobs.control(dataDir, "fail-report-2020", null);
		Result again = run("backfill", "--from", "2019", "--to", "2020");
		assertThat(again.status()).as(again.err()).isZero();
		assertThat(again.out()).contains("backfill done: 1 completed, 0 failed, 3 skipped");
		Result forced = run("backfill", "--from", "2019", "--to", "2020", "--force", "--steps", "report");
		assertThat(forced.out()).contains("backfill done: 2 completed, 0 failed, 0 skipped");
		assertThat(TestJobs.markers(dataDir, "aggregate")).hasSize(2);

		// the three steps, extract after the report of each year
		Result all = run("backfill", "--from", "2020", "--to", "2020", "--steps", "extract,aggregate,report",
				"--force");
		assertThat(all.status()).as(all.err()).isZero();
		assertThat(all.out()).contains("backfill done: 3 completed, 0 failed, 0 skipped");
		assertThat(TestJobs.markers(dataDir, "extract")).hasSize(1);
	}

	@Test
	void wrongOptionsAreUsageErrors() {
		Result reversed = run("backfill", "--from", "2022", "--to", "2020");
		assertThat(reversed.status()).isEqualTo(2);
		assertThat(reversed.err()).contains("from (2022) is after to (2020)");
		Result step = run("backfill", "--from", "2020", "--to", "2020", "--steps", "aggregate,publish");
		assertThat(step.status()).isEqualTo(2);
		assertThat(step.err()).contains("unknown step 'publish' (steps: aggregate, report, extract)");
		Result mode = run("backfill", "--from", "2020", "--to", "2020", "--mode", "some");
		assertThat(mode.status()).isEqualTo(2);
		assertThat(mode.err()).contains("mode must be missing, failed or all");
	}

}
