package fr.ptce.observatory.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A run left STARTED is recovered only when the process that ran it is gone. */
class ProcessMarkerTest {

	static JobExecution executionOf(long pid, String host) {
		JobExecution execution = new JobExecution(1L, new JobInstance(1L, "aggregateJob"), new JobParameters());
		execution.getExecutionContext().putLong(ProcessMarker.PID, pid);
		execution.getExecutionContext().putString(ProcessMarker.HOST, host);
		return execution;
	}

	@Test
	void liveProcessOnThisMachineIsAlive() throws Exception {
		Process sleeper = new ProcessBuilder("sleep", "30").start();
		try {
			assertThat(ProcessMarker.isAlive(executionOf(sleeper.pid(), ProcessMarker.host()))).isTrue();
			assertThat(ProcessMarker.isAlive(executionOf(sleeper.pid(), "another-host"))).isFalse();
		}
		finally {
			sleeper.destroyForcibly().waitFor();
		}
		assertThat(ProcessMarker.isAlive(executionOf(sleeper.pid(), ProcessMarker.host()))).isFalse();
	}

	@Test
	void runWithoutMarkIsTakenForDead() {
		assertThat(ProcessMarker.isAlive(new JobExecution(2L, new JobInstance(2L, "ingestJob"), new JobParameters())))
			.isFalse();
	}

}
