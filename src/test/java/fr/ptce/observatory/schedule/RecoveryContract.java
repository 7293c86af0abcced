package fr.ptce.observatory.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes and stops of a real server process (a child JVM on the test classpath, see
 * {@link ServerProcess}) in the middle of a run of 40 chunks: after kill -9 the next
 * server recovers the run left STARTED and restarts it from its last committed chunk;
 * after SIGTERM the run ends STOPPED at a chunk boundary and is restarted from there.
 */
abstract class RecoveryContract {

	@TempDir
	Path dataDir;

	abstract TestServers.Database database() throws Exception;

	@Test
	void aRunKilledWithTheServerIsRecoveredAndRestartedAtTheNextStart() throws Exception {
		// given a server killed (SIGKILL) while its aggregate run is half-way
		TestServers.Database db = database();
		long id = runThenEnd(db, true);

		// when the next server starts, with recovery=restart
		Map<String, String> props = serverProperties(Map.of("observatory.operations.recovery", "restart"));
		try (ConfigurableApplicationContext server = TestServers.serve(dataDir, db, false, props)) {
			JobRuns runs = server.getBean(JobRuns.class);

			// then the dead run is FAILED (recovered), and a new execution of the same
			// instance completes
			JobExecution dead = runs.execution(id);
			assertThat(dead.getStatus()).isEqualTo(BatchStatus.FAILED);
			// and says why: found dead, when, by which process
			assertThat(dead.getExitStatus().getExitDescription()).contains("found dead at ")
				.contains("by process " + ProcessHandle.current().pid())
				.contains("had ended");
			assertThat(server.getBean(StartupRecovery.class).recovered()).containsExactly(id);
			JobExecution restarted = awaitNextExecution(runs, dead);
			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			// from the last committed chunk, not from the start
			assertThat(resumedFrom(restarted.getId())).isGreaterThan(0);
			assertThat(TestJobs.markers(dataDir, "aggregate")).contains("aggregate 2020 run=" + restarted.getId());
		}
	}

	@Test
	void sigtermStopsTheRunAtAChunkBoundaryAndItIsRestartedLater() throws Exception {
		// given a server sent SIGTERM while its aggregate run is half-way
		TestServers.Database db = database();
		long id = runThenEnd(db, false);

		// when the operator looks at it from the next server (recovery flag: nothing
		// automatic)
		try (ConfigurableApplicationContext server = TestServers.serve(dataDir, db, false,
				serverProperties(Map.of()))) {
			JobRuns runs = server.getBean(JobRuns.class);

			// then it stopped cleanly: STOPPED, not FAILED, nothing to recover
			assertThat(runs.execution(id).getStatus()).as(Files.readString(dataDir.resolve("child.log")))
				.isEqualTo(BatchStatus.STOPPED);
			assertThat(server.getBean(StartupRecovery.class).recovered()).isEmpty();

			// and when restarted, it goes on from where it stopped and completes
			JobExecution restarted = runs.await(runs.restart(id).getId(), Duration.ofSeconds(60));
			assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(restarted.getJobInstance().getInstanceId())
				.isEqualTo(runs.execution(id).getJobInstance().getInstanceId());
			assertThat(resumedFrom(restarted.getId())).isGreaterThan(0);
			assertThat(server.getBean(StartupRecovery.class).resumed()).isEmpty();
		}
	}

