package fr.ptce.observatory.schedule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fr.ptce.observatory.schedule.backfill.Backfill;
import fr.ptce.observatory.schedule.backfill.BackfillMode;
import fr.ptce.observatory.schedule.backfill.BackfillRequest;
import fr.ptce.observatory.schedule.backfill.PartitionState;
import fr.ptce.observatory.schedule.backfill.PartitionStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backfills on the real job repository: the (step, year) states, the plans of the three
 * modes, a dry run, the concurrency cap, a failing year that does not stop the others,
 * and reruns that redo only what the mode asks.
 */
abstract class BackfillContract {

	@TempDir
	Path dataDir;

	abstract TestServers.Database database() throws Exception;

	private static final List<PipelineJob> STEPS = List.of(PipelineJob.AGGREGATE, PipelineJob.REPORT);

	@Test
	void modesDryRunFailuresAndReruns() throws Exception {
		try (ConfigurableApplicationContext context = TestServers.command(dataDir, database(), Map.of())) {
			JobRuns runs = context.getBean(JobRuns.class);

			// given aggregate 2020 completed, aggregate 2021 failed, nothing for 2022;
			// report 2020 completed
			run(runs, PipelineJob.AGGREGATE, Map.of("from", "2020", "to", "2020"), BatchStatus.COMPLETED);
			TestJobs.control(dataDir, "fail-aggregate-2021", "");
			run(runs, PipelineJob.AGGREGATE, Map.of("from", "2021", "to", "2021"), BatchStatus.FAILED);
			run(runs, PipelineJob.REPORT, Map.of("year", "2020"), BatchStatus.COMPLETED);

			// then the partition states are those of the last runs
			assertThat(PartitionStates.list(runs.history(), STEPS, 2020, 2022))
				.extracting(s -> s.step().shortName() + " " + s.year() + " " + s.state())
				.containsExactly("aggregate 2020 COMPLETED", "aggregate 2021 FAILED", "aggregate 2022 NONE",
						"report 2020 COMPLETED", "report 2021 NONE", "report 2022 NONE");
			// and the list for status holds only what ran
			assertThat(PartitionStates.list(context)).extracting(PartitionState::state)
				.containsExactly(PartitionState.State.COMPLETED, PartitionState.State.FAILED,
						PartitionState.State.COMPLETED);

			// when planned in each mode, then each redoes what it says
			assertThat(toRun(runs, BackfillMode.MISSING)).containsExactly("aggregate 2021", "aggregate 2022",
					"report 2021", "report 2022");
			assertThat(toRun(runs, BackfillMode.FAILED)).containsExactly("aggregate 2021");
			assertThat(toRun(runs, BackfillMode.ALL)).hasSize(6);

			// and a dry run prints the plan: step, year, current state, action
			StringWriter text = new StringWriter();
			Backfill.plan(runs, request(BackfillMode.MISSING, 1)).printPlan(new PrintWriter(text));
			assertThat(text.toString()).contains("STEP       YEAR   STATE      ACTION")
				.contains("aggregate  2020   COMPLETED  skip (already completed)")
				.contains("aggregate  2021   FAILED     run")
				.contains("report     2022   NONE       run")
				.contains("4 to run, 2 skipped (mode missing)");

			// when run (missing, two years at once) with 2021 still failing
			Backfill first = Backfill.plan(runs, request(BackfillMode.MISSING, 2));
			first.run(item -> {
			});

			// then 2021 fails and its report is not run, while 2022 completes
			assertThat(states(first)).containsExactly("aggregate 2020 SKIPPED", "aggregate 2021 FAILED",
					"aggregate 2022 COMPLETED", "report 2020 SKIPPED", "report 2021 SKIPPED", "report 2022 COMPLETED");
			Backfill.Item failed = first.items().get(1);
			assertThat(failed.message()).contains("failed in step aggregate")
				.contains("failure asked for aggregate 2021");
			assertThat(first.items().get(4).message()).isEqualTo("not run: aggregate failed for 2021");

			// when the cause is fixed and the backfill run again
			TestJobs.control(dataDir, "fail-aggregate-2021", null);
			Backfill second = Backfill.plan(runs, request(BackfillMode.MISSING, 2));
			second.run(item -> {
			});

			// then only 2021 is redone: 2020 and 2022 ran once each
			assertThat(states(second)).containsExactly("aggregate 2020 SKIPPED", "aggregate 2021 COMPLETED",
					"aggregate 2022 SKIPPED", "report 2020 SKIPPED", "report 2021 COMPLETED", "report 2022 SKIPPED");
			assertThat(TestJobs.markers(dataDir, "aggregate")).filteredOn(l -> l.startsWith("aggregate 2022"))
				.hasSize(1);
			assertThat(TestJobs.markers(dataDir, "report")).filteredOn(l -> l.startsWith("report 2020")).hasSize(1);
			// and a third, in failed mode, has nothing left to do
			assertThat(toRun(runs, BackfillMode.FAILED)).isEmpty();
		}
	}

