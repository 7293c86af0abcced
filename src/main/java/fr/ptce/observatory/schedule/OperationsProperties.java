package fr.ptce.observatory.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of scheduled operation (prefix {@code observatory.operations}).
 *
 * @param runThreads how many job runs the server executes at once (the bounded executor
 * of scheduled, API and backfill runs); further runs wait in a queue
 * @param runQueue how many runs may wait; beyond, a start is refused and recorded as
 * FAILED
 * @param shutdownWait how long SIGTERM waits for running jobs to stop at a chunk boundary
 * @param recovery what {@code serve} does at start-up with runs left STARTED by a process
 * that died: {@code restart} them, {@code flag} them (marked FAILED for the operator to
 * restart or abandon) or {@code none}
 * @param recoveryStaleAfter with several servers on one database, only runs not updated
 * for this long are taken for dead (0: every unfinished run, right for a single server)
 */
@ConfigurationProperties("observatory.operations")
public record OperationsProperties(Integer runThreads, Integer runQueue, Duration shutdownWait, Recovery recovery,
		Duration recoveryStaleAfter) {

	public enum Recovery {

		RESTART, FLAG, NONE

	}

	public OperationsProperties {
		runThreads = runThreads == null || runThreads < 1 ? 2 : runThreads;
		runQueue = runQueue == null || runQueue < 0 ? 16 : runQueue;
		shutdownWait = shutdownWait == null ? Duration.ofSeconds(60) : shutdownWait;
		recovery = recovery == null ? Recovery.FLAG : recovery;
		recoveryStaleAfter = recoveryStaleAfter == null ? Duration.ZERO : recoveryStaleAfter;
	}

}