	@Test
	void withRecoveryRestartARunStoppedBySigtermGoesOnAtTheNextStart() throws Exception {
		// given a server sent SIGTERM while its aggregate run is half-way
		TestServers.Database db = database();
		long id = runThenEnd(db, false);

		// when the next server starts with recovery=restart
		Map<String, String> props = serverProperties(Map.of("observatory.operations.recovery", "restart"));
		try (ConfigurableApplicationContext server = TestServers.serve(dataDir, db, false, props)) {
			JobRuns runs = server.getBean(JobRuns.class);

			// then the stopped run goes on from where it stopped, and completes
			assertThat(server.getBean(StartupRecovery.class).resumed())
				.as("run %s: %s, context %s; child:%n%s", id, runs.execution(id).getStatus(),
						runs.execution(id).getExecutionContext(), Files.readString(dataDir.resolve("child.log")))
				.containsExactly(id);
			JobExecution stopped = runs.execution(id);
			assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
			JobExecution resumed = awaitNextExecution(runs, stopped);
			assertThat(resumed.getStatus()).as("%s %s", resumed.getExitStatus(), resumed.getAllFailureExceptions())
				.isEqualTo(BatchStatus.COMPLETED);
			assertThat(resumedFrom(resumed.getId()))
				.as("%s%n%s", TestJobs.markers(dataDir, "aggregate"), Files.readString(dataDir.resolve("child.log")))
				.isGreaterThan(0);
			// and the mark of the shutdown does not follow it
			assertThat(resumed.getExecutionContext().containsKey(JobRuns.STOPPED_BY_SHUTDOWN)).isFalse();
		}
	}

	private Map<String, String> serverProperties(Map<String, String> extra) throws Exception {
		Path schedules = dataDir.resolve("no-schedules.yml");
		Files.writeString(schedules, "schedules: []\n");
		Map<String, String> p = new LinkedHashMap<>(extra);
		p.put("observatory.serve.schedules", schedules.toString());
		return p;
	}

	/**
	 * Starts a child server, waits for its run to be under way, then kills it (-9) or
	 * sends it SIGTERM.
	 */
	private long runThenEnd(TestServers.Database db, boolean kill) throws Exception {
		TestJobs.control(dataDir, "slow-aggregate", "40");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-cp");
		command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		command.add(ServerProcess.class.getName());
		Map<String, String> props = new LinkedHashMap<>(serverProperties(Map.of()));
		props.put("observatory.data-dir", dataDir.toString());
		props.put("logging.level.root", "WARN");
		props.put("logging.level.fr.ptce.observatory", "INFO");
		props.putAll(db.properties());
		props.forEach((k, v) -> command.add("--" + k + "=" + v));
		Path childLog = dataDir.resolve("child.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(childLog.toFile())
			.start();
		try {
			long id = -1;
			Pattern started = Pattern.compile("(?m)^RUN (\\d+)$");
			for (int i = 0; i < 1200 && id < 0 && process.isAlive(); i++) {
				Matcher m = started.matcher(Files.readString(childLog));
				if (m.find()) {
					id = Long.parseLong(m.group(1));
				}
				else {
					Thread.sleep(100);
				}
			}
			assertThat(id).as("the child server did not start its run:\n%s", Files.readString(childLog)).isPositive();
			// some chunks committed, many left
			Thread.sleep(1_500);
			if (kill) {
				process.destroyForcibly();
			}
			else {
				process.destroy();
			}
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child server ended").isTrue();
			if (kill) {
				assertThat(process.exitValue()).isEqualTo(137);
			}
			else {
				// a clean stop: SIGTERM's status, no error on the way
				assertThat(process.exitValue()).isEqualTo(143);
				assertThat(Files.readString(childLog)).contains("run " + id + " ended STOPPED").doesNotContain("ERROR");
			}
			return id;
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static JobExecution awaitNextExecution(JobRuns runs, JobExecution dead) throws Exception {
		for (int i = 0; i < 600; i++) {
			for (JobExecution e : RepositoryRuns.list(runs, java.util.Optional.of("aggregate"), 20)) {
				if (e.getId() > dead.getId()
						&& e.getJobInstance().getInstanceId() == dead.getJobInstance().getInstanceId()) {
					return runs.await(e.getId(), Duration.ofSeconds(60));
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no restart of run " + dead.getId());
	}

	private int resumedFrom(long executionId) throws Exception {
		Pattern p = Pattern.compile("start aggregate run=" + executionId + " from=(\\d+)");
		for (String line : TestJobs.markers(dataDir, "aggregate")) {
			Matcher m = p.matcher(line);
			if (m.matches()) {
				return Integer.parseInt(m.group(1));
			}
		}
		return -1;
	}

}