	@Test
	void aPartitionTakenByAnotherRunAfterThePlanIsSkippedNotFailed() throws Exception {
		try (ConfigurableApplicationContext context = TestServers.command(dataDir, database(), Map.of())) {
			JobRuns runs = context.getBean(JobRuns.class);
			// given a backfill planned, then its aggregate 2016 started by someone else
			// (another backfill, a schedule)
			Backfill backfill = Backfill.plan(runs, new BackfillRequest(2016, 2016,
					List.of(PipelineJob.AGGREGATE, PipelineJob.REPORT), BackfillMode.ALL, 1, null));
			TestJobs.control(dataDir, "slow-aggregate", "20");
			long other = runs.launch(PipelineJob.AGGREGATE, Map.of("from", "2016", "to", "2016")).getId();

			// when the backfill runs
			backfill.run(item -> {
			});

			// then the partition is not its failure: skipped, the other run left alone,
			// the later step skipped too
			assertThat(states(backfill)).containsExactly("aggregate 2016 SKIPPED", "report 2016 SKIPPED");
			assertThat(backfill.items().get(0).message()).contains("already running").contains("run " + other);
			assertThat(backfill.items().get(1).message())
				.isEqualTo("not run: aggregate of 2016 is being run by another run");
			assertThat(runs.await(other, Duration.ofSeconds(30)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		}
	}

	@Test
	void theConcurrencyCapHolds() throws Exception {
		try (ConfigurableApplicationContext context = TestServers.command(dataDir, database(),
				Map.of("observatory.operations.run-threads", "4"))) {
			JobRuns runs = context.getBean(JobRuns.class);
			// given slow aggregates (5 chunks of 100 ms) for four years, at most two at
			// once
			TestJobs.control(dataDir, "slow-aggregate", "5");
			Backfill backfill = Backfill.plan(runs,
					new BackfillRequest(2012, 2015, List.of(PipelineJob.AGGREGATE), BackfillMode.ALL, 2, null));
			AtomicInteger most = new AtomicInteger();
			backfill.run(item -> most.accumulateAndGet(
					(int) backfill.items().stream().filter(i -> i.status() == Backfill.Status.RUNNING).count(),
					Math::max));
			// then all completed, never more than two running, and two did run together
			assertThat(backfill.count(Backfill.Status.COMPLETED)).isEqualTo(4);
			assertThat(most.get()).isEqualTo(2);
		}
	}

	private static BackfillRequest request(BackfillMode mode, int concurrency) {
		return new BackfillRequest(2020, 2022, STEPS, mode, concurrency, null);
	}

	private static List<String> toRun(JobRuns runs, BackfillMode mode) {
		List<String> list = new ArrayList<>();
		for (Backfill.Item item : Backfill.plan(runs, request(mode, 1)).items()) {
			if (item.status() == Backfill.Status.PENDING) {
				list.add(item.step().shortName() + " " + item.year());
			}
		}
		return list;
	}

	private static List<String> states(Backfill backfill) {
		return backfill.items().stream().map(i -> i.step().shortName() + " " + i.year() + " " + i.status()).toList();
	}

	private static void run(JobRuns runs, PipelineJob job, Map<String, String> params, BatchStatus expected)
			throws InterruptedException {
		long id = runs.launch(job, params).getId();
		assertThat(runs.await(id, Duration.ofSeconds(30)).getStatus()).isEqualTo(expected);
	}

}
