package fr.ptce.observatory.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code serve} in a child JVM sent SIGTERM in the middle of a run started over
 * the API: the shutdown goes in order (runs asked to stop, STOPPED in the job repository,
 * then the database closed), so that the run and every one of its steps end STOPPED, and
 * a restart resumes it from where it stopped.
 */
abstract class ServeProcessContract {

	@TempDir
	Path work;

	abstract TestServers.Database database() throws Exception;

	Path dataDir() {
		return work.resolve("data");
	}

	@Test
	void sigtermMidRunEndsItStoppedWithEveryStepStoppedAndRestartResumesIt() throws Exception {
		// given serve running a slow aggregate started over the API
		TestServers.Database db = database();
		TestJobs.control(dataDir(), "slow-aggregate", "80");
		long id;
		String log;
		try (ServeChild serve = ServeChild.start(dataDir(), db, work)) {
			var started = serve.post("/api/runs", "{\"job\":\"aggregate\",\"parameters\":{\"from\":2020,\"to\":2020}}");
			assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
			Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(started.body());
			assertThat(m.find()).isTrue();
			id = Long.parseLong(m.group(1));
			Thread.sleep(2_000);

			// when it is sent SIGTERM
			int status = serve.terminate();
			log = serve.log();

			// then it ends with SIGTERM's status, having recorded the stop before the
			// database went
			assertThat(status).as(log).isEqualTo(143);
		}
		assertThat(log).contains("run " + id + " ended STOPPED")
			.doesNotContain("already closed")
			.doesNotContain("cannot stop run")
			.doesNotContain("ERROR")
			.doesNotContain("WARN");

		Path schedules = work.resolve("no-schedules.yml");
		try (ConfigurableApplicationContext server = TestServers.serve(dataDir(), db, false,
				Map.of("observatory.serve.schedules", schedules.toString()))) {
			JobRuns runs = server.getBean(JobRuns.class);
			JobExecution stopped = runs.execution(id);
			assertThat(stopped.getStatus()).as(log).isEqualTo(BatchStatus.STOPPED);
			assertThat(stopped.getStepExecutions()).isNotEmpty()
				.extracting(StepExecution::getStatus)
				.containsOnly(BatchStatus.STOPPED);

			// and a restart goes on from where it stopped, and completes
			JobExecution restarted = runs.await(runs.restart(id).getId(), Duration.ofSeconds(60));
			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(resumedFrom(restarted.getId())).isGreaterThan(0);
		}
	}

	private int resumedFrom(long executionId) throws Exception {
		Pattern p = Pattern.compile("start aggregate run=" + executionId + " from=(\\d+)");
		for (String line : TestJobs.markers(dataDir(), "aggregate")) {
			Matcher m = p.matcher(line);
			if (m.matches()) {
				return Integer.parseInt(m.group(1));
			}
		}
		return -1;
	}

}
