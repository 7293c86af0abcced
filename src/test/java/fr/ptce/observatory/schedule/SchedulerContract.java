package fr.ptce.observatory.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on a real database with short cron expressions: two servers on one
 * database fire each trigger once, a paused schedule does not fire, and a command-line
 * context never starts the scheduler. Run on H2 and PostgreSQL.
 */
abstract class SchedulerContract {

	@TempDir
	Path dataDir;

	abstract TestServers.Database database() throws Exception;

	@Test
	void twoServersOnOneDatabaseFireEachTriggerOnceAndPauseHolds() throws Exception {
		// given a schedule file with an ingest every two seconds, and two servers on the
		// same database
		Path schedules = dataDir.resolve("schedules.yml");
		Files.writeString(schedules, """
				schedules:
				  - name: every-two-seconds
				    job: ingest
				    cron: "0/2 * * * * ?"
				    misfire: skip
				  - name: nightly
				    job: aggregate
				    cron: "0 30 2 * * ?"
				    parameters: {from: previous-year, to: current-year}
				""");
		TestServers.Database db = database();
		Map<String, String> props = Map.of("observatory.serve.schedules", schedules.toString());
		try (ConfigurableApplicationContext first = TestServers.serve(dataDir, db, false, props);
				ConfigurableApplicationContext second = TestServers.serve(dataDir, db, false, props)) {
			JobRuns runs = first.getBean(JobRuns.class);

			// when they run for a while
			waitForRuns(runs, 4, 20_000);

			// then every firing was run once, by one server or the other: no two runs of
			// one scheduled instant
			List<JobExecution> executions = ingestRuns(runs);
			Set<String> fires = executions.stream()
				.map(e -> e.getJobParameters().getString("scheduled.fire"))
				.collect(Collectors.toSet());
			assertThat(executions).hasSizeGreaterThanOrEqualTo(4);
			assertThat(fires)
				.as("fire times of %s", executions.stream()
					.map(e -> e.getId() + "@" + e.getJobParameters().getString("scheduled.fire") + "/" + e.getStatus())
					.toList())
				.hasSize(executions.size());
			assertThat(executions)
				.allSatisfy(e -> assertThat(e.getJobParameters().getString("schedule")).isEqualTo("every-two-seconds"));
			// and the misfire policies are the explicit ones of the file
			Scheduler scheduler = first.getBean(Scheduler.class);
			assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("every-two-seconds", "observatory")))
				.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
			assertThat(((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly", "observatory")))
				.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);

			// when the schedule is paused (through one server: the pause is in the shared
			// store)
			first.getBean(Schedules.class).pause("every-two-seconds");
			Thread.sleep(1_000);
			waitUntilNoneRunning(runs);
			int paused = ingestRuns(runs).size();
			Thread.sleep(4_500);

			// then nothing fires on either server
			assertThat(ingestRuns(runs)).hasSize(paused);

			// and when resumed, firings come back
			second.getBean(Schedules.class).resume("every-two-seconds");
			waitForRuns(runs, paused + 1, 10_000);
			assertThat(ingestRuns(runs)).hasSizeGreaterThan(paused);
		}

		// and a command-line context on the same database has the scheduler but never
		// starts it
		try (ConfigurableApplicationContext command = TestServers.command(dataDir, db, Map.of())) {
			assertThat(command.getBean(Scheduler.class).isStarted()).isFalse();
			assertThat(command.getBeanProvider(Schedules.class).getIfAvailable()).isNull();
			int before = ingestRuns(command.getBean(JobRuns.class)).size();
			Thread.sleep(2_500);
			assertThat(ingestRuns(command.getBean(JobRuns.class))).hasSize(before);
		}
	}

	private static List<JobExecution> ingestRuns(JobRuns runs) {
		return RepositoryRuns.list(runs, Optional.of("ingest"), 1000);
	}

	private static void waitForRuns(JobRuns runs, int count, long millis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < deadline) {
			if (ingestRuns(runs).stream().filter(e -> e.getStatus() == BatchStatus.COMPLETED).count() >= count) {
				return;
			}
			Thread.sleep(200);
		}
	}

	private static void waitUntilNoneRunning(JobRuns runs) throws InterruptedException {
		for (int i = 0; i < 50 && !runs.running(PipelineJob.INGEST).isEmpty(); i++) {
			Thread.sleep(100);
		}
	}

}
