package fr.ptce.observatory.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The graceful end of a server's runs (SIGTERM): every unfinished run started by this
 * server is asked to stop at its next chunk boundary, marked as stopped by the shutdown
 * so that the next server with recovery=restart resumes it, and awaited up to a bound;
 * then the run threads go.
 */
final class RunsShutdown {

	private static final Logger log = LoggerFactory.getLogger(RunsShutdown.class);

	private final JobRuns runs;

	private final Map<Long, JobExecution> launchedHere;

	private final JobRepository repository;

	RunsShutdown(JobRuns runs, Map<Long, JobExecution> launchedHere, JobRepository repository) {
		this.runs = runs;
		this.launchedHere = launchedHere;
		this.repository = repository;
	}

	/**
	 * Asks every unfinished run started by this server to stop, and waits for them up to
	 * the given time.
	 */
	void stopRunsStartedHere(Duration wait) {
		List<Long> ids = new ArrayList<>(launchedHere.keySet());
		if (ids.isEmpty()) {
			runs.shutdownExecutor();
			return;
		}
		Map<Long, JobExecution> marked = new LinkedHashMap<>();
		for (Long id : ids) {
			try {
				JobExecution execution = runs.execution(id);
				if (execution.getStatus().isRunning()) {
					log.info("stopping run {} of {} at its next chunk boundary", id,
							execution.getJobInstance().getJobName());
					// recorded with the run (the job saves the context of its own, live,
					// execution) so that the next
					// server with recovery=restart resumes it, unlike a run an operator
					// stopped
					JobExecution live = launchedHere.get(id);
					if (live != null) {
						live.getExecutionContext().putString(JobRuns.STOPPED_BY_SHUTDOWN, "true");
						repository.updateExecutionContext(live);
						marked.put(id, live);
					}
					runs.operatorForShutdown().stop(execution);
				}
			}
			catch (Exception ex) {
				log.warn("cannot stop run {}: {}", id, JobRuns.rootMessage(ex));
			}
		}
		// JobOperator.stop records STOPPED at once; the run itself ends at its next chunk
		// boundary, which is when
		// its job returns (InstrumentedJob then forgets it): that is what is awaited,
		// before the executor goes
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			while (ids.stream().anyMatch(launchedHere::containsKey) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		marked.forEach((id, live) -> {
			if (!launchedHere.containsKey(id)) {
				// again once the job has returned: its own last save of the context may
				// have raced with the first
				live.getExecutionContext().putString(JobRuns.STOPPED_BY_SHUTDOWN, "true");
				repository.updateExecutionContext(live);
			}
		});
		for (Long id : ids) {
			if (launchedHere.containsKey(id)) {
				log.warn("run {} did not stop within {}: it will be recovered at the next start", id, wait);
			}
			else {
				logEnd(id);
			}
		}
		runs.shutdownExecutor();
	}

	/**
	 * The end of a run as the job repository has it: the run and each of its steps
	 * (nothing left STARTED).
	 */
	private void logEnd(long id) {
		try {
			JobExecution ended = runs.execution(id);
			List<String> unfinished = ended.getStepExecutions()
				.stream()
				.filter(step -> step.getStatus().isRunning())
				.map(step -> step.getStepName() + " " + step.getStatus())
				.toList();
			if (unfinished.isEmpty()) {
				log.info("run {} ended {}", id, ended.getStatus());
			}
			else {
				log.warn("run {} ended {} with steps unfinished: {}", id, ended.getStatus(), unfinished);
			}
		}
		catch (RuntimeException ex) {
			log.warn("run {} ended, but its state cannot be read: {}", id, JobRuns.rootMessage(ex));
		}
	}

}
